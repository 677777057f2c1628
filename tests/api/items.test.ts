import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.ts';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

type FC = { type: string; features: { id: number; properties: Record<string, any>; geometry: any }[]; links: { rel: string; href: string }[]; numberMatched: number; numberReturned: number; timeStamp: string };
const ids = async (sql: string, values: unknown[] = []) => (await api.db.query<{ id: number }>(sql, values)).rows.map((r) => Number(r.id));
const link = (fc: FC, rel: string) => fc.links.find((l) => l.rel === rel)?.href;

describe('paging', () => {
  it('walks the whole collection through next links, in id order, with numberMatched right', async () => {
    const expected = await ids('SELECT id FROM villages ORDER BY id');
    const seen: number[] = [];
    let url: string | undefined = `${api.base}/api/collections/villages/items?limit=50`;
    let pages = 0;
    while (url) {
      const r = await fetch(url, { headers: api.auth.headers });
      expect(r.headers.get('content-type')).toMatch(/^application\/geo\+json/);
      const fc = (await r.json()) as FC;
      expect(fc.type).toBe('FeatureCollection');
      expect(fc.numberMatched).toBe(expected.length);
      expect(fc.numberReturned).toBe(fc.features.length);
      expect(fc.timeStamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      seen.push(...fc.features.map((f) => f.id));
      url = link(fc, 'next');
      pages++;
    }
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 50));
  });
  it('links prev and next around a middle page, keeping the other parameters', async () => {
    const { body } = await api.json<FC>('/api/collections/grids/items?kind=rural&limit=10&offset=20');
    expect(link(body, 'self')).toBe(`${api.base}/api/collections/grids/items?kind=rural&limit=10&offset=20`);
    expect(link(body, 'next')).toBe(`${api.base}/api/collections/grids/items?kind=rural&limit=10&offset=30`);
    expect(link(body, 'prev')).toBe(`${api.base}/api/collections/grids/items?kind=rural&limit=10&offset=10`);
    expect(link(body, 'collection')).toBe(`${api.base}/api/collections/grids`);
  });
  it('has no next link on the last page and no prev link on the first', async () => {
    const n = (await ids('SELECT id FROM towns')).length;
    const last = (await api.json<FC>(`/api/collections/towns/items?offset=${n - 3}&limit=3`)).body;
    expect([last.numberReturned, link(last, 'next')]).toEqual([3, undefined]);
    const first = (await api.json<FC>('/api/collections/towns/items?limit=3')).body;
    expect(link(first, 'prev')).toBeUndefined();
    expect(link(first, 'next')).toBeDefined();
  });
  it('returns an empty page past the end', async () => {
    const { status, body } = await api.json<FC>('/api/collections/towns/items?offset=1000');
    const n = (await ids('SELECT id FROM towns')).length;
    expect([status, body.numberMatched, body.numberReturned, body.features.length]).toEqual([200, n, 0, 0]);
  });
  it('defaults to 100 features', async () => {
    expect((await api.json<FC>('/api/collections/grids/items')).body.numberReturned).toBe(100);
  });
});

describe('features', () => {
  it('uses the integer id and the documented properties, never the parties', async () => {
    const { body } = await api.json<FC>('/api/collections/disputes/items?limit=5');
    for (const f of body.features) {
      expect(Number.isInteger(f.id)).toBe(true);
      expect(Object.keys(f.properties)).toEqual(expect.arrayContaining(['code', 'type', 'status', 'level', 'reported_at', 'resolved_at', 'town_code', 'grid_code', 'criminal_risk', 'village_code', 'due_at']));
      expect(f.properties).not.toHaveProperty('parties');
      expect(f.properties).not.toHaveProperty('party_key');
      expect(f.geometry.type).toBe('Point');
    }
  });
  it('gives grids their contact card', async () => {
    const { body } = await api.json<FC>('/api/collections/grids/items?limit=1');
    expect(Object.keys(body.features[0].properties)).toEqual(expect.arrayContaining(
      ['code', 'name', 'kind', 'town_code', 'village_code', 'households', 'population', 'worker_name', 'worker_phone', 'worker_type', 'police_name', 'police_phone', 'cadre_name', 'cadre_phone']));
  });
  it('returns one feature by id, equal to the same feature in a page', async () => {
    const page = (await api.json<FC>('/api/collections/cameras/items?limit=1&offset=7')).body.features[0];
    const r = await api.get(`/api/collections/cameras/items/${page.id}`);
    expect(r.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const one = await r.json();
    expect(one).toMatchObject({ type: 'Feature', id: page.id, properties: page.properties, geometry: page.geometry });
    expect(one.links.find((l: { rel: string }) => l.rel === 'self').href).toBe(`${api.base}/api/collections/cameras/items/${page.id}`);
  });
  it('writes coordinates with at most 7 decimals', async () => {
    const text = await (await api.get('/api/collections/towns/items?limit=2')).text();
    expect(text).not.toMatch(/\d\.\d{8,}/);
  });
});

describe('bbox', () => {
  const bbox = [106.6, 35.5, 106.7, 35.56] as const;
  it('returns exactly the features that intersect the box', async () => {
    const expected = await ids('SELECT id FROM grids WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)) ORDER BY id', [...bbox]);
    const { body } = await api.json<FC>(`/api/collections/grids/items?bbox=${bbox.join(',')}&limit=10000`);
    expect(expected.length).toBeGreaterThan(10);
    expect(body.numberMatched).toBe(expected.length);
    expect(body.features.map((f) => f.id)).toEqual(expected);
    const total = (await ids('SELECT id FROM grids')).length;
    expect(expected.length).toBeLessThan(total);
  });
  it('puts every returned point inside the box', async () => {
    const { body } = await api.json<FC>(`/api/collections/disputes/items?bbox=${bbox.join(',')}&limit=10000`);
    expect(body.numberReturned).toBeGreaterThan(0);
    for (const f of body.features) {
      const [x, y] = f.geometry.coordinates;
      expect(x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3]).toBe(true);
    }
  });
  it('finds nothing in a box far from the district', async () => {
    const { body } = await api.json<FC>('/api/collections/grids/items?bbox=0,0,1,1');
    expect([body.numberMatched, body.numberReturned]).toEqual([0, 0]);
  });
});

