/**
 * Hotspot analytics over the grids: Getis–Ord Gi* of the disputes of a period, emerging hot spots
 * over its months, and repeat / near-repeat disputes (domain/hotspots/). The neighbourhood (which
 * grids touch) is read once: the geography does not change at run time. Statistics are computed from
 * every dispute and cached per period (an LRU; invalidate() after writes); each answer keeps only the
 * grids the caller's scope may see (domain/access-scope.ts areaInScope), and lists only the disputes it
 * may see.
 */
import type { Database } from '../db/database.ts';
import { areaInScope, type AccessScope } from '../domain/access-scope.ts';
import { emergingHotspots, type EmergingArea } from '../domain/hotspots/emerging-hotspots.ts';
import { giStar, type GiStar } from '../domain/hotspots/gi-star.ts';
import { keyGroups, pairGroups } from '../domain/hotspots/repeat-groups.ts';
import { monthsBetween, type Period } from '../domain/parse-period.ts';
import { gridCodesSql, gridMonthCountsSql, gridTouchesSql, nearRepeatPairsSql, repeatCandidatesSql, TOUCH_DEGREES } from '../sql/hotspots-sql.ts';
import { LruCache } from '../tiles/tile-cache.ts';

export const NEIGHBOURHOOD = {
  zh: '网格本身及与其共边（含共点，间隙小于约2米）的网格，二元权重',
  en: `the grid itself and the grids sharing a boundary with it (queen contiguity; gaps under ${TOUCH_DEGREES}° ≈ 2 m count as touching), binary weights`,
};
export const MAX_GROUPS = 200;

interface Geo { codes: string[]; neighbours: number[][] }
interface Stats { period: Period; counts: number[][]; months: string[] }

export function createHotspotsService(db: Database, now: () => Date = () => new Date()) {
  let geo: Promise<Geo> | null = null;
  const stats = new LruCache<Promise<Stats>>(16);

  const geography = () => {
    geo ??= (async () => {
      const codes = (await db.query<{ code: string }>(gridCodesSql().text)).rows.map((r) => r.code);
      const index = new Map(codes.map((c, i) => [c, i]));
      const neighbours: number[][] = codes.map(() => []);
      const t = gridTouchesSql();
      for (const r of (await db.query<{ a: string; b: string }>(t.text, t.values)).rows) {
        const [i, j] = [index.get(r.a)!, index.get(r.b)!];
        neighbours[i].push(j); neighbours[j].push(i);
      }
      return { codes, neighbours };
    })();
    geo.catch(() => { geo = null; });
    return geo;
  };

  /** Disputes per grid (rows) and month (columns) of the period. */
  const countsOf = (period: Period): Promise<Stats> => {
    const key = `${period.from}|${period.to}`;
    const hit = stats.get(key);
    if (hit) return hit;
    const job = (async () => {
      const g = await geography();
      const months = monthsBetween(period.from, period.to);
      const col = new Map(months.map((m, i) => [m, i]));
      const row = new Map(g.codes.map((c, i) => [c, i]));
      const counts = g.codes.map(() => months.map(() => 0));
      const q = gridMonthCountsSql(period);
      for (const r of (await db.query<{ grid_code: string; month: string; n: number }>(q.text, q.values)).rows) {
        const [i, j] = [row.get(r.grid_code), col.get(r.month)];
        if (i !== undefined && j !== undefined) counts[i][j] += Number(r.n);
      }
      return { period, counts, months };
    })();
    stats.set(key, job, period.end.getTime() < now().getTime() ? 3_600_000 : 60_000);
    job.catch(() => stats.deletePrefix(key));
    return job;
  };

  return {
    /** Gi* of the disputes of the period per grid (the grids in scope). */
    async hotspots(scope: AccessScope, period: Period) {
      const [g, s] = await Promise.all([geography(), countsOf(period)]);
      const totals = s.counts.map((r) => r.reduce((a, v) => a + v, 0));
      const gi = giStar(totals, g.neighbours);
      const mean = totals.reduce((a, v) => a + v, 0) / Math.max(1, totals.length);
      const grids: ({ code: string; count: number; neighbours: number } & GiStar)[] = [];
      g.codes.forEach((code, i) => { if (areaInScope(scope, code)) grids.push({ code, count: totals[i], neighbours: g.neighbours[i].length, ...gi[i] }); });
      return { n: g.codes.length, mean: Math.round(mean * 1000) / 1000, grids };
    },

    /** Emerging hot spots over the months of the period (at least 3). */
    async emerging(scope: AccessScope, period: Period) {
      const [g, s] = await Promise.all([geography(), countsOf(period)]);
      const byMonth = s.months.map((_, j) => s.counts.map((r) => r[j]));
      const areas = emergingHotspots(byMonth, g.neighbours);
      const grids: ({ code: string } & Omit<EmergingArea, 'bins'> & { z: number[] })[] = [];
      g.codes.forEach((code, i) => {
        if (!areaInScope(scope, code)) return;
        const { bins, ...rest } = areas[i];
        grids.push({ code, ...rest, z: bins.map((b) => b.z) });
      });
      return { bins: s.months, grids };
    },

    /** Repeat disputes (same parties, same place within `days`) and near repeats (within `metres` and `nearDays`). */
    async repeats(scope: AccessScope, period: Period, o: { days: number; metres: number; nearDays: number }) {
      const c = repeatCandidatesSql(scope, period);
      type Row = { id: unknown; code: string; type: string; grid_code: string; town_code: string; party_key: string; place_key: string; reported_at: string };
      const rows = (await db.query<Row>(c.text, c.values)).rows.map((r) => ({ ...r, id: Number(r.id), at: Date.parse(r.reported_at) }));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const n = nearRepeatPairsSql(scope, period, o.metres, o.nearDays);
      const pairs = (await db.query<{ a: unknown; b: unknown }>(n.text, n.values)).rows.map((r) => [Number(r.a), Number(r.b)] as [number, number]);
      const describe = (ids: number[]) => {
        const ds = ids.map((id) => byId.get(id)!).sort((a, b) => a.at - b.at);
        return { count: ds.length, first: ds[0].reported_at, last: ds[ds.length - 1].reported_at, grids: [...new Set(ds.map((d) => d.grid_code))],
          disputes: ds.map((d) => ({ id: d.id, code: d.code, type: d.type, grid_code: d.grid_code, reported_at: d.reported_at })) };
      };
      const windowMs = o.days * 86_400_000;
      const list = (groups: number[][]) => ({ groups: groups.length, disputes: groups.reduce((a, g) => a + g.length, 0), top: groups.slice(0, MAX_GROUPS).map(describe) });
      return {
        same_parties: list(keyGroups(rows.filter((r) => !r.party_key.startsWith('none:')).map((r) => ({ id: r.id, key: r.party_key, at: r.at })), windowMs)),
        same_place: list(keyGroups(rows.map((r) => ({ id: r.id, key: r.place_key, at: r.at })), windowMs)),
        near_repeat: list(pairGroups(pairs)),
      };
    },

    invalidate() {
      stats.clear();
    },
  };
}

export type HotspotsService = ReturnType<typeof createHotspotsService>;
