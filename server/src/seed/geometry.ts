/** Small planar geometry helpers for the generator, on [lon, lat] coordinates. No I/O. */
import polygonClipping from 'polygon-clipping';
import type { LonLat } from './places.ts';

export type Ring = LonLat[];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

/** Kilometres per degree at the district's latitude (35.5°N). */
export const KM_PER_DEG_LAT = 110.95;
export const KM_PER_DEG_LON = 111.32 * Math.cos((35.5 * Math.PI) / 180);

export function distKm(a: LonLat, b: LonLat): number {
  const dx = (a[0] - b[0]) * KM_PER_DEG_LON, dy = (a[1] - b[1]) * KM_PER_DEG_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

export function pointInRing(p: LonLat, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(p: LonLat, poly: PolygonCoords): boolean {
  if (!pointInRing(p, poly[0])) return false;
  for (let h = 1; h < poly.length; h++) if (pointInRing(p, poly[h])) return false;
  return true;
}

export function pointInMulti(p: LonLat, mp: MultiPolygonCoords): boolean {
  return mp.some((poly) => pointInPolygon(p, poly));
}

/** Signed area in square degrees (positive = counter-clockwise). */
export function ringArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

export function multiAreaKm2(mp: MultiPolygonCoords): number {
  let a = 0;
  for (const poly of mp) poly.forEach((r, i) => (a += (i === 0 ? 1 : -1) * Math.abs(ringArea(r))));
  return a * KM_PER_DEG_LAT * KM_PER_DEG_LON;
}

export function bboxOf(mp: MultiPolygonCoords): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const poly of mp) for (const [x, y] of poly[0]) {
    if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

export function union(parts: (PolygonCoords | MultiPolygonCoords)[]): MultiPolygonCoords {
  if (parts.length === 0) return [];
  return polygonClipping.union(parts[0] as any, ...(parts.slice(1) as any[])) as MultiPolygonCoords;
}

export function intersection(a: PolygonCoords | MultiPolygonCoords, b: PolygonCoords | MultiPolygonCoords): MultiPolygonCoords {
  return polygonClipping.intersection(a as any, b as any) as MultiPolygonCoords;
}

/**
 * Rounds to 9 decimals (≈0.1 mm): vertices shared by neighbours stay identical, output is stable across
 * platforms, and a vertex computed on a neighbour's edge moves off it by at most 0.05 mm.
 */
export function roundCoords(mp: MultiPolygonCoords): MultiPolygonCoords {
  const r = (v: number) => Math.round(v * 1e9) / 1e9;
  return mp
    .map((poly) => poly.map((ring) => dedupe(ring.map(([x, y]) => [r(x), r(y)] as LonLat))).filter((ring) => ring.length >= 4))
    .filter((poly) => poly.length > 0);
}

function dedupe(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Distance in km from p to a polyline. */
export function distToLineKm(p: LonLat, line: LonLat[]): number {
  let best = Infinity;
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1], b = line[i];
    const ax = (b[0] - a[0]) * KM_PER_DEG_LON, ay = (b[1] - a[1]) * KM_PER_DEG_LAT;
    const px = (p[0] - a[0]) * KM_PER_DEG_LON, py = (p[1] - a[1]) * KM_PER_DEG_LAT;
    const t = Math.max(0, Math.min(1, (px * ax + py * ay) / (ax * ax + ay * ay || 1)));
    const dx = px - t * ax, dy = py - t * ay;
    best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
  }
  return best;
}

/** A representative point inside a polygon: the centroid if inside, else the inner point nearest to it. */
export function innerPoint(mp: MultiPolygonCoords, samples: LonLat[]): LonLat {
  const largest = mp.reduce((a, b) => (Math.abs(ringArea(b[0])) > Math.abs(ringArea(a[0])) ? b : a));
  let cx = 0, cy = 0, a = 0;
  const ring = largest[0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * f; cy += (ring[j][1] + ring[i][1]) * f; a += f;
  }
  const c: LonLat = [cx / (3 * a), cy / (3 * a)];
  if (pointInMulti(c, mp)) return c;
  let best = samples[0], bd = Infinity;
  for (const s of samples) { const d = distKm(s, c); if (d < bd && pointInMulti(s, mp)) { bd = d; best = s; } }
  return best;
}
