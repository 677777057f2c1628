import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENT_OFFICES } from '../../server/src/domain/departments.ts';
import { TEST_NOW } from './map-test-support.ts';
import { COMMANDER, gridPoint, leader, officer, report, startSecondApi, startWriteApi, type GridPoint, type WriteApi } from './workflow-support.ts';

let api: WriteApi;
let g: GridPoint;
beforeAll(async () => {
  api = await startWriteApi();
  g = await gridPoint(api, 400);
});
afterAll(async () => {
  await api.close();
  await api.rollback.rollback();
});

const DAY = 86_400_000;
const send = (body: Record<string, unknown>) => api.post('/api/transfers', body);
const act = (id: number, body: Record<string, unknown>) => api.post(`/api/transfers/${id}/actions`, body);
const prompt = (disputeId: number, extra: Record<string, unknown> = {}) =>
  send({ kind: 'prompt', dispute_id: disputeId, receiver: g.town, message: '接群众来访反映，请属地调处并反馈', actor: officer('xinfang'), ...extra });

describe('a prompt letter from department to town, end to end', () => {
  it('is sent, received, taken up and done by the town, each step in its history', async () => {
    const d = await report(api, g, { type: 'other' }); // routed to 信访局 (its sector), which sends the prompt
    const sent = await prompt(d.id);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const t = sent.body;
    expect(t).toMatchObject({
      kind: 'prompt', status: 'sent', overdue: false, version: 1, dispute: { id: d.id, code: d.code, town_code: g.town },
      sender: { code: 'xinfang', kind: 'department', name: '区信访局' }, receiver: { code: g.town, kind: 'town', name: d.town.name },
    });
    expect(new Date(t.due_at).getTime() - new Date(t.created_at).getTime()).toBe(10 * DAY);

    const inbox = (await api.json(`/api/transfers?unit=${g.town}&box=inbox&status=open`)).body;
    expect(inbox.transfers.map((x: any) => x.id)).toContain(t.id);
    const outbox = (await api.json('/api/transfers?unit=xinfang&box=outbox')).body;
    expect(outbox.transfers.map((x: any) => x.id)).toContain(t.id);

    expect(await act(t.id, { action: 'start', actor: leader(g) })).toMatchObject({ status: 409, body: { refusal: 'state' } });
    expect(await act(t.id, { action: 'receive', actor: officer('xinfang') })).toMatchObject({ status: 409, body: { refusal: 'unit' } });
    expect(await act(t.id, { action: 'receive', actor: COMMANDER })).toMatchObject({ status: 409, body: { refusal: 'unit' } });
    for (const [action, status, version] of [['receive', 'received', 2], ['start', 'in_progress', 3]] as const) {
      const r = await act(t.id, { action, actor: leader(g), version: version - 1 });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.transfer).toMatchObject({ status, version });
    }
    expect((await act(t.id, { action: 'remind', actor: officer('xinfang'), note: '请尽快反馈' })).body.transfer).toMatchObject({ status: 'in_progress', version: 4 });
    expect((await act(t.id, { action: 'done', actor: leader(g), version: 3 })).body).toMatchObject({ code: 'stale_version', parameter: 'version' });
    const done = await act(t.id, { action: 'done', actor: leader(g), note: '已调处并书面反馈' });
    expect(done.body.transfer).toMatchObject({ status: 'done', overdue: false, version: 5 });
    expect(await act(t.id, { action: 'receive', actor: leader(g) })).toMatchObject({ status: 409, body: { refusal: 'state' } });

    const one = (await api.json(`/api/transfers/${t.id}`)).body;
    expect(one.history.map((e: any) => [e.seq, e.action, e.from_status, e.to_status, e.actor_unit])).toEqual([
      [1, 'send', null, 'sent', 'xinfang'], [2, 'receive', 'sent', 'received', g.town], [3, 'start', 'received', 'in_progress', g.town],
      [4, 'remind', 'in_progress', 'in_progress', 'xinfang'], [5, 'done', 'in_progress', 'done', g.town],
    ]);
    const [row] = await api.q('SELECT status, done_at, version FROM transfers WHERE id = $1', [t.id]);
    expect(row).toMatchObject({ status: 'done', version: 5 });
    expect(new Date(row.done_at)).toEqual(TEST_NOW);
  });

  it('refuses a second open prompt of the same kind, and any letter about a resolved dispute', async () => {
    const d = await report(api, g, { type: 'other' }); // routed to 信访局 (its sector), which sends the prompt
    expect((await prompt(d.id)).status).toBe(201);
    expect(await prompt(d.id)).toMatchObject({ status: 409, body: { refusal: 'state' } });
    const [resolved] = await api.q("SELECT id, town_code FROM disputes WHERE status = 'resolved' AND type IN ('neighbour', 'debt') ORDER BY id LIMIT 1"); // of 区司法局's sector, so it sees it
    expect(await send({ kind: 'prompt', dispute_id: Number(resolved.id), receiver: resolved.town_code, message: '请调处反馈', actor: officer('sifa') }))
      .toMatchObject({ status: 409, body: { refusal: 'resolved' } });
  });
});

