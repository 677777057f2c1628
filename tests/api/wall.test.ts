/**
 * GET /api/wall/summary on the seeded data at the pinned clock: every figure recomputed with plain SQL
 * (today, open, overdue, this month's rate and village share), the level counts equal to /api/risk's,
 * the tour ordered by risk, the town leader's scope, and no personal data in the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';

let api: Api;
let body: any;
beforeAll(async () => {
  api = await startApi({ now: () => TEST_NOW });
  const r = await api.json('/api/wall/summary');
  expect(r.status).toBe(200);
  body = r.body;
});
afterAll(() => api.close());

const at = TEST_NOW.toISOString();
/** Local (UTC+8) midnight of TEST_NOW's date and of its month's first day, as UTC instants. */
const local = new Date(TEST_NOW.getTime() + 8 * 3_600_000);
const dayStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * 3_600_000).toISOString();
const monthStart = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000).toISOString();
const monthEnd = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - 8 * 3_600_000).toISOString();

async function plainCounts(where = 'TRUE', values: unknown[] = []) {
  const n = values.length;
  const q = `SELECT
      (SELECT count(*) FROM disputes WHERE ${where} AND reported_at >= $${n + 1} AND reported_at <= $${n + 2})::int AS today,
      (SELECT count(*) FROM disputes WHERE ${where} AND reported_at <= $${n + 2} AND (resolved_at IS NULL OR resolved_at > $${n + 2}))::int AS open,
      (SELECT count(*) FROM disputes WHERE ${where} AND reported_at <= $${n + 2} AND (resolved_at IS NULL OR resolved_at > $${n + 2}) AND due_at < $${n + 2})::int AS overdue`;
  return (await api.db.query<any>(q, [...values, dayStart, at])).rows[0];
}

describe('GET /api/wall/summary', () => {
  it('counts today’s reports, open and overdue disputes as plain SQL does', async () => {
    const c = await plainCounts();
    expect(body.counts).toEqual({ reported_today: c.today, open: c.open, overdue: c.overdue });
    expect(c.open).toBeGreaterThan(0);
    expect(body.date).toBe(local.toISOString().slice(0, 10));
  });

  it('gives this month’s resolution rate and village share by the one definition', async () => {
    const m = (await api.db.query<any>(`SELECT count(*)::int AS found,
        count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at < $2)::int AS in_month,
        count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
        count(*) FILTER (WHERE resolved_at IS NOT NULL AND level = 'village')::int AS village
      FROM disputes WHERE reported_at >= $1 AND reported_at < $2`, [monthStart, monthEnd])).rows[0];
    expect(m.found).toBeGreaterThan(0);
    const pct = (a: number, b: number) => (b ? Math.round((a * 1000) / b) / 10 : null);
    expect(body.month).toMatchObject({ month: local.toISOString().slice(0, 7), found: m.found, resolved_in_month: m.in_month, resolved: m.resolved });
    expect(body.month.resolution_rate).toBe(pct(m.in_month, m.found));
    expect(body.month.level_shares.village).toBe(pct(m.village, m.resolved));
    // The same figure /api/stats/resolution gives for the month.
    const stats = (await api.json(`/api/stats/resolution?from=${body.month.month}&to=${body.month.month}`)).body;
    expect(body.month.resolution_rate).toBe(stats.total.resolution_rate);
  });

  it('counts each kind of area by level as /api/risk does for the same period', async () => {
    for (const [kind, key] of [['town', 'towns'], ['village', 'villages'], ['grid', 'grids']] as const) {
      const r = (await api.json(`/api/risk?level=${kind}&from=${body.risk.period.from}&to=${body.risk.period.to}`)).body;
      expect(body.risk[key], kind).toEqual(r.totals);
    }
    const towns = Object.values(body.risk.towns as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(towns).toBe(20);
  });

  it('tours the 20 towns highest risk first, each with a bounding box inside the district', async () => {
    const rank = { blue: 0, yellow: 1, orange: 2, red: 3 } as Record<string, number>;
    expect(body.tour).toHaveLength(20);
    for (let i = 1; i < body.tour.length; i++) {
      const [a, b] = [body.tour[i - 1], body.tour[i]];
      expect(rank[a.level] > rank[b.level] || (rank[a.level] === rank[b.level] && a.score >= b.score), `${a.code} before ${b.code}`).toBe(true);
    }
    const box = (await api.db.query<any>(`SELECT ST_XMin(geom) w, ST_YMin(geom) s, ST_XMax(geom) e, ST_YMax(geom) n FROM towns WHERE code = $1`, [body.tour[0].code])).rows[0];
    expect(body.tour[0].bbox.map((v: number) => v.toFixed(6))).toEqual([box.w, box.s, box.e, box.n].map((v: number) => Number(v).toFixed(6)));
  });

  it('lists the latest 8 dispute events as plain SQL does, newest first, with no personal data', async () => {
    const rows = (await api.db.query<any>(`SELECT e.id::float8 AS id, d.code, d.town_code, e.action, e.to_status AS status
      FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id WHERE e.at <= $1 ORDER BY e.at DESC, e.id DESC LIMIT 8`, [at])).rows;
    expect(rows).toHaveLength(8);
    expect(body.recent.map(({ at: _at, ...rest }: any) => rest)).toEqual(rows.map((r: any) => ({ ...r, id: Number(r.id) })));
    for (let i = 1; i < body.recent.length; i++) expect(body.recent[i - 1].at >= body.recent[i].at).toBe(true);
    expect(body.recent[0].at <= at).toBe(true);
    expect(Object.keys(body.recent[0]).sort()).toEqual(['action', 'at', 'code', 'id', 'status', 'town_code']);
  });

  it('limits a town leader to the town', async () => {
    const town = body.tour[0].code;
    const leader = await logIn(api.base, `town-${town}`);
    const r = await fetch(`${api.base}/api/wall/summary`, { headers: { cookie: leader.headers.cookie } });
    const own = await r.json();
    const c = await plainCounts('town_code = $1', [town]);
    expect(own.counts).toEqual({ reported_today: c.today, open: c.open, overdue: c.overdue });
    expect(own.tour.map((t: any) => t.code)).toEqual([town]);
    expect(own.counts.open).toBeLessThan(body.counts.open);
    expect(own.recent.length).toBeGreaterThan(0);
    expect(own.recent.every((e: any) => e.town_code === town)).toBe(true);
  });

  it('gives a wall display the same figures, with no names or phones anywhere', async () => {
    const display = await logIn(api.base, 'display');
    const text = await (await fetch(`${api.base}/api/wall/summary`, { headers: { cookie: display.headers.cookie } })).text();
    const shown = JSON.parse(text);
    expect(shown.counts).toEqual(body.counts);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    // Only counts, levels and area names: no person-shaped fields at any depth.
    expect(text).not.toMatch(/"(phone|parties|contact|grid_worker|police|cadre|id_number|address)"/);
  });

  it('refuses an unknown parameter', async () => {
    const r = await api.json('/api/wall/summary?town=620802101');
    expect([r.status, r.body.parameter]).toEqual([400, 'town']);
  });
});
