/** /api/screening (日排查): reported and silent grids of a day, counted as plain SQL counts them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';
import { localDate } from '../../server/src/domain/local-time.ts';

let api: Api;
beforeAll(async () => { api = await startApi({ now: () => TEST_NOW }); });
afterAll(() => api.close());

describe('GET /api/screening', () => {
  it('marks each of the 1,617 grids reported or silent as the items table says', async () => {
    const { status, body } = await api.json('/api/screening?date=2026-11-20');
    expect(status).toBe(200);
    expect([body.date, body.has_data, body.total.grids, body.grids.length]).toEqual(['2026-11-20', true, 1617, 1617]);
    const c = (await api.db.query<any>(`SELECT count(*)::int n, sum(info_reports)::int info FROM grid_daily_items
      WHERE day = '2026-11-20' AND quiet_reports + info_reports > 0`)).rows[0];
    expect([body.total.reported, body.total.silent, body.total.info_reports]).toEqual([c.n, 1617 - c.n, c.info]);
    expect(body.total.rate).toBe(Math.round((c.n * 1000) / 1617) / 10);
    expect(body.towns.reduce((s: number, t: any) => s + t.reported, 0)).toBe(c.n);
    for (const g of body.grids) expect(g.reported).toBe(g.silent_days === 0);
  });
  it('counts consecutive silent days over the last 7 days', async () => {
    const { body } = await api.json('/api/screening?date=2026-11-20&town=620802203');
    const silent = body.grids.find((g: any) => g.silent_days > 0);
    expect(silent).toBeDefined();
    const days = (await api.db.query<any>(`SELECT to_char(day, 'YYYY-MM-DD') d FROM grid_daily_items WHERE grid_code = $1
      AND day BETWEEN '2026-11-14' AND '2026-11-20' AND quiet_reports + info_reports > 0 ORDER BY day DESC LIMIT 1`, [silent.code])).rows;
    const expected = days.length ? Math.round((Date.parse('2026-11-20') - Date.parse(days[0].d)) / 86_400_000) : 7;
    expect(silent.silent_days).toBe(expected);
    expect(silent.flagged).toBe(expected >= body.flag_days);
    expect(body.towns).toHaveLength(1);
  });
  it('defaults to today in local time', async () => {
    expect((await api.json('/api/screening?town=620802001')).body.date).toBe(localDate(TEST_NOW));
  });
  it.each([
    { path: '/api/screening?date=2026-02-30', status: 400, parameter: 'date' },
    { path: '/api/screening?date=2026-11-30', status: 400, parameter: 'date' },
    { path: '/api/screening?town=620802999', status: 404, parameter: 'town' },
    { path: '/api/screening?day=2026-11-01', status: 400, parameter: 'day' },
  ])('answers $path with $status naming $parameter', async ({ path, status, parameter }) => {
    const r = await api.json(path);
    expect([r.status, r.body.parameter]).toEqual([status, parameter]);
  });
});
