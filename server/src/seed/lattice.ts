/**
 * A jittered lattice of cells over the district: the building block of towns and villages.
 * Each cell is the Voronoi cell of a jittered lattice point (d3-delaunay), clipped to the real
 * district boundary, so any union of cells tiles the district without gaps or overlaps. Towns and
 * villages are unions of cells, which gives them organic, irregular borders.
 */
import { Delaunay } from 'd3-delaunay';
import type { Rng } from './rng.ts';
import type { LonLat } from './places.ts';
import { intersection, pointInMulti, type MultiPolygonCoords, type PolygonCoords } from './geometry.ts';

export interface Lattice {
  /** Cell centres (lattice points), only the cells that touch the district. */
  centres: LonLat[];
  /** Cell polygons clipped to the district (MultiPolygon coordinates). */
  shapes: MultiPolygonCoords[];
  /** Indices of neighbouring cells (Voronoi adjacency) within the kept set. */
  neighbours: number[][];
  /** Whether the centre lies inside the district (cells kept only for their clipped part say false). */
  centreInside: boolean[];
}

export function buildLattice(district: MultiPolygonCoords, rng: Rng, stepLon = 0.004, stepLat = 0.0033): Lattice {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const poly of district) for (const [x, y] of poly[0]) {
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  x0 -= 2 * stepLon; y0 -= 2 * stepLat; x1 += 2 * stepLon; y1 += 2 * stepLat;
  const pts: LonLat[] = [];
  for (let y = y0; y <= y1; y += stepLat) for (let x = x0; x <= x1; x += stepLon) {
    pts.push([x + rng.range(-0.3, 0.3) * stepLon, y + rng.range(-0.3, 0.3) * stepLat]);
  }
  const delaunay = Delaunay.from(pts);
  const voronoi = delaunay.voronoi([x0, y0, x1, y1]);

  // A cell touches the district if its centre is inside, or a (densified) boundary point falls in it.
  const touches = new Uint8Array(pts.length);
  const inside = pts.map((p) => pointInMulti(p, district));
  inside.forEach((v, i) => v && (touches[i] = 1));
  const onBoundary = new Uint8Array(pts.length);
  let hint = 0;
  for (const poly of district) for (const ring of poly) for (let i = 1; i < ring.length; i++) {
    const [a, b] = [ring[i - 1], ring[i]];
    const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / (stepLat / 6)) || 1;
    for (let k = 0; k <= n; k++) {
      hint = delaunay.find(a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n, hint);
      touches[hint] = 1; onBoundary[hint] = 1;
    }
  }
  const keep: number[] = [];
  const index = new Int32Array(pts.length).fill(-1);
  for (let i = 0; i < pts.length; i++) if (touches[i]) { index[i] = keep.length; keep.push(i); }

  const shapes: MultiPolygonCoords[] = [];
  const kept: number[] = [];
  for (const i of keep) {
    const cell = voronoi.cellPolygon(i) as unknown as LonLat[];
    const poly: PolygonCoords = [cell.map(([x, y]) => [x, y] as LonLat)];
    const shape = onBoundary[i] ? intersection(poly, district) : [poly];
    shapes.push(shape);
    kept.push(shape.length > 0 ? 1 : 0);
  }
  // Drop cells whose clipped part is empty, and re-index.
  const finalIndex = new Int32Array(keep.length).fill(-1);
  const centres: LonLat[] = [], outShapes: MultiPolygonCoords[] = [], centreInside: boolean[] = [];
  keep.forEach((i, k) => {
    if (!kept[k]) return;
    finalIndex[k] = centres.length;
    centres.push(pts[i]); outShapes.push(shapes[k]); centreInside.push(inside[i]);
  });
  const neighbours: number[][] = centres.map(() => []);
  keep.forEach((i, k) => {
    const me = finalIndex[k];
    if (me < 0) return;
    for (const j of delaunay.neighbors(i)) {
      const kj = index[j];
      if (kj >= 0 && finalIndex[kj] >= 0) neighbours[me].push(finalIndex[kj]);
    }
  });
  return { centres, shapes: outShapes, neighbours, centreInside };
}
