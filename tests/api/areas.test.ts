import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api-harness.ts';
import { expectApiError, startMapApi } from './map-test-support.ts';

let api: Api;
beforeAll(async () => {
  api = await startMapApi();
});
afterAll(() => api.close());

const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await api.db.query<T>(text, values)).rows;

/** The grid with the most disputes, so its panel has something to show. */
async function busyGrid(): Promise<string> {
  return (await q<{ grid_code: string }>('SELECT grid_code FROM disputes GROUP BY grid_code ORDER BY count(*) DESC, grid_code LIMIT 1'))[0].grid_code;
}

describe('GET /api/areas/{code}', () => {
  it('describes a grid: parents, bbox, people and its contact card', async () => {
    const code = await busyGrid();
    const { status, body } = await api.json(`/api/areas/${code}`);
    expect(status).toBe(200);
    const g = (await q<Record<string, string | number>>(
      `SELECT g.name, g.kind, g.households, g.population, g.worker_name, g.worker_phone, g.worker_type, g.police_name, g.police_phone, g.cadre_name, g.cadre_phone,
              v.code vcode, v.name vname, t.code tcode, t.name tname, ST_XMin(g.geom) x0, ST_YMin(g.geom) y0, ST_XMax(g.geom) x1, ST_YMax(g.geom) y1
         FROM grids g JOIN villages v ON v.code = g.village_code JOIN towns t ON t.code = g.town_code WHERE g.code = $1`, [code]))[0];
    expect(body).toMatchObject({ code, name: g.name, kind: 'grid', subkind: g.kind, households: g.households, population: g.population });
    expect(body.parents).toEqual([
      { kind: 'district', code: '620802', name: '崆峒区' }, { kind: 'town', code: g.tcode, name: g.tname }, { kind: 'village', code: g.vcode, name: g.vname },
    ]);
    body.bbox.forEach((v: number, i: number) => expect(v).toBeCloseTo(Number([g.x0, g.y0, g.x1, g.y1][i]), 9));
    expect(body.contact).toEqual({
      grid_worker: { name: g.worker_name, phone: g.worker_phone, type: g.worker_type },
      police: { name: g.police_name, phone: g.police_phone }, cadre: { name: g.cadre_name, phone: g.cadre_phone },
    });
  });

  it('counts the disputes of the period by type and by status as a plain GROUP BY does', async () => {
    for (const [code, col, period] of [[await busyGrid(), 'grid_code', ''], ['620802001', 'town_code', '?from=2024-01&to=2024-12'], ['620802', 'district_code', '?from=2023-03&to=2023-05']]) {
      const { body } = await api.json(`/api/areas/${code}${period}`);
      const rows = await q<{ type: string; status: string; n: number }>(
        `SELECT type, status, count(*)::int n FROM disputes WHERE ${col} = $1 AND reported_at >= $2 AND reported_at < $3 GROUP BY 1, 2`,
        [code, body.period.start, body.period.end]);
      const byType: Record<string, number> = {};
      const byStatus: Record<string, number> = {};
      for (const r of rows) {
        byType[r.type] = (byType[r.type] ?? 0) + r.n;
        byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
      }
      expect(body.disputes).toEqual({ total: rows.reduce((s, r) => s + r.n, 0), by_type: byType, by_status: byStatus });
      expect(body.disputes.total).toBeGreaterThan(0);
    }
  });

  it('lists what was open at the end of the period, newest first, at most 50', async () => {
    for (const [code, col, period] of [['620802', 'district_code', '?from=2019-01&to=2019-12'], ['620802', 'district_code', '']]) {
      const { body } = await api.json(`/api/areas/${code}${period}`);
      const end = body.period.end;
      const open = await q<{ id: number; overdue: boolean }>(
        `SELECT id::int, due_at < $2 overdue FROM disputes WHERE ${col} = $1 AND reported_at < $2 AND (resolved_at IS NULL OR resolved_at >= $2)
          ORDER BY reported_at DESC, id DESC`, [code, end]);
      expect(open.length).toBeGreaterThan(0);
      expect(body.open_disputes.total).toBe(open.length);
      expect(body.open_disputes.items.map((d: { id: number; overdue: boolean }) => ({ id: d.id, overdue: d.overdue }))).toEqual(open.slice(0, 50));
    }
  });

  it('counts the cameras inside by programme and finds the 5 nearest, as brute force does', async () => {
    const village = (await q<{ code: string }>("SELECT code FROM villages WHERE kind = 'village' ORDER BY code LIMIT 1 OFFSET 40"))[0].code;
    for (const [code, col] of [[await busyGrid(), 'grid_code'], [village, 'village_code'], ['620802106', 'town_code']]) {
      const { body } = await api.json(`/api/areas/${code}`);
      // The cameras' own codes (set by point-in-polygon when generated) are an independent witness.
      const inside = await q<{ program: string; n: number }>(`SELECT program, count(*)::int n FROM cameras WHERE ${col} = $1 GROUP BY 1`, [code]);
      expect(body.cameras.by_program).toEqual(Object.fromEntries(inside.map((r) => [r.program, r.n])));
      expect(body.cameras.total).toBe(inside.reduce((s, r) => s + r.n, 0));
      const [lon, lat] = body.cameras.nearest_from;
      const covers = (await q<{ ok: boolean }>(`SELECT ST_Covers(geom, ST_SetSRID(ST_MakePoint($2, $3), 4326)) ok FROM ${col === 'grid_code' ? 'grids' : col === 'village_code' ? 'villages' : 'towns'} WHERE code = $1`, [code, lon, lat]))[0].ok;
      expect(covers).toBe(true);
      const brute = await q<{ id: number; d: number }>(
        'SELECT id::int, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) d FROM cameras ORDER BY d, id LIMIT 5', [lon, lat]);
      expect(body.cameras.nearest.map((c: { id: number }) => c.id)).toEqual(brute.map((b) => b.id));
      body.cameras.nearest.forEach((c: { distance_m: number }, i: number) => expect(c.distance_m).toBeCloseTo(Number(brute[i].d), 0));
    }
  });

  it('describes a town and a village with their parents and no contact card', async () => {
    const { body: town } = await api.json('/api/areas/620802106');
    const t = (await q<{ name: string; kind: string; households: number; population: number }>('SELECT name, kind, households, population FROM towns WHERE code = $1', ['620802106']))[0];
    expect(town).toMatchObject({ kind: 'town', name: t.name, subkind: t.kind, households: t.households, population: t.population, contact: null });
    expect(town.parents).toEqual([{ kind: 'district', code: '620802', name: '崆峒区' }]);
    const v = (await q<{ code: string }>("SELECT code FROM villages WHERE town_code = '620802106' ORDER BY code LIMIT 1"))[0].code;
    const { body: village } = await api.json(`/api/areas/${v}`);
    expect(village.parents.map((p: { kind: string }) => p.kind)).toEqual(['district', 'town']);
    expect(village.parents[1].code).toBe('620802106');
  });

  it('describes the district with its households summed over towns and 504,300 people', async () => {
    const { body } = await api.json('/api/areas/620802');
    const h = (await q<{ h: number }>('SELECT sum(households)::int h FROM towns'))[0].h;
    expect(body).toMatchObject({ kind: 'district', name: '崆峒区', parents: [], households: h, population: 504300, subkind: null });
  });
});

describe('areas caller errors', () => {
  it.each([
    { title: 'unknown town', path: '/api/areas/620802999', status: 404, parameter: 'code' },
    { title: 'unknown grid', path: '/api/areas/620802001001999', status: 404, parameter: 'code' },
    { title: 'a code of 7 digits', path: '/api/areas/6208021', status: 400, parameter: 'code' },
    { title: 'a facility code', path: '/api/areas/PW001', status: 400, parameter: 'code' },
    { title: 'injection', path: "/api/areas/620802'%3B%20DELETE%20FROM%20grids%3B--", status: 400, parameter: 'code' },
    { title: 'bad month', path: '/api/areas/620802?from=2025-1', status: 400, parameter: 'from' },
    { title: 'from after to', path: '/api/areas/620802?from=2025-05&to=2025-04', status: 400, parameter: 'from' },
    { title: 'unknown parameter', path: '/api/areas/620802?limit=5', status: 400, parameter: 'limit' },
  ])('$title → $status naming $parameter', async ({ path, status, parameter }) => {
    await expectApiError(api, path, status, parameter);
  });
});
