/**
 * Hotspot analytics on the seeded data: Gi* counts equal plain SQL, the planted hot spots are found,
 * the scope keeps a town leader to their grids with the same statistics, emerging classes agree with
 * their per-month z-scores, repeat groups share their key within the window, near repeats lie within
 * the distance; bad parameters are 400s naming them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMERGING_CLASSES } from '../../server/src/domain/hotspots/emerging-hotspots.ts';
import { TOUCH_DEGREES } from '../../server/src/sql/hotspots-sql.ts';
import { openRollbackDb, type RollbackDb } from '../support/rollback-db.ts';
import { getTestDb, TEST_SEED } from '../support/test-db.ts';
import { readSources } from '../../server/src/seed/read-sources.ts';
import { districtPolygon } from '../../server/src/seed/generate.ts';
import { generateGeography } from '../../server/src/seed/geography.ts';
import { createHotspots } from '../../server/src/seed/hotspots.ts';
import { createRng } from '../../server/src/seed/rng.ts';
import { logIn, startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';

let api: Api;
let planted: ReturnType<typeof createHotspots>;
beforeAll(() => {
  // The generator's own hot spots for the test seed (the same rng streams as seed/generate.ts), made
  // before the server starts: building the geography takes seconds of CPU.
  const rng = createRng(TEST_SEED.seed);
  const sources = readSources();
  const geo = generateGeography(sources.divisions, districtPolygon(sources), rng.fork('geography'));
  planted = createHotspots(geo, rng.fork('disputes').fork('hotspots'));
});
beforeAll(async () => { api = await startApi({ now: () => TEST_NOW }); });
afterAll(() => api.close());

const PERIOD = 'from=2025-12&to=2026-11';
const inPeriodOf = (t: string) => `${t}reported_at >= '2025-11-30T16:00:00Z' AND ${t}reported_at < '2026-11-30T16:00:00Z'`;
const inPeriod = inPeriodOf('');
const q = async (text: string, values: unknown[] = []) => (await api.db.query<any>(text, values)).rows;

/** Gi* written out again, independently of domain/hotspots/gi-star.ts: x by grid code, hood = the neighbours. */
function giByHand(x: Map<string, number>, hood: Map<string, string[]>): Map<string, number> {
  const codes = [...x.keys()], n = codes.length;
  const mean = codes.reduce((a, c) => a + x.get(c)!, 0) / n;
  const sd = Math.sqrt(codes.reduce((a, c) => a + (x.get(c)! - mean) ** 2, 0) / n);
  return new Map(codes.map((c) => {
    const h = [c, ...(hood.get(c) ?? [])], w = h.length;
    const d = sd * Math.sqrt((n * w - w * w) / (n - 1));
    return [c, d > 0 ? (h.reduce((a, k) => a + x.get(k)!, 0) - mean * w) / d : 0];
  }));
}

/** Every grid's neighbours from plain SQL: sharing a boundary, or closer than the documented gap. */
async function neighboursBySql(): Promise<Map<string, string[]>> {
  const rows = await q('SELECT a.code a, b.code b FROM grids a JOIN grids b ON a.code <> b.code AND ST_DWithin(a.geom, b.geom, $1)', [TOUCH_DEGREES]);
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.a, [...(m.get(r.a) ?? []), r.b]);
  return m;
}

