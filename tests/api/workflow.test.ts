import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from './map-test-support.ts';
import { COMMANDER, gridPoint, leader, officer, report, startSecondApi, startWriteApi, worker, type GridPoint, type WriteApi } from './workflow-support.ts';

let api: WriteApi;
let g: GridPoint;
beforeAll(async () => {
  api = await startWriteApi();
  g = await gridPoint(api, 200);
});
afterAll(async () => {
  await api.close();
  await api.rollback.rollback();
});

const DAY = 86_400_000;
const act = (id: number, body: Record<string, unknown>) => api.post(`/api/disputes/${id}/actions`, body);
const history = async (id: number) => (await api.json(`/api/disputes/${id}/history`)).body.events as any[];

describe('POST /api/disputes', () => {
  it('assigns the grid, village and town whose polygons contain the point', async () => {
    const [before] = await api.q("SELECT max(code) AS code FROM disputes WHERE code LIKE 'KT2026%'");
    const d = await report(api, g);
    const [inside] = await api.q(`SELECT g.code, g.village_code, g.town_code, v.name AS village FROM grids g JOIN villages v ON v.code = g.village_code
      WHERE ST_Contains(g.geom, ST_SetSRID(ST_MakePoint($1, $2), 4326))`, g.point);
    expect([d.grid.code, d.village.code, d.town.code]).toEqual([inside.code, inside.village_code, inside.town_code]);
    expect(d).toMatchObject({ status: 'reported', level: 'village', version: 1, type: 'neighbour', handler_unit: `${inside.village}调委会`, criminal_risk: false });
    expect(d.code).toBe(`KT2026${String(Number(before.code.slice(6)) + 1).padStart(6, '0')}`);
    expect(new Date(d.reported_at)).toEqual(TEST_NOW);
    expect(new Date(d.due_at).getTime() - TEST_NOW.getTime()).toBe(15 * DAY);
    expect([d.lon, d.lat].map((v: number) => v.toFixed(6))).toEqual(g.point.map((v) => v.toFixed(6)));
    const events = await history(d.id);
    expect(events.map((e) => [e.seq, e.action, e.from_status, e.to_status, e.actor_role, e.actor_unit])).toEqual([[1, 'report', null, 'reported', 'grid_worker', g.grid]]);
  });

  it('takes {lng, lat} too, and flags family disputes as at risk of turning criminal by type', async () => {
    const d = await report(api, g, { geometry: { lng: g.point[0], lat: g.point[1] }, type: 'marriage_family' });
    expect(d.criminal_risk).toBe(true);
    expect((await report(api, g, { criminal_risk: false, type: 'marriage_family' })).criminal_risk).toBe(false);
  });

  it.each([
    { title: 'a point in Ningxia', coordinates: [106.2, 35.6] },
    { title: 'null island', coordinates: [0, 0] },
  ])('refuses $title with 400 naming geometry', async ({ coordinates }) => {
    const r = await api.post('/api/disputes', { geometry: { type: 'Point', coordinates }, type: 'debt', summary: '民间借贷纠纷', actor: COMMANDER });
    expect(r).toMatchObject({ status: 400, body: { code: 'outside_district', parameter: 'geometry' } });
    expect(r.body.message).toMatch(/outside/);
  });

  const ok = () => ({ geometry: { type: 'Point', coordinates: g.point }, type: 'debt', summary: '民间借贷到期未还', actor: worker(g) });
  it.each([
    { title: 'an unknown type', patch: { type: 'feud' }, field: 'type' },
    { title: 'a missing type', patch: { type: undefined }, field: 'type' },
    { title: 'a summary of 3 characters', patch: { summary: '吵架了' }, field: 'summary' },
    { title: 'a summary of 501 characters', patch: { summary: '矛'.repeat(501) }, field: 'summary' },
    { title: 'a summary with control characters', patch: { summary: '邻里\u0007纠纷纠纷' }, field: 'summary' },
    { title: 'coordinates as strings', patch: { geometry: { type: 'Point', coordinates: ['106.6', '35.5'] } }, field: 'geometry' },
    { title: 'a latitude of 95', patch: { geometry: { type: 'Point', coordinates: [106.6, 95] } }, field: 'geometry' },
    { title: 'three coordinates', patch: { geometry: { type: 'Point', coordinates: [106.6, 35.5, 1] } }, field: 'geometry' },
    { title: 'a polygon', patch: { geometry: { type: 'Polygon', coordinates: [] } }, field: 'geometry' },
    { title: 'no geometry', patch: { geometry: undefined }, field: 'geometry' },
    { title: 'an unknown role', patch: { actor: { role: 'mayor', unit: '620802' } }, field: 'actor.role' },
    { title: 'a grid worker with a town code', patch: { actor: { role: 'grid_worker', unit: '620802001' } }, field: 'actor.unit' },
    { title: 'an unknown field', patch: { priority: 'high' }, field: 'priority' },
    { title: 'a party without a name', patch: { parties: [{ role: 'applicant' }] }, field: 'parties[0].name' },
    { title: 'a party with letters in the phone', patch: { parties: [{ role: 'applicant', name: '张三', phone: 'call me' }] }, field: 'parties[0].phone' },
    { title: 'criminal_risk as a string', patch: { criminal_risk: 'yes' }, field: 'criminal_risk' },
  ])('refuses $title with 400 naming $field', async ({ patch, field }) => {
    const r = await api.post('/api/disputes', { ...ok(), ...patch });
    expect(r.status).toBe(400);
    expect(r.body.parameter).toBe(field);
  });

  it.each([
    { title: 'a body that is not JSON', body: '{"type": ', status: 400 },
    { title: 'a JSON array', body: '[1,2]', status: 400 },
    { title: 'a body over 16 kB', body: JSON.stringify({ summary: 'x'.repeat(20_000) }), status: 413 },
  ])('refuses $title naming body', async ({ body, status }) => {
    const r = await api.post('/api/disputes', body);
    expect(r).toMatchObject({ status, body: { parameter: 'body' } });
  });

  it('gives reports sent at once consecutive, distinct ledger codes', async () => {
    const codes = (await Promise.all(Array.from({ length: 8 }, () => report(api, g)))).map((d) => d.code).sort();
    const n = Number(codes[0].slice(6));
    expect(codes).toEqual(codes.map((_, i) => `KT2026${String(n + i).padStart(6, '0')}`));
  });

  it('refuses a grid worker reporting outside their grid with 409 and a reason', async () => {
    const other = await gridPoint(api, 900);
    const r = await api.post('/api/disputes', { ...ok(), geometry: { type: 'Point', coordinates: other.point } });
    expect(r).toMatchObject({ status: 409, body: { code: 'not_allowed', refusal: 'unit', reason: { zh: '该位置不在您的网格内' } } });
  });
});

