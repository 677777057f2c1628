/** Finds the grid (and so village and town) containing a point: bbox prefilter, then point-in-polygon. */
import type { LonLat } from './places.ts';
import { bboxOf, pointInMulti } from './geometry.ts';
import type { Grid } from './geography.ts';

export interface Locator {
  gridAt(p: LonLat): Grid | null;
}

export function createLocator(grids: Grid[]): Locator {
  const CELL = 0.02;
  const buckets = new Map<string, Grid[]>();
  for (const g of grids) {
    const [x0, y0, x1, y1] = bboxOf(g.geom);
    for (let x = Math.floor(x0 / CELL); x <= Math.floor(x1 / CELL); x++)
      for (let y = Math.floor(y0 / CELL); y <= Math.floor(y1 / CELL); y++) {
        const k = `${x}:${y}`;
        if (!buckets.has(k)) buckets.set(k, []);
        buckets.get(k)!.push(g);
      }
  }
  return {
    gridAt(p) {
      const list = buckets.get(`${Math.floor(p[0] / CELL)}:${Math.floor(p[1] / CELL)}`) ?? [];
      return list.find((g) => pointInMulti(p, g.geom)) ?? null;
    },
  };
}