describe('an assistance letter from town to department', () => {
  it('goes to the routed department, or to another with a reason', async () => {
    const d = await report(api, g, { type: 'land_boundary' });
    const base = { kind: 'assist', dispute_id: d.id, message: '宅基地边界争议，商请协助确权', actor: leader(g) };
    const routed = await send({ ...base, receiver: 'ziranziyuan' });
    expect(routed).toMatchObject({ status: 201, body: { sender: { code: g.town, kind: 'town' }, receiver: { code: 'ziranziyuan', kind: 'department' } } });
    expect(new Date(routed.body.due_at).getTime() - new Date(routed.body.created_at).getTime()).toBe(15 * DAY);
    expect(await send({ ...base, receiver: 'gongan' })).toMatchObject({ status: 400, body: { parameter: 'reason' } });
    expect((await send({ ...base, receiver: 'gongan', reason: '一方扬言报复' })).status).toBe(201);
    const elsewhere = leader({ ...g, town: g.town === '620802001' ? '620802002' : '620802001' });
    // Another town's leader cannot see the dispute at all (its scope is its town): 404, as if it did not exist.
    expect(await send({ ...base, receiver: 'ziranziyuan', actor: elsewhere })).toMatchObject({ status: 404, body: { parameter: 'dispute_id' } });
  });

  it.each([
    { title: 'an unknown kind', patch: { kind: 'memo' }, field: 'kind' },
    { title: 'no dispute', patch: { dispute_id: undefined }, field: 'dispute_id' },
    { title: 'a dispute id as text', patch: { dispute_id: '12' }, field: 'dispute_id' },
    { title: 'a receiver that is no unit', patch: { receiver: '区 委' }, field: 'receiver' },
    { title: 'a message of 2 characters', patch: { message: '请办' }, field: 'message' },
  ])('refuses $title with 400 naming $field', async ({ patch, field }) => {
    const r = await send({ kind: 'assist', dispute_id: 1, receiver: 'sifa', message: '商请协助办理', actor: leader(g), ...patch });
    expect(r).toMatchObject({ status: 400, body: { parameter: field } });
  });

  it('answers an unknown dispute and an unknown letter with 404', async () => {
    expect((await send({ kind: 'assist', dispute_id: 999_999_999, receiver: 'sifa', message: '商请协助办理', actor: leader(g) })).body.parameter).toBe('dispute_id');
    expect((await api.json('/api/transfers/999999999')).status).toBe(404);
  });
});

describe('overdue letters', () => {
  it('are overdue once past due and not done, as another clock sees them', async () => {
    const d = await report(api, g, { type: 'debt' });
    const t = (await prompt(d.id, { actor: officer('sifa') })).body;
    const later = await startSecondApi(api, { now: () => new Date(TEST_NOW.getTime() + 11 * DAY) });
    try {
      expect((await later.json(`/api/transfers/${t.id}`)).body).toMatchObject({ status: 'sent', overdue: true });
      const list = (await later.json(`/api/transfers?unit=${g.town}&status=overdue&limit=1000`)).body;
      expect(list.transfers.map((x: any) => x.id)).toContain(t.id);
      expect(list.transfers.every((x: any) => x.overdue && x.receiver.code === g.town)).toBe(true);
    } finally {
      await later.close();
    }
    expect((await api.json(`/api/transfers/${t.id}`)).body.overdue).toBe(false);
  });
});

