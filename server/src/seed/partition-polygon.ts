/**
 * Splits a polygon into k compact parts that tile it: k seeds placed by Lloyd relaxation over
 * sample points inside the polygon, their Voronoi cells (d3-delaunay) intersected with the polygon.
 * Distances are isotropic in kilometres (longitude scaled by cos(latitude)).
 */
import { Delaunay } from 'd3-delaunay';
import type { Rng } from './rng.ts';
import type { LonLat } from './places.ts';
import { bboxOf, intersection, pointInMulti, KM_PER_DEG_LAT, KM_PER_DEG_LON, type MultiPolygonCoords } from './geometry.ts';

const SX = KM_PER_DEG_LON / KM_PER_DEG_LAT;

export function samplePointsIn(shape: MultiPolygonCoords, n: number, rng: Rng): LonLat[] {
  const [x0, y0, x1, y1] = bboxOf(shape);
  const out: LonLat[] = [];
  for (let tries = 0; out.length < n && tries < n * 200; tries++) {
    const p: LonLat = [rng.range(x0, x1), rng.range(y0, y1)];
    if (pointInMulti(p, shape)) out.push(p);
  }
  return out;
}

export function partitionPolygon(shape: MultiPolygonCoords, k: number, rng: Rng): { parts: MultiPolygonCoords[]; seeds: LonLat[] } {
  const samples = samplePointsIn(shape, Math.max(k * 40, 60), rng);
  if (k <= 1 || samples.length < k) return { parts: [shape], seeds: [samples[0]] };
  let seeds = samples.slice(0, k).map((p) => [...p] as LonLat);
  for (let iter = 0; iter < 6; iter++) {
    const sx = new Float64Array(k), sy = new Float64Array(k), cnt = new Float64Array(k);
    for (const p of samples) {
      let best = 0, bd = Infinity;
      for (let j = 0; j < k; j++) {
        const dx = (p[0] - seeds[j][0]) * SX, dy = p[1] - seeds[j][1], d = dx * dx + dy * dy;
        if (d < bd) { bd = d; best = j; }
      }
      sx[best] += p[0]; sy[best] += p[1]; cnt[best]++;
    }
    seeds = seeds.map((s, j) => {
      if (!cnt[j]) return s;
      const m: LonLat = [sx[j] / cnt[j], sy[j] / cnt[j]];
      return pointInMulti(m, shape) ? m : s;
    });
  }
  const [x0, y0, x1, y1] = bboxOf(shape);
  const pad = 0.01;
  const delaunay = Delaunay.from(seeds.map(([x, y]) => [x * SX, y]));
  const voronoi = delaunay.voronoi([(x0 - pad) * SX, y0 - pad, (x1 + pad) * SX, y1 + pad]);
  const parts: MultiPolygonCoords[] = [];
  for (let j = 0; j < k; j++) {
    const cell = (voronoi.cellPolygon(j) as unknown as LonLat[]).map(([x, y]) => [x / SX, y] as LonLat);
    parts.push(intersection([cell], shape));
  }
  return { parts, seeds };
}
