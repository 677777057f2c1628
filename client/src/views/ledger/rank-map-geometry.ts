/**
 * Geometry of the ranking map (pure): towns' polygons ([lng, lat]) to SVG paths in a box, by an
 * equirectangular projection whose x is scaled by cos(mean latitude) so the district keeps its shape,
 * fitted to the box with a margin; a label point inside each town; a sequential colour by rank.
 */
type Ring = [number, number][];
type Geometry = GeoJSON.Polygon | GeoJSON.MultiPolygon | null;

export interface Projection { project: (p: [number, number]) => [number, number]; width: number; height: number }

const polygonsOf = (g: Geometry): Ring[][] =>
  !g ? [] : g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);

/** A projection fitting every geometry into width × height less `margin` on each side; null when there is nothing to fit. */
export function fitProjection(geoms: Geometry[], width: number, height: number, margin = 8): Projection | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of geoms.flatMap(polygonsOf)) for (const [lng, lat] of poly[0] ?? []) {
    x0 = Math.min(x0, lng); x1 = Math.max(x1, lng); y0 = Math.min(y0, lat); y1 = Math.max(y1, lat);
  }
  if (!Number.isFinite(x0)) return null;
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const spanX = Math.max((x1 - x0) * k, 1e-9);
  const spanY = Math.max(y1 - y0, 1e-9);
  const s = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  // Centre the drawing in the box along the axis with room to spare.
  const ox = (width - spanX * s) / 2;
  const oy = (height - spanY * s) / 2;
  return { width, height, project: ([lng, lat]) => [ox + (lng - x0) * k * s, oy + (y1 - lat) * s] };
}

/** An SVG path (evenodd holes) of a geometry; '' for none. */
export function geometryPath(g: Geometry, proj: Projection): string {
  return polygonsOf(g).map((poly) => poly.map((ring) =>
    ring.map((p, i) => { const [x, y] = proj.project(p); return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`; }).join('') + 'Z').join('')).join('');
}

const ringArea = (r: Ring): number => {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return a / 2;
};

/** Area of a geometry on the drawing (px², holes subtracted). */
export function projectedArea(g: Geometry, proj: Projection): number {
  return polygonsOf(g).reduce((sum, poly) => sum + poly.reduce((s, ring, i) => {
    const a = Math.abs(ringArea(ring.map((p) => proj.project(p))));
    return s + (i === 0 ? a : -a);
  }, 0), 0);
}

/** Even–odd test of a point against a polygon's rings (outer and holes). */
export function insidePolygon([x, y]: [number, number], poly: Ring[]): boolean {
  let inside = false;
  for (const ring of poly) for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]; const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * A point to write a town's label at, [lng, lat]: the area centroid of its largest polygon when that
 * falls inside it; else (a crescent-shaped town) the middle of the widest inside stretch of the
 * horizontal line through the centroid. null for no geometry.
 */
export function labelPoint(g: Geometry): [number, number] | null {
  const polys = polygonsOf(g).filter((p) => p[0]?.length >= 3);
  if (!polys.length) return null;
  const poly = polys.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
  const ring = poly[0];
  let [cx, cy, a6] = [0, 0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * f; cy += (ring[j][1] + ring[i][1]) * f; a6 += 3 * f;
  }
  const c: [number, number] = a6 ? [cx / a6, cy / a6] : ring[0];
  if (insidePolygon(c, poly)) return c;
  const xs: number[] = [];
  for (const r of poly) for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
    const [xi, yi] = r[i]; const [xj, yj] = r[j];
    if ((yi > c[1]) !== (yj > c[1])) xs.push(((xj - xi) * (c[1] - yi)) / (yj - yi) + xi);
  }
  xs.sort((p, q) => p - q);
  let best: [number, number] = ring[0];
  let widest = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) if (xs[i + 1] - xs[i] > widest) { widest = xs[i + 1] - xs[i]; best = [(xs[i] + xs[i + 1]) / 2, c[1]]; }
  return best;
}

const DARK = [8, 69, 148]; // rank 1
const LIGHT = [222, 235, 247]; // last rank

/** Sequential blue by rank: 1 → dark, `count` → light; `ink` is the text colour that reads on it. */
export function rankColour(rank: number, count: number): { fill: string; ink: string } {
  const t = count > 1 ? Math.min(1, Math.max(0, (rank - 1) / (count - 1))) : 0;
  const [r, g, b] = DARK.map((d, i) => Math.round(d + (LIGHT[i] - d) * t));
  return { fill: `rgb(${r},${g},${b})`, ink: t < 0.5 ? '#fff' : '#10243a' };
}

export interface LabelBox { x: number; y: number; w: number; h: number }

const overlaps = (a: LabelBox, b: LabelBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Which optional labels (town names) to draw: every fixed box (the ranks, which must show) is placed
 * first; then each optional box in order, kept when it overlaps nothing placed so far.
 */
export function fitLabels(fixed: readonly LabelBox[], optional: readonly (LabelBox | null)[]): boolean[] {
  const placed = [...fixed];
  return optional.map((box) => {
    if (!box || placed.some((p) => overlaps(p, box))) return false;
    placed.push(box);
    return true;
  });
}