describe('POST /api/disputes/{id}/actions', () => {
  it('takes a dispute through the levels to resolution, appending one event a step', async () => {
    const d = await report(api, g);
    const steps: [Record<string, unknown>, string, string, number][] = [
      [{ action: 'accept', actor: worker(g) }, 'accepted', 'village', 2],
      [{ action: 'mediate', actor: worker(g), version: 2 }, 'mediating', 'village', 3],
      [{ action: 'escalate', actor: worker(g), note: '村级调解未果' }, 'escalated', 'town', 4],
      [{ action: 'accept', actor: leader(g) }, 'accepted', 'town', 5],
      [{ action: 'escalate', actor: leader(g) }, 'escalated', 'department', 6],
      [{ action: 'mediate', actor: officer('sifa') }, 'mediating', 'department', 7],
      [{ action: 'resolve', actor: officer('sifa'), outcome: '经司法所调解达成书面协议' }, 'resolved', 'department', 8],
    ];
    for (const [body, status, level, version] of steps) {
      const r = await act(d.id, body);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.dispute).toMatchObject({ status, level, version });
      expect(r.body.event).toMatchObject({ action: body.action, to_status: status, level, actor_role: (body.actor as any).role });
    }
    const [row] = await api.q('SELECT status, level, handler_unit, outcome, resolved_at, due_at FROM disputes WHERE id = $1', [d.id]);
    expect(row).toMatchObject({ status: 'resolved', level: 'department', handler_unit: '区司法局', outcome: '经司法所调解达成书面协议' });
    expect(new Date(row.resolved_at)).toEqual(TEST_NOW);
    expect(new Date(row.due_at).getTime() - TEST_NOW.getTime()).toBe(60 * DAY);
    const events = await history(d.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.map((e) => e.to_status)).toEqual(['reported', 'accepted', 'mediating', 'escalated', 'accepted', 'escalated', 'mediating', 'resolved']);
    expect(events.slice(1).map((e) => e.from_status)).toEqual(events.slice(0, -1).map((e) => e.to_status));
    expect(events[3].note).toBe('村级调解未果');
    // Each answer carries the actor's next actions: after the grid worker accepted, escalating was open to them.
    const fresh = await report(api, g);
    expect(fresh.actions.map((a: any) => a.ok)).toEqual([true, false, false, false, false]);
    const accepted = (await act(fresh.id, { action: 'accept', actor: worker(g) })).body.dispute;
    expect(accepted.actions.filter((a: any) => a.ok).map((a: any) => a.action)).toEqual(['mediate', 'escalate']);
    expect(accepted.card).toBe(null);
    // An escalation counts in the risk indicator `escalated` like a seeded one.
    expect((await api.q("SELECT count(*)::int n FROM dispute_events WHERE dispute_id = $1 AND action = 'escalate'", [d.id]))[0].n).toBe(2);
  });

  it('refuses an illegal transition with 409 and a reason, changing nothing', async () => {
    const d = await report(api, g);
    const before = await history(d.id);
    for (const [body, refusal] of [
      [{ action: 'resolve', actor: worker(g), outcome: '和解' }, 'state'],
      [{ action: 'transfer', actor: COMMANDER, to: 'gongan' }, 'level'],
      [{ action: 'accept', actor: officer('sifa') }, 'role'],
    ] as const) {
      const r = await act(d.id, body);
      expect(r).toMatchObject({ status: 409, body: { code: 'not_allowed', refusal } });
      expect(r.body.reason.zh.length).toBeGreaterThan(0);
      expect(r.body.reason.en.length).toBeGreaterThan(0);
    }
    // Another town's leader cannot see it at all (its scope is its town): 404, as if it did not exist.
    const elsewhere = await act(d.id, { action: 'accept', actor: leader({ ...g, town: g.town === '620802001' ? '620802002' : '620802001' }) });
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'not_found', parameter: 'id' } });
    expect(await history(d.id)).toEqual(before);
    expect((await api.json(`/api/disputes/${d.id}`)).body).toMatchObject({ version: 1, status: 'reported' });
  });

  it('refuses a stale version with 409, changing nothing', async () => {
    const d = await report(api, g);
    expect((await act(d.id, { action: 'accept', actor: worker(g), version: 1 })).status).toBe(200);
    const r = await act(d.id, { action: 'mediate', actor: worker(g), version: 1 });
    expect(r).toMatchObject({ status: 409, body: { code: 'stale_version', parameter: 'version' } });
    expect((await history(d.id)).length).toBe(2);
    expect((await api.json(`/api/disputes/${d.id}`)).body).toMatchObject({ version: 2, status: 'accepted' });
  });

  it.each([
    { title: 'resolve without an outcome', body: { action: 'resolve' }, field: 'outcome' },
    { title: 'an unknown action', body: { action: 'close' }, field: 'action' },
    { title: 'a department that does not exist', body: { action: 'transfer', to: 'mofa' }, field: 'to' },
    { title: 'a version of 0', body: { action: 'accept', version: 0 }, field: 'version' },
  ])('answers $title with 400 naming $field', async ({ body, field }) => {
    const d = await report(api, g);
    await act(d.id, { action: 'accept', actor: COMMANDER });
    await act(d.id, { action: 'mediate', actor: COMMANDER });
    const r = await act(d.id, { actor: COMMANDER, ...body });
    expect(r).toMatchObject({ status: 400, body: { parameter: field } });
  });

  it('answers an unknown dispute with 404', async () => {
    expect((await act(999_999_999, { action: 'accept', actor: COMMANDER })).status).toBe(404);
    expect((await api.json('/api/disputes/999999999/history')).status).toBe(404);
  });

  it('never lets the history be rewritten', async () => {
    const d = await report(api, g);
    await expect(api.q("UPDATE dispute_events SET note = 'x' WHERE dispute_id = $1", [d.id])).rejects.toThrow(/append-only/);
    await expect(api.q('DELETE FROM dispute_events WHERE dispute_id = $1', [d.id])).rejects.toThrow(/append-only/);
    expect((await history(d.id)).length).toBe(1);
  });
});