describe('property filters', () => {
  it('filters grids by town_code and kind', async () => {
    const town = (await api.db.query<{ code: string }>("SELECT town_code AS code FROM grids WHERE kind = 'rural' ORDER BY id LIMIT 1")).rows[0].code;
    const expected = await ids("SELECT id FROM grids WHERE town_code = $1 AND kind = 'rural' ORDER BY id", [town]);
    const { body } = await api.json<FC>(`/api/collections/grids/items?town_code=${town}&kind=rural&limit=10000`);
    expect(body.features.map((f) => f.id)).toEqual(expected);
    expect(body.features.every((f) => f.properties.town_code === town && f.properties.kind === 'rural')).toBe(true);
  });
  it('filters disputes by status, level and the criminal-risk flag', async () => {
    const expected = await ids("SELECT id FROM disputes WHERE status = 'resolved' AND level = 'town' AND criminal_risk ORDER BY id");
    const { body } = await api.json<FC>('/api/collections/disputes/items?status=resolved&level=town&criminal_risk=true&limit=10000');
    expect(expected.length).toBeGreaterThan(0);
    expect(body.features.map((f) => f.id)).toEqual(expected);
  });
  it('filters cameras by programme', async () => {
    const expected = await ids("SELECT id FROM cameras WHERE program = 'pingan'");
    const { body } = await api.json<FC>('/api/collections/cameras/items?program=pingan&limit=1');
    expect(body.numberMatched).toBe(expected.length);
  });
  it('returns an empty collection for a well-formed code that matches nothing', async () => {
    const { status, body } = await api.json<FC>('/api/collections/grids/items?code=000000');
    expect([status, body.numberMatched]).toEqual([200, 0]);
  });
});

describe('datetime', () => {
  it('filters disputes by a closed interval, bounds inclusive', async () => {
    const [a, b] = ['2023-03-01T00:00:00Z', '2023-06-30T23:59:59Z'];
    const expected = await ids('SELECT id FROM disputes WHERE reported_at BETWEEN $1 AND $2 ORDER BY id', [a, b]);
    const { body } = await api.json<FC>(`/api/collections/disputes/items?datetime=${a}/${b}&limit=10000`);
    expect(expected.length).toBeGreaterThan(0);
    expect(body.features.map((f) => f.id)).toEqual(expected);
    expect(body.features.every((f) => f.properties.reported_at >= a && f.properties.reported_at <= b)).toBe(true);
  });
  it('handles open-ended intervals', async () => {
    const t = '2024-01-01T00:00:00Z';
    const after = (await ids('SELECT id FROM disputes WHERE reported_at >= $1', [t])).length;
    const before = (await ids('SELECT id FROM disputes WHERE reported_at <= $1', [t])).length;
    expect((await api.json<FC>(`/api/collections/disputes/items?datetime=${t}/..&limit=1`)).body.numberMatched).toBe(after);
    expect((await api.json<FC>(`/api/collections/disputes/items?datetime=../${t}&limit=1`)).body.numberMatched).toBe(before);
  });
  it('matches an instant exactly', async () => {
    const d = (await api.db.query<{ id: number; t: string }>(
      `SELECT id, to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') t FROM disputes ORDER BY id LIMIT 1 OFFSET 10`)).rows[0];
    const { body } = await api.json<FC>(`/api/collections/disputes/items?datetime=${d.t}`);
    expect(body.features.map((f) => f.id)).toContain(Number(d.id));
    expect(body.features.every((f) => f.properties.reported_at === d.t)).toBe(true);
  });
  it('reads a bare date as the local (UTC+8) calendar day', async () => {
    const expected = (await ids(`SELECT id FROM disputes WHERE reported_at >= '2023-05-10T00:00:00+08:00' AND reported_at < '2023-05-11T00:00:00+08:00'`)).length;
    expect((await api.json<FC>('/api/collections/disputes/items?datetime=2023-05-10')).body.numberMatched).toBe(expected);
  });
  it('combines with bbox and property filters', async () => {
    const expected = await ids(`SELECT id FROM disputes WHERE reported_at >= '2022-01-01T00:00:00Z' AND type = 'neighbour'
      AND ST_Intersects(geom, ST_MakeEnvelope(106.5, 35.4, 106.9, 35.7, 4326)) ORDER BY id`);
    const { body } = await api.json<FC>('/api/collections/disputes/items?datetime=2022-01-01T00:00:00Z/..&type=neighbour&bbox=106.5,35.4,106.9,35.7&limit=10000');
    expect(body.features.map((f) => f.id)).toEqual(expected);
  });
});
