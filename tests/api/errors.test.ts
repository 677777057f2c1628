import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { startApi, type Api } from './api-harness.ts';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const CASES = [
  // bbox
  { title: 'malformed bbox', path: '/api/collections/grids/items?bbox=1,2,3', status: 400, code: 'invalid_parameter', parameter: 'bbox' },
  { title: 'inverted bbox', path: '/api/collections/grids/items?bbox=106,35.7,107,35.2', status: 400, code: 'invalid_parameter', parameter: 'bbox' },
  { title: 'bbox with SQL after it', path: '/api/collections/grids/items?bbox=1,2,3,4;DROP%20TABLE%20grids', status: 400, code: 'invalid_parameter', parameter: 'bbox' },
  { title: 'bbox out of range', path: '/api/collections/grids/items?bbox=0,0,200,10', status: 400, code: 'invalid_parameter', parameter: 'bbox' },
  { title: 'repeated bbox', path: '/api/collections/grids/items?bbox=0,0,1,1&bbox=0,0,2,2', status: 400, code: 'repeated_parameter', parameter: 'bbox' },
  // paging
  { title: 'limit above the maximum', path: '/api/collections/grids/items?limit=10001', status: 400, code: 'invalid_parameter', parameter: 'limit' },
  { title: 'limit zero', path: '/api/collections/grids/items?limit=0', status: 400, code: 'invalid_parameter', parameter: 'limit' },
  { title: 'limit not a number', path: '/api/collections/grids/items?limit=ten', status: 400, code: 'invalid_parameter', parameter: 'limit' },
  { title: 'negative offset', path: '/api/collections/grids/items?offset=-1', status: 400, code: 'invalid_parameter', parameter: 'offset' },
  // datetime
  { title: 'bad datetime', path: '/api/collections/disputes/items?datetime=2022-02-30', status: 400, code: 'invalid_parameter', parameter: 'datetime' },
  { title: 'inverted datetime interval', path: '/api/collections/disputes/items?datetime=2023-01-01T00:00:00Z/2022-01-01T00:00:00Z', status: 400, code: 'invalid_parameter', parameter: 'datetime' },
  { title: 'datetime on a timeless collection', path: '/api/collections/grids/items?datetime=2022-01-01', status: 400, code: 'invalid_parameter', parameter: 'datetime' },
  // property filters and unknown parameters
  { title: 'quote injection in town_code', path: "/api/collections/grids/items?town_code=1'%20OR%20'1'='1", status: 400, code: 'invalid_parameter', parameter: 'town_code' },
  { title: 'comment injection in grid_code', path: '/api/collections/disputes/items?grid_code=1--', status: 400, code: 'invalid_parameter', parameter: 'grid_code' },
  { title: 'unknown status', path: '/api/collections/disputes/items?status=closed', status: 400, code: 'invalid_parameter', parameter: 'status' },
  { title: 'injection in an enum', path: "/api/collections/disputes/items?type=neighbour'%3B%20DELETE%20FROM%20disputes%3B--", status: 400, code: 'invalid_parameter', parameter: 'type' },
  { title: 'unknown query parameter', path: '/api/collections/grids/items?colour=red', status: 400, code: 'unknown_parameter', parameter: 'colour' },
  { title: 'injection as a parameter name', path: "/api/collections/grids/items?1%3D1%3B--=x", status: 400, code: 'unknown_parameter', parameter: '1=1;--' },
  { title: 'bracketed parameter name', path: '/api/collections/grids/items?kind[$ne]=urban', status: 400, code: 'unknown_parameter', parameter: 'kind[$ne]' },
  { title: 'unsupported format', path: '/api/collections?f=html', status: 400, code: 'invalid_parameter', parameter: 'f' },
  { title: 'unknown parameter on metadata', path: '/api/conformance?x=1', status: 400, code: 'unknown_parameter', parameter: 'x' },
  // path parameters
  { title: 'unknown collection', path: '/api/collections/roads/items', status: 404, code: 'not_found', parameter: 'collectionId' },
  { title: 'unknown collection metadata', path: '/api/collections/parties', status: 404, code: 'not_found', parameter: 'collectionId' },
  { title: 'injection as a collection id', path: "/api/collections/grids';DROP%20TABLE%20grids;--/items", status: 404, code: 'not_found', parameter: 'collectionId' },
  { title: 'unknown feature', path: '/api/collections/grids/items/1', status: 404, code: 'not_found', parameter: 'featureId' },
  { title: 'non-integer feature id', path: '/api/collections/grids/items/abc', status: 400, code: 'invalid_parameter', parameter: 'featureId' },
  { title: 'fractional feature id', path: '/api/collections/grids/items/1.5', status: 400, code: 'invalid_parameter', parameter: 'featureId' },
  { title: 'injection as a feature id', path: '/api/collections/grids/items/1%20OR%201=1', status: 400, code: 'invalid_parameter', parameter: 'featureId' },
  // tiles
  { title: 'unknown tile layer', path: '/api/tiles/parties/10/815/403.mvt', status: 404, code: 'not_found', parameter: 'layer' },
  { title: 'unknown TileJSON layer', path: '/api/tiles/parties.json', status: 404, code: 'not_found', parameter: 'layer' },
  { title: 'tile x beyond its zoom', path: '/api/tiles/grids/3/8/0.mvt', status: 400, code: 'invalid_parameter', parameter: 'x' },
  { title: 'tile zoom too deep', path: '/api/tiles/grids/30/0/0.mvt', status: 400, code: 'invalid_parameter', parameter: 'z' },
  { title: 'tile without .mvt', path: '/api/tiles/grids/10/815/403', status: 400, code: 'invalid_parameter', parameter: 'y' },
  { title: 'tile with a query', path: '/api/tiles/grids/10/815/403.mvt?v=2', status: 400, code: 'unknown_parameter', parameter: 'v' },
  // responsible
  { title: 'missing lon', path: '/api/responsible?lat=35.5', status: 400, code: 'invalid_parameter', parameter: 'lon' },
  { title: 'non-numeric lat', path: '/api/responsible?lon=106.6&lat=abc', status: 400, code: 'invalid_parameter', parameter: 'lat' },
  { title: 'injection in lon', path: "/api/responsible?lon=106.6'%20OR%201=1--&lat=35.5", status: 400, code: 'invalid_parameter', parameter: 'lon' },
  { title: 'point outside the district', path: '/api/responsible?lon=116.4&lat=39.9', status: 422, code: 'outside_district', parameter: 'lon,lat' },
  // routes
  { title: 'bad %-encoding in the path', path: '/api/collections/grids/items/%ZZ', status: 400, code: 'bad_request', parameter: 'path' },
  { title: 'unknown API route', path: '/api/nope', status: 404, code: 'not_found', parameter: 'path' },
  { title: 'route outside /api', path: '/admin', status: 404, code: 'not_found', parameter: 'path' },
];

