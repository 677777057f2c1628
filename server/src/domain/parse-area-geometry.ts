/**
 * An area drawn or sent by a client (a polygon, a multipolygon, a rectangle as a polygon, or a circle
 * as a centre and a radius), checked before any of it reaches SQL: its shape, its size (vertices,
 * rings, parts, area) and its validity (closed rings, no self-intersections, holes inside their shell).
 * Every refusal is a 400 naming the field and the reason. Coordinates are [lng, lat] in CRS84.
 */
import { area as turfArea, booleanValid, booleanWithin, circle as turfCircle, kinks, polygon as turfPolygon } from '@turf/turf';
import { invalidParameter } from './api-error.ts';

export const AREA_LIMITS = Object.freeze({
  /** Positions over all rings (a hand-drawn outline has tens to hundreds). */
  maxVertices: 5_000,
  /** Rings of one polygon (the shell and its holes). */
  maxRings: 20,
  /** Polygons of a multipolygon. */
  maxParts: 50,
  /** The district is 1,936 km²; an area may reach past its edge but not be a continent. */
  maxAreaKm2: 5_000,
  /** Smaller than this is a slip of the mouse (m²). */
  minAreaM2: 1,
  /** A circle's radius (m) and how many sides its polygon gets. */
  maxRadiusM: 50_000,
  circleSteps: 64,
});

export type AreaGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function position(raw: unknown, field: string): [number, number] {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 3) throw invalidParameter(field, `${field} must be [lng, lat]`);
  const [x, y] = raw;
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) throw invalidParameter(field, `${field} must hold two finite numbers`);
  if (x < -180 || x > 180 || y < -90 || y > 90) throw invalidParameter(field, `${field} [${x}, ${y}] is outside -180..180, -90..90`);
  return [x, y];
}

function rings(raw: unknown, field: string, budget: { left: number }): number[][][] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalidParameter(field, `${field} must be a list of rings`);
  if (raw.length > AREA_LIMITS.maxRings) throw invalidParameter(field, `${field} has ${raw.length} rings; at most ${AREA_LIMITS.maxRings}`);
  return raw.map((ring, i) => {
    const f = `${field}[${i}]`;
    if (!Array.isArray(ring)) throw invalidParameter(f, `${f} must be a list of positions`);
    budget.left -= ring.length;
    if (budget.left < 0) throw invalidParameter('geometry', `the geometry has more than ${AREA_LIMITS.maxVertices} vertices`);
    if (ring.length < 4) throw invalidParameter(f, `${f} needs at least 4 positions (a closed triangle)`);
    const pts = ring.map((p, j) => position(p, `${f}[${j}]`));
    const [a, z] = [pts[0], pts[pts.length - 1]];
    if (a[0] !== z[0] || a[1] !== z[1]) throw invalidParameter(f, `${f} is not closed: its last position must equal its first`);
    return pts;
  });
}

function checkPolygon(coords: number[][][], field: string): number {
  const poly = turfPolygon(coords);
  if (kinks(poly).features.length > 0) throw invalidParameter(field, `${field} crosses itself`);
  const shell = turfPolygon([coords[0]]);
  const holeOutside = coords.slice(1).some((hole) => !booleanWithin(turfPolygon([hole]), shell));
  if (holeOutside || !booleanValid(poly)) throw invalidParameter(field, `${field} is not a valid polygon (a hole outside its shell, or rings that cross)`);
  return turfArea(poly);
}

/** A drawn circle: {center: [lng, lat], radius_m} → the polygon of AREA_LIMITS.circleSteps sides. */
function circleArea(raw: Record<string, unknown>): { type: 'Polygon'; coordinates: number[][][] } {
  const center = position(raw.center, 'geometry.center');
  const r = raw.radius_m;
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0 || r > AREA_LIMITS.maxRadiusM) {
    throw invalidParameter('geometry.radius_m', `geometry.radius_m must be a number of metres in (0, ${AREA_LIMITS.maxRadiusM}]`);
  }
  const c = turfCircle(center, r / 1000, { steps: AREA_LIMITS.circleSteps, units: 'kilometers' });
  return { type: 'Polygon', coordinates: c.geometry.coordinates };
}

/**
 * Parses `raw` (field `geometry`): a GeoJSON Polygon or MultiPolygon, or {type: 'Circle', center, radius_m}.
 * @throws ApiError 400 naming the offending part (`geometry`, `geometry.coordinates[0][3]`, …)
 */
export function parseAreaGeometry(raw: unknown): AreaGeometry {
  if (!isObject(raw)) throw invalidParameter('geometry', 'geometry must be a GeoJSON Polygon or MultiPolygon, or {"type": "Circle", "center", "radius_m"}');
  const extra = Object.keys(raw).find((k) => !['type', 'coordinates', 'center', 'radius_m', 'bbox'].includes(k));
  if (extra !== undefined) throw invalidParameter(`geometry.${extra.slice(0, 40)}`, 'geometry has only type and coordinates (or center and radius_m for a circle)');
  const budget = { left: AREA_LIMITS.maxVertices };
  let g: AreaGeometry;
  let m2 = 0;
  switch (raw.type) {
    case 'Circle': {
      const c = circleArea(raw);
      m2 = checkPolygon(c.coordinates, 'geometry');
      g = c;
      break;
    }
    case 'Polygon': {
      const coords = rings(raw.coordinates, 'geometry.coordinates', budget);
      m2 = checkPolygon(coords, 'geometry');
      g = { type: 'Polygon', coordinates: coords };
      break;
    }
    case 'MultiPolygon': {
      const parts = raw.coordinates;
      if (!Array.isArray(parts) || parts.length === 0) throw invalidParameter('geometry.coordinates', 'geometry.coordinates must be a list of polygons');
      if (parts.length > AREA_LIMITS.maxParts) throw invalidParameter('geometry.coordinates', `geometry has ${parts.length} polygons; at most ${AREA_LIMITS.maxParts}`);
      const coords = parts.map((p, i) => rings(p, `geometry.coordinates[${i}]`, budget));
      m2 = coords.reduce((s, p, i) => s + checkPolygon(p, `geometry.coordinates[${i}]`), 0);
      g = { type: 'MultiPolygon', coordinates: coords };
      break;
    }
    default:
      throw invalidParameter('geometry.type', 'geometry.type must be Polygon, MultiPolygon or Circle');
  }
  if (m2 < AREA_LIMITS.minAreaM2) throw invalidParameter('geometry', 'the area is empty');
  if (m2 / 1e6 > AREA_LIMITS.maxAreaKm2) throw invalidParameter('geometry', `the area is ${Math.round(m2 / 1e6)} km²; at most ${AREA_LIMITS.maxAreaKm2} km²`);
  return g;
}

/** Well-known text of a checked area (only numbers from parseAreaGeometry go into it), for ST_GeomFromText as a parameter. */
export function areaWkt(g: AreaGeometry): string {
  const ring = (r: number[][]) => `(${r.map(([x, y]) => `${x} ${y}`).join(', ')})`;
  const poly = (p: number[][][]) => `(${p.map(ring).join(', ')})`;
  return g.type === 'Polygon' ? `POLYGON${poly(g.coordinates)}` : `MULTIPOLYGON(${g.coordinates.map(poly).join(', ')})`;
}
