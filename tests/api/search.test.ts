import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api-harness.ts';
import { expectApiError, startMapApi } from './map-test-support.ts';

let api: Api;
beforeAll(async () => {
  api = await startMapApi();
});
afterAll(() => api.close());

const TABLES = { town: 'towns', village: 'villages', grid: 'grids', police_workroom: 'police_workrooms', mediation_room: 'mediation_rooms', legal_stations: 'legal_stations' };
const KINDS = ['town', 'village', 'grid', 'police_workroom', 'mediation_room', 'legal_station'];

/** Every match by brute force, without LIKE: strpos on the name, left() on the code. */
async function bruteMatches(text: string): Promise<number> {
  const parts = Object.values(TABLES).map((t) => `SELECT count(*) n FROM ${t} WHERE strpos(lower(name), lower($1)) > 0 OR lower(left(code, length($1))) = lower($1)`);
  return Number((await api.db.query<{ n: number }>(`SELECT sum(n)::int n FROM (${parts.join(' UNION ALL ')}) s`, [text])).rows[0].n);
}

const search = async (text: string) => (await api.json(`/api/search?q=${encodeURIComponent(text)}`)).body;

describe('GET /api/search', () => {
  it.each(['崆峒', '社区', '第三网格', '调解', '620802001', '6208021062', 'pw0', '苏家村'])('finds every match of %s (up to 20), each really matching', async (text) => {
    const body = await search(text);
    const n = await bruteMatches(text);
    expect(n).toBeGreaterThan(0);
    expect(body.results).toHaveLength(Math.min(20, n));
    for (const r of body.results) {
      expect(KINDS).toContain(r.kind);
      expect(r.name.toLowerCase().includes(text.toLowerCase()) || r.code.toLowerCase().startsWith(text.toLowerCase())).toBe(true);
      expect((r.bbox === null) !== (r.point === null)).toBe(true);
    }
  });

  it('puts an exact name first, then names starting with the text, towns before villages before grids', async () => {
    const town = (await api.db.query<{ name: string; code: string }>("SELECT name, code FROM towns WHERE code = '620802106'")).rows[0];
    const body = await search(town.name);
    expect(body.results[0]).toMatchObject({ kind: 'town', code: town.code, name: town.name, parents: [] });
    const byCode = await search('620802001');
    expect(byCode.results[0]).toMatchObject({ kind: 'town', code: '620802001' });
    const ranks = byCode.results.map((r: { kind: string }) => KINDS.indexOf(r.kind));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks).toContain(1);
  });

  it('returns parents and a bbox for a grid, parents and a point for a mediation room', async () => {
    const g = (await api.db.query<Record<string, string | number>>(
      `SELECT g.code, g.name, v.name vname, t.name tname, ST_XMin(g.geom) x0, ST_YMax(g.geom) y1 FROM grids g
         JOIN villages v ON v.code = g.village_code JOIN towns t ON t.code = g.town_code ORDER BY g.id LIMIT 1 OFFSET 777`)).rows[0];
    const hit = (await search(String(g.code))).results[0];
    expect(hit).toMatchObject({ kind: 'grid', code: g.code, name: g.name, parents: [g.tname, g.vname], point: null });
    expect(hit.bbox[0]).toBeCloseTo(Number(g.x0), 9);
    expect(hit.bbox[3]).toBeCloseTo(Number(g.y1), 9);
    const room = (await search('老街坊')).results[0];
    const m = (await api.db.query<{ x: number; y: number; code: string }>("SELECT code, ST_X(geom) x, ST_Y(geom) y FROM mediation_rooms WHERE name LIKE '老街坊%'")).rows[0];
    expect(room).toMatchObject({ kind: 'mediation_room', code: m.code, bbox: null, point: [Number(m.x), Number(m.y)] });
    expect(room.parents).toHaveLength(2);
  });

  it.each([
    { title: 'a percent sign is literal', text: '%' },
    { title: 'an underscore is literal', text: '_' },
    { title: 'a backslash is literal', text: '\\' },
    { title: 'quote injection finds nothing and breaks nothing', text: "' OR '1'='1" },
    { title: 'a statement after a quote', text: "x'; DROP TABLE towns; --" },
  ])('$title', async ({ text }) => {
    const r = await api.get(`/api/search?q=${encodeURIComponent(text)}`);
    expect(r.status).toBe(200);
    expect((await r.json()).results).toHaveLength(await bruteMatches(text));
    expect(await bruteMatches(text)).toBe(0);
    expect((await api.db.query<{ n: number }>('SELECT count(*)::int n FROM towns')).rows[0].n).toBe(20);
  });
});

describe('search caller errors', () => {
  it.each([
    { title: 'no q', path: '/api/search', parameter: 'q' },
    { title: 'empty q', path: '/api/search?q=', parameter: 'q' },
    { title: 'blank q', path: '/api/search?q=%20%20', parameter: 'q' },
    { title: 'q of 41 characters', path: `/api/search?q=${'a'.repeat(41)}`, parameter: 'q' },
    { title: 'repeated q', path: '/api/search?q=a&q=b', parameter: 'q' },
    { title: 'unknown parameter', path: '/api/search?q=a&kind=town', parameter: 'kind' },
  ])('$title → 400 naming $parameter', async ({ path, parameter }) => {
    await expectApiError(api, path, 400, parameter);
  });
});
