/**
 * /api/stats/resolution and /api/ranking on the seeded data: the source document's figures through the
 * API (scaled volume; the level shares and rates are exact quotas), sums that agree, and the ranking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';
import { TEST_SEED } from '../support/test-db.ts';

let api: Api;
beforeAll(async () => { api = await startApi({ now: () => TEST_NOW }); });
afterAll(() => api.close());

describe('GET /api/stats/resolution reproduces SEED-FACTS', () => {
  it('gives a monthly resolution rate of 70% in 2019 and 99.7% in 2022', async () => {
    const y2019 = (await api.json('/api/stats/resolution?from=2019-01&to=2019-12')).body;
    const y2022 = (await api.json('/api/stats/resolution?from=2022-01&to=2022-12')).body;
    expect(y2019.total.resolution_rate).toBe(70);
    expect(y2022.total.resolution_rate).toBe(99.7);
    expect(y2019.months).toHaveLength(12);
    expect(y2019.months.reduce((s: number, m: any) => s + m.found, 0)).toBe(y2019.total.found);
  });
  it('resolves 97.2% at village and 2.3% at town level since 2020, more than 30,000 (scaled)', async () => {
    const { body } = await api.json('/api/stats/resolution?from=2020-01&to=2026-11');
    expect(body.total.level_shares.village).toBe(97.2);
    expect(body.total.level_shares.town).toBe(2.3);
    expect(body.total.level_shares.department).toBeCloseTo(0.5, 1);
    expect(body.total.resolved).toBeGreaterThan(30000 * TEST_SEED.disputeScale);
  });
  it('counts one town as plain SQL does', async () => {
    const { body } = await api.json('/api/stats/resolution?from=2026-07&to=2026-07&town=620802101');
    const c = (await api.db.query<any>(`SELECT count(*)::int n FROM disputes WHERE town_code = '620802101'
      AND reported_at >= '2026-06-30T16:00:00Z' AND reported_at < '2026-07-31T16:00:00Z'`)).rows[0];
    expect([body.town.name, body.total.found]).toEqual(['崆峒镇', c.n]);
  });
  it.each([
    { path: '/api/stats/resolution?from=2026-13', parameter: 'from', status: 400 },
    { path: '/api/stats/resolution?town=620802999', parameter: 'town', status: 404 },
    { path: '/api/stats/resolution?month=2026-01', parameter: 'month', status: 400 },
  ])('answers $path with $status', async ({ path, parameter, status }) => {
    const r = await api.json(path);
    expect([r.status, r.body.parameter]).toEqual([status, parameter]);
  });
});

describe('GET /api/ranking', () => {
  it('ranks the 20 towns of a quarter by the documented score, bottom three flagged', async () => {
    const { status, body } = await api.json('/api/ranking?quarter=2026Q3&of=towns');
    expect(status).toBe(200);
    expect([body.quarter, body.from, body.to, body.complete, body.units.length]).toEqual(['2026Q3', '2026-07', '2026-09', true, 20]);
    const maxFound = Math.max(...body.units.map((u: any) => u.found));
    for (const u of body.units) {
      const rate = u.found ? Math.round((u.resolved * 1000) / u.found) / 10 : null;
      expect(u.rate).toBe(rate);
      expect(u.score).toBeCloseTo(0.8 * (rate ?? 0) + 0.2 * Math.round((u.found * 1000) / maxFound) / 10, 1);
    }
    const scores = body.units.map((u: any) => u.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(body.units[0].rank).toBe(1);
    expect(body.units.filter((u: any) => u.bottom).length).toBeGreaterThanOrEqual(3);
    expect(body.units.at(-1).bottom).toBe(true);
    const district = (await api.json('/api/stats/resolution?from=2026-07&to=2026-09')).body;
    expect(body.units.reduce((s: number, u: any) => s + u.found, 0)).toBe(district.total.found);
  });
  it('ranks departments by the department-level disputes they handle', async () => {
    const { body } = await api.json('/api/ranking?quarter=2026Q1&of=departments&bottom=2');
    expect(body.units).toHaveLength(9);
    const c = (await api.db.query<any>(`SELECT count(*)::int n FROM disputes WHERE level = 'department'
      AND reported_at >= '2025-12-31T16:00:00Z' AND reported_at < '2026-03-31T16:00:00Z'`)).rows[0];
    expect(body.units.reduce((s: number, u: any) => s + u.found, 0)).toBe(c.n);
    expect(body.units.map((u: any) => u.code)).toContain('sifa');
  });
  it('gives the towns as GeoJSON with rank properties for a choropleth', async () => {
    const r = await api.get('/api/ranking?quarter=2026Q3&f=geojson');
    expect(r.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const fc = await r.json();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(20);
    expect(fc.features.every((f: any) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type) && f.properties.rank >= 1)).toBe(true);
    expect(fc.ranking.quarter).toBe('2026Q3');
  });
  it('defaults to the last complete quarter', async () => {
    expect((await api.json('/api/ranking')).body.quarter).toBe('2026Q3');
  });
  it.each([
    { path: '/api/ranking?quarter=2027Q1', parameter: 'quarter' },
    { path: '/api/ranking?quarter=2026Q5', parameter: 'quarter' },
    { path: '/api/ranking?of=villages', parameter: 'of' },
    { path: '/api/ranking?bottom=-1', parameter: 'bottom' },
    { path: '/api/ranking?of=departments&f=geojson', parameter: 'f' },
  ])('rejects $path naming $parameter', async ({ path, parameter }) => {
    const r = await api.json(path);
    expect([r.status, r.body.parameter]).toEqual([400, parameter]);
  });
});

describe('the OpenAPI document', () => {
  it('lists the reporting endpoints', async () => {
    const doc = (await api.json('/api/openapi.json')).body;
    for (const p of ['/ledger', '/ledger.csv', '/stats/resolution', '/ranking', '/screening', '/risk/{areaCode}/history', '/reports/supervision/{townCode}.pdf']) {
      expect(doc.paths[p]?.get?.summary, p).toBeTruthy();
    }
  });
});
