/**
 * Hotspot analytics on the seeded data: Gi* counts equal plain SQL, the planted hot spots are found,
 * the scope keeps a town leader to their grids with the same statistics, emerging classes agree with
 * their per-month z-scores, repeat groups share their key within the window, near repeats lie within
 * the distance; bad parameters are 400s naming them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMERGING_CLASSES } from '../../server/src/domain/hotspots/emerging-hotspots.ts';
import { logIn, startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';

let api: Api;
beforeAll(async () => { api = await startApi({ now: () => TEST_NOW }); });
afterAll(() => api.close());

const PERIOD = 'from=2025-12&to=2026-11';
const inPeriod = `reported_at >= '2025-11-30T16:00:00Z' AND reported_at < '2026-11-30T16:00:00Z'`;
const q = async (text: string, values: unknown[] = []) => (await api.db.query<any>(text, values)).rows;

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
});

describe('GET /api/hotspots/emerging', () => {
  it('classes every grid from its monthly z-scores', async () => {
    const r = (await api.json(`/api/hotspots/emerging?${PERIOD}`)).body;
    expect(r.bins).toHaveLength(12);
    const counts = new Map<string, number>();
    for (const g of r.grids) {
      expect(EMERGING_CLASSES).toContain(g.category);
      expect(g.z).toHaveLength(12);
      const hot = g.z.filter((z: number) => z >= 1.645).length;
      expect(g.hot_bins).toBe(hot);
      if (g.category === 'new') expect([hot, g.z[11] >= 1.645]).toEqual([1, true]);
      if (['intensifying', 'persistent', 'diminishing'].includes(g.category)) expect(hot).toBeGreaterThanOrEqual(11);
      if (g.category === 'historical') expect(g.z[11]).toBeLessThan(1.645);
      counts.set(g.category, (counts.get(g.category) ?? 0) + 1);
    }
    expect(counts.get('none')).toBeLessThan(r.grids.length);
  });
  it('needs three months', async () => {
    const r = await api.json('/api/hotspots/emerging?from=2026-10&to=2026-11');
    expect([r.status, r.body.parameter]).toEqual([400, 'from']);
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
    expect(JSON.stringify(r)).not.toMatch(/party_key|"parties"|"phone"|1[3-9]\d{9}/);
  });
  it.each([['days=0', 'days'], ['metres=5', 'metres'], ['near_days=abc', 'near_days'], ['radius=1', 'radius']])('refuses %s', async (qs, param) => {
    const r = await api.json(`/api/repeats?${qs}`);
    expect([r.status, r.body.parameter]).toEqual([400, param]);
  });
});