describe('GET /api/hotspots', () => {
  let body: any;
  beforeAll(async () => { body = (await api.json(`/api/hotspots?${PERIOD}`)).body; });

  it('counts every grid’s disputes as plain SQL does', async () => {
    const [{ n }] = await q('SELECT count(*)::int n FROM grids');
    expect(body.n).toBe(n);
    expect(body.grids).toHaveLength(n);
    const sql = new Map((await q(`SELECT grid_code, count(*)::int n FROM disputes WHERE ${inPeriod} GROUP BY 1`)).map((r: any) => [r.grid_code, r.n]));
    for (const g of body.grids) expect(g.count, g.code).toBe(sql.get(g.code) ?? 0);
    expect(body.neighbourhood.en).toMatch(/sharing a boundary/);
  });

  it('has the neighbourhood of the README: every grid sharing a boundary, hairline gaps bridged, none alone', async () => {
    const hood = await neighboursBySql();
    const touching = await q('SELECT a.code a, b.code b FROM grids a JOIN grids b ON a.code <> b.code AND ST_Intersects(a.geom, b.geom)');
    for (const r of touching) expect(hood.get(r.a), `${r.a} touches ${r.b}`).toContain(r.b);
    for (const g of body.grids) expect(g.neighbours, g.code).toBe(hood.get(g.code)?.length ?? 0);
    expect(body.grids.every((g: any) => g.neighbours > 0)).toBe(true);
    // Gaps are bridged: some neighbours share no point with each other.
    expect(body.grids.reduce((a: number, g: any) => a + g.neighbours, 0)).toBeGreaterThan(touching.length);
  });

  it('has the z-scores of Gi* recomputed by hand from plain SQL counts and neighbours, and their p-values', async () => {
    const counts = new Map<string, number>((await q('SELECT code FROM grids')).map((r: any) => [r.code, 0]));
    for (const r of await q(`SELECT grid_code, count(*)::int n FROM disputes WHERE ${inPeriod} GROUP BY 1`)) counts.set(r.grid_code, r.n);
    const z = giByHand(counts, await neighboursBySql());
    for (const g of body.grids) expect(g.z, g.code).toBeCloseTo(z.get(g.code)!, 3);
    const mean = [...counts.values()].reduce((a, v) => a + v, 0) / counts.size;
    expect(body.mean).toBeCloseTo(mean, 3);
    // p is two-sided: |z| = 1.96 ↔ 0.05; larger |z|, smaller p.
    const byZ = [...body.grids].sort((a: any, b: any) => Math.abs(a.z) - Math.abs(b.z));
    for (let i = 1; i < byZ.length; i++) expect(byZ[i].p).toBeLessThanOrEqual(byZ[i - 1].p + 1e-9);
    for (const g of body.grids) if (Math.abs(Math.abs(g.z) - 1.96) < 0.01) expect(g.p).toBeCloseTo(0.05, 2);
  });

  // Active in every month of the period (persistent, new since mid-2025, intensifying): its centre's grid is hot.
  // Faded throughout (diminishing to nothing): not significant. On-and-off (sporadic) spots are not judged.
  it('flags the hot spots the generator planted while they are active, and not those that have faded', async () => {
    const months = Array.from({ length: 12 }, (_, i) => 2025 + 11 / 12 + i / 12); // 2025-12 … 2026-11 as the generator counts years
    const byCode = new Map(body.grids.map((g: any) => [g.code, g]));
    let active = 0, faded = 0;
    for (const h of planted) {
      const [{ code }] = await q('SELECT code FROM grids WHERE ST_Intersects(geom, ST_SetSRID(ST_Point($1, $2), 4326))', h.centre);
      const g: any = byCode.get(code);
      const intensity = months.map((y) => h.intensity(y));
      if (Math.min(...intensity) > 0) { active++; expect([h.pattern, g.class], `${code} z ${g.z}`).toEqual([h.pattern, 'hot']); }
      if (Math.max(...intensity) === 0) { faded++; expect([h.pattern, g.class], `${code} z ${g.z}`).toEqual([h.pattern, 'none']); }
    }
    expect(active).toBeGreaterThanOrEqual(5);
    expect(faded).toBeGreaterThanOrEqual(1);
  });

  it('finds significant hot spots where disputes concentrate, and classes agree with z', () => {
    const hot = body.grids.filter((g: any) => g.class === 'hot');
    expect(hot.length).toBeGreaterThan(0);
    const meanHot = hot.reduce((a: number, g: any) => a + g.count, 0) / hot.length;
    expect(meanHot).toBeGreaterThan(2 * body.mean);
    for (const g of body.grids) {
      const limit = g.confidence === 99 ? 2.576 : g.confidence === 95 ? 1.96 : g.confidence === 90 ? 1.645 : 0;
      if (g.class === 'none') expect(Math.abs(g.z)).toBeLessThan(1.645);
      else expect(Math.abs(g.z)).toBeGreaterThanOrEqual(limit);
      expect(g.p).toBeGreaterThanOrEqual(0);
      expect(g.p).toBeLessThanOrEqual(1);
    }
  });

  it('gives a town leader their own grids, with the same statistics', async () => {
    const [{ town_code }] = await q('SELECT town_code FROM grids ORDER BY code OFFSET 300 LIMIT 1');
    const leader = await logIn(api.base, `town-${town_code}`);
    const r = await fetch(`${api.base}/api/hotspots?${PERIOD}`, { headers: { cookie: leader.headers.cookie } });
    const mine = (await r.json()).grids as any[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((g) => g.code.startsWith(town_code))).toBe(true);
    const all = new Map(body.grids.map((g: any) => [g.code, g]));
    for (const g of mine) expect(g).toEqual(all.get(g.code));
  });

  it('gives a grid worker their one grid', async () => {
    const [{ code }] = await q(`SELECT code FROM grids ORDER BY code LIMIT 1`);
    const worker = await logIn(api.base, `grid-${code}`);
    const r = await (await fetch(`${api.base}/api/hotspots?${PERIOD}`, { headers: { cookie: worker.headers.cookie } })).json();
    expect(r.grids.map((g: any) => g.code)).toEqual([code]);
    expect(r.n).toBe(body.n); // the statistic is still over every grid
  });

  it.each([['from=2026-13', 'from'], ['to=26-01', 'to'], ['from=2026-11&to=2026-01', 'from'], ['bbox=1,2,3,4', 'bbox']])('refuses %s', async (qs, param) => {
    const r = await api.json(`/api/hotspots?${qs}`);
    expect([r.status, r.body.parameter]).toEqual([400, param]);
  });
});

