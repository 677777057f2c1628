import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.ts';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

/** Points spread over the district: a point inside each of a sample of grids, plus random ones. */
async function samplePoints(): Promise<[number, number][]> {
  const inGrids = await api.db.query<{ x: number; y: number }>(
    'SELECT ST_X(p) x, ST_Y(p) y FROM (SELECT ST_PointOnSurface(geom) p FROM grids ORDER BY id LIMIT 12 OFFSET 300) s');
  const random = await api.db.query<{ x: number; y: number }>(
    'SELECT ST_X(g) x, ST_Y(g) y FROM (SELECT (ST_Dump(ST_GeneratePoints(geom, 25, 42))).geom g FROM district) s');
  return [...inGrids.rows, ...random.rows].map((r) => [Number(r.x), Number(r.y)]);
}

/** Brute force, no index and no KNN: every row ranked by its distance on the ellipsoid. */
async function bruteNearest(table: string, [x, y]: [number, number]) {
  return (await api.db.query<{ id: number; d: number }>(
    `SELECT id, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) d FROM ${table} ORDER BY d, id LIMIT 1`, [x, y])).rows[0];
}

describe('who is responsible here', () => {
  it('returns the grid, village and town that cover the point, as ST_Covers says', async () => {
    const points = await samplePoints();
    for (const [x, y] of points) {
      const { status, body } = await api.json(`/api/responsible?lon=${x}&lat=${y}`);
      expect(status).toBe(200);
      const truth = (await api.db.query<{ g: number | null; v: number | null; t: number | null }>(
        `SELECT (SELECT min(id) FROM grids WHERE ST_Covers(geom, p)) g, (SELECT min(id) FROM villages WHERE ST_Covers(geom, p)) v,
                (SELECT min(id) FROM towns WHERE ST_Covers(geom, p)) t FROM (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) p) s`, [x, y])).rows[0];
      expect([body.grid?.id ?? null, body.village?.id ?? null, body.town?.id ?? null]).toEqual([truth.g, truth.v, truth.t].map((v) => (v === null ? null : Number(v))));
      if (body.grid) {
        expect(body.grid.properties.village_code).toBe(body.village.properties.code);
        expect(body.village.properties.town_code).toBe(body.town.properties.code);
      }
    }
  });
  it('gives the contact card of the grid: worker, police officer and cadre with phones', async () => {
    const g = (await api.db.query<Record<string, string> & { x: number; y: number; id: number }>(
      'SELECT id, worker_name, worker_phone, worker_type, police_name, police_phone, cadre_name, cadre_phone, ST_X(ST_PointOnSurface(geom)) x, ST_Y(ST_PointOnSurface(geom)) y FROM grids ORDER BY id LIMIT 1 OFFSET 900')).rows[0];
    const { body } = await api.json(`/api/responsible?lon=${g.x}&lat=${g.y}`);
    expect(body.grid.id).toBe(Number(g.id));
    expect(body.contacts).toEqual({
      grid_worker: { name: g.worker_name, phone: g.worker_phone, type: g.worker_type },
      police: { name: g.police_name, phone: g.police_phone },
      cadre: { name: g.cadre_name, phone: g.cadre_phone },
    });
  });
  it('finds the really nearest police workroom, mediation room and legal station, in metres', async () => {
    const points = await samplePoints();
    const kinds = { police_workroom: 'police_workrooms', mediation_room: 'mediation_rooms', legal_station: 'legal_stations' } as const;
    for (const p of points) {
      const { body } = await api.json(`/api/responsible?lon=${p[0]}&lat=${p[1]}`);
      for (const [key, table] of Object.entries(kinds)) {
        const truth = await bruteNearest(table, p);
        const got = body.nearest[key];
        expect(got.id, `${key} near ${p}`).toBe(Number(truth.id));
        expect(got.distance_m).toBeCloseTo(Number(truth.d), 0);
        expect(got.properties.name).toEqual(expect.any(String));
      }
    }
  });
  it('echoes the location, and rejects a point just east of the district with 422', async () => {
    const { body: inside } = await api.json('/api/responsible?lon=106.68&lat=35.54');
    expect(inside.location).toEqual({ lon: 106.68, lat: 35.54 });
    const out = (await api.db.query<{ x: number; y: number }>(
      'SELECT ST_XMax(geom) + 0.01 x, ST_Y(ST_Centroid(geom)) y FROM district')).rows[0];
    const r = await api.json(`/api/responsible?lon=${out.x}&lat=${out.y}`);
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'outside_district', parameter: 'lon,lat' });
  });
});
