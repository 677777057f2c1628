/** /api/risk/{code}/history: each month's level is the risk map's for that one month; bounded range. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';

let api: Api;
beforeAll(async () => { api = await startApi({ now: () => TEST_NOW }); });
afterAll(() => api.close());

describe('GET /api/risk/{areaCode}/history', () => {
  it('gives each month the level, indicators and reasons of /api/risk/{code} for that month, and a trend', async () => {
    const { status, body } = await api.json('/api/risk/620802001/history?from=2026-06&to=2026-11');
    expect(status).toBe(200);
    expect([body.code, body.name, body.kind]).toEqual(['620802001', '东关街道', 'town']);
    expect(body.months.map((m: any) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    for (const m of [body.months[1], body.months[5]]) {
      const one = (await api.json(`/api/risk/620802001?from=${m.month}&to=${m.month}`)).body;
      expect([m.level, m.score, m.counts.open]).toEqual([one.level, one.score, one.counts.open]);
      expect(m.reasons).toEqual(one.reasons);
    }
    expect(['rising', 'falling', 'steady']).toContain(body.trend.trend);
    expect(body.trend.text.zh).toContain('2026-06至2026-11');
  });
  it.each([
    { path: '/api/risk/620802001/history?from=2023-10&to=2026-11', status: 400, parameter: 'from' },
    { path: '/api/risk/620802999/history?from=2026-01&to=2026-02', status: 404, parameter: 'areaCode' },
    { path: '/api/risk/abc/history', status: 400, parameter: 'areaCode' },
    { path: '/api/risk/620802001/history?level=town', status: 400, parameter: 'level' },
  ])('answers $path with $status', async ({ path, status, parameter }) => {
    const r = await api.json(path);
    expect([r.status, r.body.parameter]).toEqual([status, parameter]);
  });
});