describe('GET /api/hotspots/emerging', () => {
  let r: any;
  beforeAll(async () => { r = (await api.json(`/api/hotspots/emerging?${PERIOD}`)).body; });

  it('has each month’s Gi* recomputed by hand from plain SQL counts', async () => {
    expect(r.bins).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const codes = (await q('SELECT code FROM grids')).map((x: any) => x.code as string);
    const rows = await q(`SELECT grid_code, to_char(reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') m, count(*)::int n FROM disputes WHERE ${inPeriod} GROUP BY 1, 2`);
    const hood = await neighboursBySql();
    const byCode = new Map(r.grids.map((g: any) => [g.code, g]));
    expect(byCode.size).toBe(codes.length);
    r.bins.forEach((month: string, t: number) => {
      const x = new Map(codes.map((c: string) => [c, 0]));
      for (const row of rows) if (row.m === month) x.set(row.grid_code, row.n);
      const z = giByHand(x, hood);
      for (const c of codes) expect((byCode.get(c) as any).z[t], `${c} ${month}`).toBeCloseTo(z.get(c)!, 3);
    });
  });

  it('classes every grid by the rules of the README, with its Mann–Kendall trend', () => {
    const seen = new Map<string, number>();
    const n = r.bins.length;
    for (const g of r.grids) {
      expect(EMERGING_CLASSES).toContain(g.category);
      expect(g.z).toHaveLength(n);
      const hot = g.z.map((z: number) => z >= 1.645), cold = g.z.some((z: number) => z <= -1.645);
      const hots = hot.filter(Boolean).length;
      expect(g.hot_bins).toBe(hots);
      // The trend's S, counted here from the z-scores.
      let s = 0;
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(g.z[j] - g.z[i]);
      expect(g.trend.s).toBe(s);
      expect(g.trend.direction).toBe(g.trend.p < 0.1 ? (s > 0 ? 'up' : 'down') : 'none');
      let run = 0;
      while (run < n && hot[n - 1 - run]) run++;
      const want = !hot[n - 1] ? (hot.slice(0, -1).filter(Boolean).length >= 0.9 * (n - 1) ? 'historical' : 'none')
        : hots === 1 ? 'new'
        : hots < 0.9 * n && run === hots ? 'consecutive'
        : hots >= 0.9 * n ? { up: 'intensifying', down: 'diminishing', none: 'persistent' }[g.trend.direction as 'up']
        : cold ? 'oscillating' : 'sporadic';
      expect(g.category, `${g.code} ${g.z.join(' ')}`).toBe(want);
      seen.set(g.category, (seen.get(g.category) ?? 0) + 1);
    }
    // The planted hot spots that appear, grow and fade give more than one kind of class.
    expect([...seen.keys()].filter((c) => c !== 'none').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps a town leader to their town’s grids, with the same classes', async () => {
    const [{ town_code }] = await q('SELECT town_code FROM grids ORDER BY code OFFSET 300 LIMIT 1');
    const leader = await logIn(api.base, `town-${town_code}`);
    const mine = (await (await fetch(`${api.base}/api/hotspots/emerging?${PERIOD}`, { headers: { cookie: leader.headers.cookie } })).json()).grids as any[];
    const [{ n }] = await q('SELECT count(*)::int n FROM grids WHERE town_code = $1', [town_code]);
    expect(mine).toHaveLength(n);
    const all = new Map(r.grids.map((g: any) => [g.code, g]));
    for (const g of mine) expect(g).toEqual(all.get(g.code));
  });

  it('needs three months', async () => {
    const e = await api.json('/api/hotspots/emerging?from=2026-10&to=2026-11');
    expect([e.status, e.body.parameter]).toEqual([400, 'from']);
  });
});

describe('GET /api/repeats', () => {
  it('groups disputes of the same parties or place within the window, and near repeats within the distance', async () => {
    const r = (await api.json(`/api/repeats?${PERIOD}&days=90&metres=150&near_days=10`)).body;
    expect(r.same_place.groups + r.same_parties.groups).toBeGreaterThan(0);
    for (const g of r.same_parties.top.slice(0, 20)) {
      const keys = await q('SELECT DISTINCT party_key FROM disputes WHERE id = ANY($1::bigint[])', [g.disputes.map((d: any) => d.id)]);
      expect(keys).toHaveLength(1);
      const times = g.disputes.map((d: any) => Date.parse(d.reported_at));
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeLessThanOrEqual(90 * 86_400_000);
    }
    expect(r.near_repeat.groups).toBeGreaterThan(0);
    const g = r.near_repeat.top[0];
    // Every member is within 150 m and 10 days of some other member.
    const ids = g.disputes.map((d: any) => d.id);
    const [{ n }] = await q(`SELECT count(*)::int n FROM disputes a WHERE a.id = ANY($1::bigint[]) AND EXISTS (SELECT 1 FROM disputes b WHERE b.id = ANY($1::bigint[])
      AND b.id <> a.id AND ST_DWithin(a.geom::geography, b.geom::geography, 150) AND abs(extract(epoch FROM b.reported_at - a.reported_at)) <= 864000)`, [ids]);
    expect(n).toBe(ids.length);
    // Every dispute of the period with a partner within 150 m and 10 days is in some group, and no other.
    const [{ partnered }] = await q(`SELECT count(*)::int partnered FROM disputes a WHERE ${inPeriodOf('a.')} AND EXISTS (SELECT 1 FROM disputes b
      WHERE ${inPeriodOf('b.')} AND b.id <> a.id AND ST_DWithin(a.geom::geography, b.geom::geography, 150) AND abs(extract(epoch FROM b.reported_at - a.reported_at)) <= 864000)`);
    expect(r.near_repeat.disputes).toBe(partnered);
    expect(JSON.stringify(r)).not.toMatch(/party_key|"parties"|"phone"|1[3-9]\d{9}/);
  });
  it('groups the same place within the window; a town leader sees only their town’s disputes', async () => {
    const r = (await api.json(`/api/repeats?${PERIOD}&days=365`)).body;
    expect(r.same_place.groups).toBeGreaterThan(0);
    for (const g of r.same_place.top.slice(0, 20)) {
      const keys = await q('SELECT DISTINCT place_key FROM disputes WHERE id = ANY($1::bigint[])', [g.disputes.map((d: any) => d.id)]);
      expect(keys).toHaveLength(1);
      expect(g.count).toBe(g.disputes.length);
    }
    // A town with a group of its own: its leader gets groups, and only disputes of the town.
    const first = r.same_place.top[0].disputes[0];
    const [{ town_code }] = await q('SELECT town_code FROM disputes WHERE id = $1', [first.id]);
    const leader = await logIn(api.base, `town-${town_code}`);
    const mine = await (await fetch(`${api.base}/api/repeats?${PERIOD}&days=365`, { headers: { cookie: leader.headers.cookie } })).json();
    const ids = ['same_parties', 'same_place', 'near_repeat'].flatMap((k) => mine[k].top.flatMap((g: any) => g.disputes.map((d: any) => d.id)));
    expect(ids).toContain(first.id);
    const [{ outside }] = await q('SELECT count(*)::int outside FROM disputes WHERE id = ANY($1::bigint[]) AND town_code <> $2', [ids, town_code]);
    expect(outside).toBe(0);
    const everyone = ['same_parties', 'same_place', 'near_repeat'].flatMap((k) => r[k].top.flatMap((g: any) => g.disputes.map((d: any) => d.id)));
    const [{ others }] = await q('SELECT count(*)::int others FROM disputes WHERE id = ANY($1::bigint[]) AND town_code <> $2', [everyone, town_code]);
    expect(others).toBeGreaterThan(0); // the commander's answer has other towns' disputes: the filter did something
  });

  it.each([['days=0', 'days'], ['metres=5', 'metres'], ['near_days=abc', 'near_days'], ['radius=1', 'radius']])('refuses %s', async (qs, param) => {
    const r = await api.json(`/api/repeats?${qs}`);
    expect([r.status, r.body.parameter]).toEqual([400, param]);
  });
});

describe('after a write', () => {
  // In a transaction rolled back at the end: the other files never see the new dispute.
  // The period ends at "now" (exclusive) and a report is dated now: the clock moves a minute after it.
  let rb: RollbackDb, w: Api, clock = TEST_NOW.getTime();
  beforeAll(async () => { rb = await openRollbackDb(await getTestDb()); w = await startApi({ db: rb.db, now: () => new Date(clock) }); });
  afterAll(async () => { await w.close(); await rb.rollback(); });

  it('counts the new dispute at once (the cache is cleared), in the statistics and the months', async () => {
    const [g] = (await rb.db.query<any>('SELECT code, ST_X(ST_PointOnSurface(geom)) x, ST_Y(ST_PointOnSurface(geom)) y FROM grids ORDER BY code OFFSET 40 LIMIT 1')).rows;
    const count = async () => ((await w.json(`/api/hotspots?${PERIOD}`)).body.grids as any[]).find((x) => x.code === g.code).count as number;
    const lastMonth = async () => ((await w.json(`/api/hotspots/emerging?${PERIOD}`)).body.grids as any[]).find((x) => x.code === g.code).z.at(-1) as number;
    const [before, zBefore] = [await count(), await lastMonth()];
    const r = await fetch(`${w.base}/api/disputes`, { method: 'POST', headers: { 'content-type': 'application/json', ...w.auth.headers },
      body: JSON.stringify({ geometry: { type: 'Point', coordinates: [Number(g.x), Number(g.y)] }, type: 'neighbour', summary: '热点缓存测试' }) });
    expect(r.status).toBe(201);
    clock += 60_000; // within the 60 s the current month's counts are kept: only the write's invalidation shows it
    expect(await count()).toBe(before + 1);
    expect(await lastMonth()).toBeGreaterThan(zBefore); // one more dispute in its own grid raises its Gi* in the last month
  });
});