describe('GET /api/transfers', () => {
  it('gives each unit its own inbox, matching the table', async () => {
    for (const unit of [g.town, 'sifa', 'ziranziyuan']) {
      const { body } = await api.json(`/api/transfers?unit=${unit}&box=inbox&limit=10000`);
      const [{ n }] = await api.q('SELECT count(*)::int n FROM transfers WHERE receiver_unit = $1', [unit]);
      expect(body.total).toBe(n);
      expect(body.transfers.length).toBe(n);
      expect(body.transfers.every((x: any) => x.receiver.code === unit)).toBe(true);
    }
  });

  it('pages newest first', async () => {
    const { body } = await api.json('/api/transfers?limit=5&offset=5');
    const ids = (await api.q('SELECT id FROM transfers ORDER BY created_at DESC, id DESC LIMIT 5 OFFSET 5')).map((r) => Number(r.id));
    expect(body.transfers.map((x: any) => x.id)).toEqual(ids);
  });

  it.each([
    { query: 'box=sideways', field: 'box' }, { query: 'status=lost', field: 'status' }, { query: 'unit=ZZ', field: 'unit' },
    { query: 'limit=0', field: 'limit' }, { query: 'dispute_id=x', field: 'dispute_id' }, { query: 'receiver=sifa', field: 'receiver' },
  ])('answers $query with 400 naming $field', async ({ query, field }) => {
    expect((await api.json(`/api/transfers?${query}`)).body.parameter).toBe(field);
  });
});

describe('GET /api/transfers/flows', () => {
  it('draws a line from sender to receiver for every open letter', async () => {
    const d = await report(api, g, { type: 'labour' });
    const t = (await prompt(d.id, { actor: officer('renshe') })).body;
    const { status, type, body } = await api.json('/api/transfers/flows');
    expect(status).toBe(200);
    expect(type).toMatch(/geo\+json/);
    const [{ n }] = await api.q("SELECT count(*)::int n FROM transfers WHERE status <> 'done'");
    expect(body.features.length).toBe(n);
    for (const f of body.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.geometry.coordinates.length).toBe(2);
      expect(f.properties.status).not.toBe('done');
    }
    const line = body.features.find((f: any) => f.properties.id === t.id);
    const [centre] = await api.q("SELECT ST_X(geom) x, ST_Y(geom) y FROM governance_centres WHERE level = 'town' AND town_code = $1", [g.town]);
    expect(line.geometry.coordinates).toEqual([DEPARTMENT_OFFICES.renshe, [Number(centre.x), Number(centre.y)]]);
    expect(line.properties).toMatchObject({ kind: 'prompt', status: 'sent', overdue: false, sender: 'renshe', receiver: g.town });
  });
});

describe('the seeded letters', () => {
  it('exist in both kinds, each with a history that ends in its status', async () => {
    const kinds = await api.q('SELECT kind, count(*)::int n FROM transfers WHERE id IN (SELECT transfer_id FROM transfer_events WHERE seq = 1 AND at < $1) GROUP BY kind ORDER BY kind', [TEST_NOW.toISOString()]);
    expect(kinds.map((k) => k.kind)).toEqual(['assist', 'prompt']);
    expect(kinds.every((k) => k.n > 20)).toBe(true);
    const bad = await api.q(`SELECT t.id FROM transfers t
      JOIN LATERAL (SELECT to_status FROM transfer_events e WHERE e.transfer_id = t.id ORDER BY seq DESC LIMIT 1) last ON TRUE
      WHERE last.to_status <> t.status OR (t.kind = 'prompt' AND t.receiver_unit <> (SELECT town_code FROM disputes WHERE id = t.dispute_id))
        OR (t.kind = 'assist' AND t.sender_unit <> (SELECT town_code FROM disputes WHERE id = t.dispute_id))`);
    expect(bad).toEqual([]);
  });
});
