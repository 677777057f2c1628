import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api-harness.ts';
import { expectApiError, startMapApi, TEST_NOW } from './map-test-support.ts';

let api: Api;
beforeAll(async () => {
  api = await startMapApi();
});
afterAll(() => api.close());

const q = async <T = Record<string, any>>(text: string, values: unknown[] = []) => (await api.db.query<T>(text, values)).rows;
const iso = (d: unknown) => (d === null ? null : new Date(d as string).toISOString());

/** An open dispute, one escalated to a department, and a repeat. */
async function sampleIds(): Promise<number[]> {
  const pick = async (where: string) => Number((await q<{ id: number }>(`SELECT id FROM disputes WHERE ${where} ORDER BY id DESC LIMIT 1`))[0].id);
  return [await pick("status <> 'resolved'"), await pick("level = 'department'"), await pick('repeat_of IS NOT NULL')];
}

async function bruteNearest(table: string, lon: number, lat: number, k: number) {
  return q<{ id: number; d: number }>(
    `SELECT id::int, ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) d FROM ${table} ORDER BY d, id LIMIT ${k}`, [lon, lat]);
}

describe('GET /api/disputes/{id}/context', () => {
  it('gives the record as the ledger has it, and its history in order', async () => {
    for (const id of await sampleIds()) {
      const { status, body } = await api.json(`/api/disputes/${id}/context`);
      expect(status).toBe(200);
      const d = (await q(`SELECT d.*, ST_X(d.geom) x, ST_Y(d.geom) y, g.name gname FROM disputes d JOIN grids g ON g.code = d.grid_code WHERE d.id = $1`, [id]))[0];
      expect(body.dispute).toMatchObject({
        id, code: d.code, type: d.type, status: d.status, level: d.level, handler_unit: d.handler_unit, summary: d.summary,
        criminal_risk: d.criminal_risk, repeat_of: d.repeat_of === null ? null : Number(d.repeat_of),
        reported_at: iso(d.reported_at), resolved_at: iso(d.resolved_at), due_at: iso(d.due_at),
        overdue: d.status !== 'resolved' && new Date(d.due_at) < TEST_NOW,
        grid: { code: d.grid_code, name: d.gname }, lon: Number(d.x), lat: Number(d.y),
      });
      const events = await q('SELECT seq, at, action, to_status, level, actor FROM dispute_events WHERE dispute_id = $1 ORDER BY seq', [id]);
      expect(body.history.map((e: Record<string, unknown>) => [e.seq, e.at, e.action, e.to_status, e.level, e.actor]))
        .toEqual(events.map((e) => [e.seq, new Date(e.at).toISOString(), e.action, e.to_status, e.level, e.actor]));
      if (d.level === 'department') expect(body.history.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(2);
    }
  });

  it('never shows the parties', async () => {
    for (const id of await sampleIds()) {
      const text = await (await api.get(`/api/disputes/${id}/context`)).text();
      const parties = (await q<{ parties: unknown; party_key: string; place_key: string }>('SELECT parties, party_key, place_key FROM disputes WHERE id = $1', [id]))[0];
      const list = (typeof parties.parties === 'string' ? JSON.parse(parties.parties) : parties.parties) as { name: string; phone: string; id_number: string }[];
      expect(list.length).toBeGreaterThan(0);
      for (const p of list) for (const secret of [p.name, p.phone, p.id_number]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/parties|id_number|party_key|place_key/);
      expect(text).not.toContain(parties.party_key);
    }
  });

  it('finds the truly nearest 3 cameras, mediation room and police workroom, in metres', async () => {
    for (const id of await sampleIds()) {
      const { body } = await api.json(`/api/disputes/${id}/context`);
      const { lon, lat } = body.dispute;
      const cams = await bruteNearest('cameras', lon, lat, 3);
      expect(body.nearest.cameras.map((c: { id: number }) => c.id)).toEqual(cams.map((c) => c.id));
      body.nearest.cameras.forEach((c: { distance_m: number }, i: number) => expect(c.distance_m).toBeCloseTo(Number(cams[i].d), 0));
      for (const [key, table] of [['mediation_room', 'mediation_rooms'], ['police_workroom', 'police_workrooms']]) {
        const [truth] = await bruteNearest(table, lon, lat, 1);
        expect([key, body.nearest[key].id]).toEqual([key, truth.id]);
        expect(body.nearest[key].distance_m).toBeCloseTo(Number(truth.d), 0);
        expect(body.nearest[key].name).toEqual(expect.any(String));
      }
    }
  });
});

describe('dispute context caller errors', () => {
  it.each([
    { title: 'unknown id', path: '/api/disputes/99999999/context', status: 404, parameter: 'id' },
    { title: 'id zero', path: '/api/disputes/0/context', status: 400, parameter: 'id' },
    { title: 'text id', path: '/api/disputes/abc/context', status: 400, parameter: 'id' },
    { title: 'injection as id', path: '/api/disputes/1%20OR%201=1/context', status: 400, parameter: 'id' },
    { title: 'a query parameter', path: '/api/disputes/1/context?full=1', status: 400, parameter: 'full' },
    { title: 'no such sub-resource', path: '/api/disputes/1/parties', status: 404, parameter: 'path' },
  ])('$title → $status naming $parameter', async ({ path, status, parameter }) => {
    await expectApiError(api, path, status, parameter);
  });
});
