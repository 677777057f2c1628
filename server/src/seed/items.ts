/**
 * Platform items (事项) by grid and day: each grid worker's daily report — "all quiet" (无事报平安) or
 * information reports (有事报信息, one per dispute found that day plus other matters) — and the
 * population-record updates and key-group visits logged that day. Reporting discipline ramps up as
 * the platform rolls out (≈45% of grid-days in early 2020, ≈96% from 2023); a few grids stay weak.
 * Rows are yielded a month at a time so the full volume (millions of items) never sits in memory.
 */
import type { Rng } from './rng.ts';
import type { Geography } from './geography.ts';
import type { Dispute } from './disputes.ts';
import { localDate } from '../domain/local-time.ts';

export interface GridDayRow { gridCode: string; day: string; quiet: number; info: number; population: number; visits: number }

export const ITEMS_START = '2020-01-01';
const POPULATION_UPDATES_PER_GRID_DAY = 0.13;
const KEY_VISITS_PER_GRID_DAY = 0.1;

export function reportingRate(day: string): number {
  const t = (Date.parse(day) - Date.parse('2020-01-01')) / (Date.parse('2023-01-01') - Date.parse('2020-01-01'));
  return 0.45 + 0.51 * Math.max(0, Math.min(1, t));
}

/** First day of the generated items: the whole history at scale 1, a recent window (≥ 31 days) below. */
export function itemsStartDay(asOf: string, scale: number): string {
  const total = (Date.parse(asOf) - Date.parse(ITEMS_START)) / 86_400_000 + 1;
  const days = Math.max(31, Math.round(total * scale));
  return days >= total ? ITEMS_START : new Date(Date.parse(asOf) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
}

export function* generateItems(geo: Geography, disputes: Dispute[], asOf: string, scale: number, rng: Rng): Generator<GridDayRow[]> {
  const r = rng.fork('items');
  const found = new Map<string, number>();
  for (const d of disputes) {
    const k = `${d.gridCode}|${localDate(d.reportedAt)}`;
    found.set(k, (found.get(k) ?? 0) + 1);
  }
  const discipline = geo.grids.map(() => (r.chance(0.06) ? r.range(0.55, 0.8) : r.range(0.97, 1.03)));
  const start = itemsStartDay(asOf, scale);
  let batch: GridDayRow[] = [];
  for (let t = Date.parse(start); t <= Date.parse(asOf); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const rate = reportingRate(day);
    geo.grids.forEach((g, i) => {
      const info = (found.get(`${g.code}|${day}`) ?? 0) + (r.chance(0.03) ? 1 : 0);
      const reported = info > 0 || r.chance(Math.min(1, rate * discipline[i]));
      const population = r.poisson(POPULATION_UPDATES_PER_GRID_DAY * (g.kind === 'urban' ? 1.4 : 0.85));
      const visits = r.poisson(KEY_VISITS_PER_GRID_DAY);
      const quiet = reported && info === 0 ? (r.chance(0.2) ? 2 : 1) : 0;
      if (quiet + info + population + visits > 0) batch.push({ gridCode: g.code, day, quiet, info, population, visits });
    });
    if (day.endsWith('-01') && batch.length > 0 && t > Date.parse(start)) { yield batch; batch = []; }
  }
  if (batch.length) yield batch;
}
