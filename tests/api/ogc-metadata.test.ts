import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.ts';

const IDS = ['district', 'towns', 'villages', 'grids', 'cameras', 'monitoring-rooms', 'police-stations', 'police-workrooms',
  'mediation-rooms', 'legal-stations', 'governance-centres', 'disputes'];

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const rel = (links: { rel: string; href: string; type?: string }[], r: string) => links.find((l) => l.rel === r);

describe('landing page', () => {
  it('links self, service-desc, conformance and data with absolute URLs', async () => {
    const { status, type, body } = await api.json('/api');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(rel(body.links, 'self')?.href).toBe(`${api.base}/api`);
    expect(rel(body.links, 'service-desc')).toMatchObject({ href: `${api.base}/api/openapi.json`, type: 'application/vnd.oai.openapi+json;version=3.0' });
    expect(rel(body.links, 'conformance')?.href).toBe(`${api.base}/api/conformance`);
    expect(rel(body.links, 'data')?.href).toBe(`${api.base}/api/collections`);
  });
  it('answers on /api/ and with f=json too', async () => {
    expect((await api.get('/api/')).status).toBe(200);
    expect((await api.get('/api?f=json')).status).toBe(200);
  });
  it('serves the OpenAPI document it links to, with a path per collection', async () => {
    const r = await api.get('/api/openapi.json');
    expect(r.headers.get('content-type')).toMatch(/^application\/vnd\.oai\.openapi\+json/);
    const doc = await r.json();
    expect(doc.openapi).toMatch(/^3\.0\./);
    expect(doc.servers[0].url).toBe(`${api.base}/api`);
    for (const id of IDS) expect(Object.keys(doc.paths)).toContain(`/collections/${id}/items`);
    const params = doc.paths['/collections/disputes/items'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['bbox', 'limit', 'offset', 'datetime', 'status', 'town_code', 'criminal_risk']));
    expect(doc.paths['/collections/grids/items'].get.parameters.map((p: { name: string }) => p.name)).not.toContain('datetime');
    for (const p of ['/responsible', '/health', '/config', '/labels', '/risk', '/risk/{areaCode}', '/areas/{code}', '/search',
      '/disputes/{id}/context', '/disputes/clusters', '/disputes/points', '/cameras/clusters']) expect(Object.keys(doc.paths)).toContain(p);
  });
});

describe('conformance', () => {
  it('declares Core, GeoJSON, OpenAPI 3.0 and Part 3 queryables', async () => {
    const { body } = await api.json('/api/conformance');
    expect(body.conformsTo).toEqual(expect.arrayContaining([
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
    ]));
  });
});

describe('collections', () => {
  it('lists exactly the twelve collections with items links', async () => {
    const { body } = await api.json('/api/collections');
    expect(body.collections.map((c: { id: string }) => c.id)).toEqual(IDS);
    for (const c of body.collections) {
      expect(rel(c.links, 'items')).toMatchObject({ href: `${api.base}/api/collections/${c.id}/items`, type: 'application/geo+json' });
      expect(c.itemType).toBe('feature');
    }
  });
  it('gives each collection its spatial extent from the data', async () => {
    const { body } = await api.json('/api/collections/grids');
    const e = (await api.db.query<{ a: number; b: number; c: number; d: number }>(
      'SELECT ST_XMin(x) a, ST_YMin(x) b, ST_XMax(x) c, ST_YMax(x) d FROM (SELECT ST_Extent(geom) x FROM grids) s')).rows[0];
    const [bbox] = body.extent.spatial.bbox;
    [e.a, e.b, e.c, e.d].forEach((v, i) => expect(bbox[i]).toBeCloseTo(Number(v), 6));
    expect(body.extent.spatial.crs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    expect(body.extent.temporal).toBeUndefined();
  });
  it('gives disputes a temporal extent equal to the first and last report', async () => {
    const { body } = await api.json('/api/collections/disputes');
    const r = (await api.db.query<{ a: string; b: string }>(
      `SELECT to_char(min(reported_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') a,
              to_char(max(reported_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') b FROM disputes`)).rows[0];
    expect(body.extent.temporal.interval).toEqual([[r.a, r.b]]);
  });
});

describe('queryables', () => {
  it('is a JSON Schema listing the filterable properties with their types', async () => {
    const r = await api.get('/api/collections/disputes/queryables');
    expect(r.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    const s = await r.json();
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(s.type).toBe('object');
    expect(s.properties.status.enum).toContain('resolved');
    expect(s.properties.criminal_risk.type).toBe('boolean');
    expect(s.properties.town_code).toMatchObject({ type: 'string', pattern: expect.any(String) });
    expect(s.properties.reported_at).toMatchObject({ format: 'date-time', 'x-ogc-role': 'primary-instant' });
    expect(s.properties.geometry.format).toBe('geometry-point');
    expect(s.properties.parties).toBeUndefined();
  });
  it('lists the grid filters named in the brief', async () => {
    const { body } = await api.json('/api/collections/grids/queryables');
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['kind', 'town_code', 'village_code', 'code']));
    expect(body.properties.kind.enum).toEqual(['urban', 'rural']);
  });
});

describe('health', () => {
  it('reports the engine and the PostGIS version', async () => {
    const { status, body } = await api.json('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', engine: api.db.engine, seeded: true });
    expect(body.postgis).toMatch(/^3\.\d+/);
  });
});