describe('GET /api/disputes/{id}', () => {
  it('lists every action with whether this actor may take it and why not', async () => {
    const d = await report(api, g);
    const { status, body } = await api.json(`/api/disputes/${d.id}?role=grid_worker&unit=${g.grid}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: d.id, status: 'reported', card: null });
    expect(body.actions.map((a: any) => [a.action, a.ok, a.code])).toEqual([
      ['accept', true, null], ['mediate', false, 'state'], ['resolve', false, 'state'], ['escalate', false, 'state'], ['transfer', false, 'level'],
    ]);
    expect(body.actions[1].reason.zh).toMatch(/不能调解/);
    expect((await api.json(`/api/disputes/${d.id}?role=grid_worker`)).body.parameter).toBe('unit');
    expect((await api.json(`/api/disputes/${d.id}?unit=sifa`)).body.parameter).toBe('role');
  });
});

describe('GET /api/cards', () => {
  it('counts yellow and red cards per town as the definition says, and follows a new report', async () => {
    const count = async () => (await api.json('/api/cards?level=town')).body;
    const before = await count();
    const expected = await api.q(`SELECT town_code, count(*)::int open,
        count(*) FILTER (WHERE due_at < $1)::int red,
        count(*) FILTER (WHERE due_at >= $1 AND due_at - $1 <= (CASE level WHEN 'village' THEN 3 WHEN 'town' THEN 6 ELSE 12 END) * interval '1 day')::int yellow
      FROM disputes WHERE status <> 'resolved' GROUP BY town_code`, [TEST_NOW.toISOString()]);
    for (const e of expected) expect(before.areas.find((a: any) => a.code === e.town_code)).toMatchObject({ open: e.open, red: e.red, yellow: e.yellow });
    expect(before.areas.length).toBe(20);
    expect(before.totals.red).toBe(expected.reduce((s, e) => s + e.red, 0));
    await report(api, g);
    const after = await count();
    expect(after.areas.find((a: any) => a.code === g.town).open).toBe(before.areas.find((a: any) => a.code === g.town).open + 1);
  });

  it('lists the grids of a village', async () => {
    const { body } = await api.json(`/api/cards?level=grid&code=${g.village}`);
    const [{ n }] = await api.q('SELECT count(*)::int n FROM grids WHERE village_code = $1', [g.village]);
    expect(body.areas.length).toBe(n);
    expect(body.areas.every((a: any) => a.code.startsWith(g.village))).toBe(true);
  });

  it.each([
    { query: 'level=district', status: 400, field: 'level' },
    { query: 'code=abc', status: 400, field: 'code' },
    { query: `level=town&code=${'620802001001001'}`, status: 400, field: 'code' },
    { query: 'level=village&code=620802999', status: 404, field: 'code' },
    { query: 'town=620802001', status: 400, field: 'town' },
  ])('answers $query with $status naming $field', async ({ query, status, field }) => {
    const r = await api.json(`/api/cards?${query}`);
    expect(r).toMatchObject({ status, body: { parameter: field } });
  });
});

describe('after a write', () => {
  it('the risk of the grid counts the new open dispute at once (caches invalidated)', async () => {
    // A running clock: a dispute reported at the very end of a period is not yet open in it.
    let tick = 0;
    const live = await startSecondApi(api, { now: () => new Date(TEST_NOW.getTime() + ++tick * 1000) });
    try {
      const risk = async () => (await live.json(`/api/risk/${g.grid}`)).body.counts.open as number;
      // The area panel is kept per scope, area and period too (the default period, running up to now).
      const panel = async () => (await live.json(`/api/areas/${g.grid}`)).body.open_disputes.total as number;
      const before = await risk();
      const openBefore = await panel();
      expect(await panel()).toBe(openBefore);
      await report(live, g);
      expect(await risk()).toBe(before + 1);
      expect(await panel()).toBe(openBefore + 1);
    } finally {
      await live.close();
    }
  });
});