describe('caller errors', () => {
  it.each(CASES)('$title → $status $code naming $parameter', async ({ path, status, code, parameter }) => {
    const r = await api.get(path);
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await r.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'parameter']);
    expect([body.code, body.parameter]).toEqual([code, parameter]);
    expect(body.message.length).toBeGreaterThan(5);
    expect(body.message).not.toMatch(/SELECT|FROM\s+\w+\s+t|\bat\s+\S+\.ts:\d+/);
  });

  it('says the outside point is outside 崆峒区', async () => {
    expect((await api.json('/api/responsible?lon=116.4&lat=39.9')).body.message).toContain('崆峒区');
  });

  it('leaves the tables intact after the injection attempts', async () => {
    for (const c of CASES) await api.get(c.path);
    const n = (await api.db.query<{ n: number }>('SELECT (SELECT count(*) FROM grids) + (SELECT count(*) FROM disputes) AS n')).rows[0];
    expect(Number(n.n)).toBeGreaterThan(1000);
  });
});

describe('server errors', () => {
  it('answer 500 with a request id and a generic message, logging the details', async () => {
    const logged: unknown[][] = [];
    const real = api.db;
    // A database that fails like a broken connection would, with SQL text in the message.
    const broken: Database = { ...real, engine: real.engine, query: async () => { throw new Error('relation "grids" does not exist: SELECT secret FROM grids'); } };
    // It cannot log in: the request carries a session of the working server, whose look-up fails too.
    const bad = await startApi({ db: broken, log: { error: (...a: unknown[]) => logged.push(a) } }, { login: false });
    try {
      const r = await bad.get('/api/collections/grids/items', { cookie: api.auth.headers.cookie });
      expect(r.status).toBe(500);
      const body = await r.json();
      expect(body).toMatchObject({ code: 'internal_error', parameter: null, message: 'internal server error' });
      expect(body.request_id).toBe(r.headers.get('x-request-id'));
      expect(JSON.stringify(body)).not.toMatch(/SELECT|secret|grids/);
      expect(logged).toHaveLength(1);
      expect(String(logged[0][0])).toContain(body.request_id);
    } finally {
      await bad.close();
    }
  });
});
