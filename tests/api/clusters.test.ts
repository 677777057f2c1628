import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPUTE_STATUSES } from '../../server/src/domain/dispute-types.ts';
import type { Api } from './api-harness.ts';
import { expectApiError, startMapApi } from './map-test-support.ts';

let api: Api;
let district: [number, number, number, number];
beforeAll(async () => {
  api = await startMapApi();
  const r = (await api.db.query<{ a: number; b: number; c: number; d: number }>('SELECT ST_XMin(geom) a, ST_YMin(geom) b, ST_XMax(geom) c, ST_YMax(geom) d FROM district')).rows[0];
  district = [Number(r.a) - 0.01, Number(r.b) - 0.01, Number(r.c) + 0.01, Number(r.d) + 0.01];
});
afterAll(() => api.close());

type Feature = { id: string; geometry: { coordinates: [number, number] }; properties: Record<string, any> };
const count = (fs: Feature[]) => fs.reduce((s, f) => s + (f.properties.cluster ? f.properties.point_count : 1), 0);
const sumOf = (fs: Feature[], key: string, single: (p: Record<string, any>) => number) =>
  fs.reduce((s, f) => s + (f.properties.cluster ? f.properties[key] : single(f.properties)), 0);

async function sqlCount(where: string, values: unknown[]): Promise<number> {
  return (await api.db.query<{ n: number }>(`SELECT count(*)::int n FROM disputes WHERE ${where}`, values)).rows[0].n;
}

describe('GET /api/disputes/clusters', () => {
  it.each([3, 8, 10, 12, 14, 17])('at zoom %i the clusters over the district hold every dispute of the period, once', async (zoom) => {
    const { status, type, body } = await api.json(`/api/disputes/clusters?bbox=${district.join(',')}&zoom=${zoom}`);
    expect([status, type]).toEqual([200, 'application/geo+json; charset=utf-8']);
    const n = await sqlCount('reported_at >= $1 AND reported_at < $2', [body.period.start, body.period.end]);
    expect(n).toBeGreaterThan(100);
    expect([count(body.features), body.total]).toEqual([n, n]);
    const ids = body.features.map((f: Feature) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    if (zoom >= 17) expect(body.features.every((f: Feature) => !f.properties.cluster)).toBe(true);
  });

  it('counts by status and open inside clusters add up to the ledger', async () => {
    const { body } = await api.json(`/api/disputes/clusters?bbox=${district.join(',')}&zoom=9&from=2019-01&to=2019-12`);
    const rows = (await api.db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int n FROM disputes WHERE reported_at >= $1 AND reported_at < $2 GROUP BY 1', [body.period.start, body.period.end])).rows;
    for (const s of DISPUTE_STATUSES) {
      expect([s, sumOf(body.features, `status_${s}`, (p) => (p.status === s ? 1 : 0))]).toEqual([s, rows.find((r) => r.status === s)?.n ?? 0]);
    }
    const open = rows.filter((r) => r.status !== 'resolved').reduce((s, r) => s + r.n, 0);
    expect(sumOf(body.features, 'open', (p) => (p.open ? 1 : 0))).toBe(open);
    expect(body.features.some((f: Feature) => f.properties.cluster && f.properties.point_count > 10)).toBe(true);
  });

  it('at zoom 17 (no clustering) returns exactly the disputes inside a small bbox', async () => {
    const c = (await api.db.query<{ x: number; y: number }>(
      "SELECT ST_X(geom) x, ST_Y(geom) y FROM disputes WHERE reported_at >= '2025-01-01' ORDER BY id LIMIT 1")).rows[0];
    const bbox = [Number(c.x) - 0.02, Number(c.y) - 0.02, Number(c.x) + 0.02, Number(c.y) + 0.02];
    const { body } = await api.json(`/api/disputes/clusters?bbox=${bbox.join(',')}&zoom=17&from=2025-01&to=2026-11`);
    const ids = (await api.db.query<{ id: number }>(
      'SELECT id::int FROM disputes WHERE reported_at >= $1 AND reported_at < $2 AND ST_Intersects(geom, ST_MakeEnvelope($3, $4, $5, $6, 4326)) ORDER BY id',
      [body.period.start, body.period.end, ...bbox])).rows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(body.features.map((f: Feature) => f.properties.id).sort((a: number, b: number) => a - b)).toEqual(ids);
    const f = body.features[0];
    expect(Object.keys(f.properties).sort()).toEqual(['cluster', 'criminal_risk', 'id', 'open', 'status', 'type']);
  });

  it('filters by type and by status (open = anything not resolved)', async () => {
    for (const [q, where] of [['type=land_boundary', "type = 'land_boundary'"], ['status=open', "status <> 'resolved'"], ['status=resolved&type=neighbour', "status = 'resolved' AND type = 'neighbour'"]]) {
      const { body } = await api.json(`/api/disputes/clusters?zoom=5&from=2019-01&to=2026-11&${q}`);
      const n = await sqlCount(`reported_at >= $1 AND reported_at < $2 AND ${where}`, [body.period.start, body.period.end]);
      expect([q, body.total, count(body.features)]).toEqual([q, n, n]);
    }
  });
});

describe('GET /api/disputes/points', () => {
  it('lists every dispute of the period as [lon, lat, type, open], to 5 decimals', async () => {
    const { body } = await api.json('/api/disputes/points?from=2026-06&to=2026-11&type=neighbour');
    expect(body.fields).toEqual(['lon', 'lat', 'type', 'open']);
    const rows = (await api.db.query<{ x: number; y: number; type: string; status: string }>(
      "SELECT ST_X(geom) x, ST_Y(geom) y, type, status FROM disputes WHERE reported_at >= $1 AND reported_at < $2 AND type = 'neighbour' ORDER BY id",
      [body.period.start, body.period.end])).rows;
    expect(rows.length).toBeGreaterThan(10);
    expect(body.rows).toEqual(rows.map((r) => [Math.round(Number(r.x) * 1e5) / 1e5, Math.round(Number(r.y) * 1e5) / 1e5, 'neighbour', r.status === 'resolved' ? 0 : 1]));
    for (const [lon] of body.rows) expect(String(lon).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(5);
  });
});

describe('GET /api/cameras/clusters', () => {
  it.each([['', 8297], ['&program=pingan', null], ['&program=xueliang', null]])('clusters every camera%s', async (q, fixed) => {
    const { body } = await api.json(`/api/cameras/clusters?zoom=9&bbox=${district.join(',')}${q}`);
    const program = q.split('=')[1] ?? null;
    const n = (await api.db.query<{ n: number }>('SELECT count(*)::int n FROM cameras WHERE $1::text IS NULL OR program = $1', [program])).rows[0].n;
    if (fixed) expect(n).toBe(fixed);
    expect([body.total, count(body.features)]).toEqual([n, n]);
    const pingan = sumOf(body.features, 'program_pingan', (p) => (p.program === 'pingan' ? 1 : 0));
    const truth = (await api.db.query<{ n: number }>("SELECT count(*)::int n FROM cameras WHERE program = 'pingan' AND ($1::text IS NULL OR program = $1)", [program])).rows[0].n;
    expect(pingan).toBe(truth);
  });
  it('names single cameras at street zoom', async () => {
    const c = (await api.db.query<{ x: number; y: number; code: string; name: string }>('SELECT code, name, ST_X(geom) x, ST_Y(geom) y FROM cameras ORDER BY id LIMIT 1 OFFSET 5000')).rows[0];
    const bbox = [Number(c.x) - 1e-6, Number(c.y) - 1e-6, Number(c.x) + 1e-6, Number(c.y) + 1e-6];
    const { body } = await api.json(`/api/cameras/clusters?zoom=20&bbox=${bbox.join(',')}`);
    expect(body.features.map((f: Feature) => f.properties)).toContainEqual(expect.objectContaining({ cluster: false, code: c.code, name: c.name }));
  });
});

describe('cluster caller errors', () => {
  it.each([
    { title: 'no zoom', path: '/api/disputes/clusters?bbox=106,35,107,36', parameter: 'zoom' },
    { title: 'zoom 25', path: '/api/disputes/clusters?zoom=25', parameter: 'zoom' },
    { title: 'zoom as text', path: '/api/disputes/clusters?zoom=ten', parameter: 'zoom' },
    { title: 'inverted bbox', path: '/api/disputes/clusters?zoom=5&bbox=106,36,107,35', parameter: 'bbox' },
    { title: 'bbox with SQL', path: '/api/disputes/clusters?zoom=5&bbox=1,2,3,4;DROP%20TABLE%20disputes', parameter: 'bbox' },
    { title: 'unknown type', path: '/api/disputes/clusters?zoom=5&type=murder', parameter: 'type' },
    { title: 'unknown status', path: '/api/disputes/clusters?zoom=5&status=closed', parameter: 'status' },
    { title: 'from after to', path: '/api/disputes/clusters?zoom=5&from=2025-03&to=2025-01', parameter: 'from' },
    { title: 'unknown parameter', path: '/api/disputes/clusters?zoom=5&limit=3', parameter: 'limit' },
    { title: 'points: bad type', path: "/api/disputes/points?type=x'%20OR%20'1'='1", parameter: 'type' },
    { title: 'points: status is not a points filter', path: '/api/disputes/points?status=open', parameter: 'status' },
    { title: 'points: future month', path: '/api/disputes/points?to=2030-01', parameter: 'to' },
    { title: 'cameras: unknown programme', path: '/api/cameras/clusters?zoom=5&program=private', parameter: 'program' },
    { title: 'cameras: no zoom', path: '/api/cameras/clusters', parameter: 'zoom' },
  ])('$title → 400 naming $parameter', async ({ path, parameter }) => {
    await expectApiError(api, path, 400, parameter);
  });
});
