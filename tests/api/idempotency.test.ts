import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/src/domain/actors.ts';
import { apiAuthHeaders } from '../support/session-headers.ts';
import { gridPoint, leader, officer, report, startWriteApi, worker, type GridPoint, type WriteApi } from './workflow-support.ts';

let api: WriteApi;
let g: GridPoint;
beforeAll(async () => {
  api = await startWriteApi();
  g = await gridPoint(api, 210);
});
afterAll(async () => {
  await api.close();
  await api.rollback.rollback();
});

interface Raw { status: number; text: string; replayed: string | null; location: string | null }

/** A POST in the session of `as`, by default the body's actor. */
async function post(path: string, body: unknown, key?: string, as?: Actor): Promise<Raw> {
  const auth = await api.sessionOf(as ?? (body as { actor: Actor }).actor);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...auth.headers };
  if (key !== undefined) headers['Idempotency-Key'] = key;
  const r = await fetch(api.base + path, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: r.status, text: await r.text(), replayed: r.headers.get('idempotency-replayed'), location: r.headers.get('location') };
}

const reportBody = (summary: string) => ({ geometry: { type: 'Point', coordinates: g.point }, type: 'neighbour', summary, actor: worker(g) });
const countBySummary = async (summary: string) =>
  (await api.q(`SELECT count(*)::int AS n, count(DISTINCT e.seq)::int AS events FROM disputes d JOIN dispute_events e ON e.dispute_id = d.id WHERE d.summary = $1`, [summary]))[0];

describe('Idempotency-Key on POST /api/disputes', () => {
  it('stores a report sent 5 times in a row once, answering the same status and body each time', async () => {
    const summary = `幂等测试 sequential ${randomUUID()}`;
    const key = randomUUID();
    const answers: Raw[] = [];
    for (let i = 0; i < 5; i++) answers.push(await post('/api/disputes', reportBody(summary), key));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.map((a) => a.replayed)).toEqual([null, 'true', 'true', 'true', 'true']);
    expect(new Set(answers.map((a) => a.location)).size).toBe(1);
    expect(await countBySummary(summary)).toEqual({ n: 1, events: 1 });
  });

  it('stores a report sent 5 times at once once, every answer the same', async () => {
    const summary = `幂等测试 concurrent ${randomUUID()}`;
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('/api/disputes', reportBody(summary), key)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.replayed === null)).toHaveLength(1);
    expect(await countBySummary(summary)).toEqual({ n: 1, events: 1 });
    const [{ n }] = await api.q('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key]);
    expect(n).toBe(1);
  });

  it('refuses the same key with a different body with 422 naming the header, writing nothing', async () => {
    const key = randomUUID();
    const first = `幂等测试 first ${randomUUID()}`, second = `幂等测试 second ${randomUUID()}`;
    expect((await post('/api/disputes', reportBody(first), key)).status).toBe(201);
    const r = await post('/api/disputes', reportBody(second), key);
    expect(r.status).toBe(422);
    expect(JSON.parse(r.text)).toMatchObject({ code: 'idempotency_key_reused', parameter: 'Idempotency-Key' });
    expect((await countBySummary(second)).n).toBe(0);
  });

  it("never replays one user's answer to another user sending the same key and body: 422", async () => {
    const key = randomUUID();
    const summary = `幂等测试 two users ${randomUUID()}`;
    const { actor: _, ...body } = reportBody(summary); // the actor comes from the session
    const first = await post('/api/disputes', body, key, worker(g));
    expect(first.status).toBe(201);
    const other = await post('/api/disputes', body, key, leader(g));
    expect(other.status).toBe(422);
    expect(other.text).not.toContain(JSON.parse(first.text).code);
    expect((await countBySummary(summary)).n).toBe(1);
  });

  it('without a key, each send is a new report', async () => {
    const summary = `幂等测试 no key ${randomUUID()}`;
    for (let i = 0; i < 2; i++) expect((await post('/api/disputes', reportBody(summary))).status).toBe(201);
    expect((await countBySummary(summary)).n).toBe(2);
  });

  const badKeys = [{ title: 'too short', key: 'short' }, { title: 'too long', key: 'k'.repeat(129) }, { title: 'with spaces', key: 'has some spaces' }];
  for (const c of badKeys) {
    it(`refuses a key ${c.title} with 400 naming the header`, async () => {
      const r = await post('/api/disputes', reportBody('bad key'), c.key);
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text)).toMatchObject({ code: 'invalid_parameter', parameter: 'Idempotency-Key' });
    });
  }

  it('does not store refusals: a failed write with a key can be fixed and sent again under another key only', async () => {
    const key = randomUUID();
    const bad = await post('/api/disputes', { ...reportBody('outside'), geometry: { type: 'Point', coordinates: [0, 0] } }, key);
    expect(bad.status).toBe(400);
    const [{ n }] = await api.q('SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1', [key]);
    expect(n).toBe(0);
  });
});

describe('Idempotency-Key on actions and letters', () => {
  it('applies a dispute action retried with the same key once', async () => {
    const d = await report(api, g);
    const key = randomUUID();
    const body = { action: 'accept', actor: worker(g), version: 1 };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(`/api/disputes/${d.id}/actions`, body, key)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const events = await api.q('SELECT action FROM dispute_events WHERE dispute_id = $1 ORDER BY seq', [d.id]);
    expect(events.map((e) => e.action)).toEqual(['report', 'accept']);
  });

  it('sends a letter and acts on it once per key', async () => {
    const d = await report(api, g, { type: 'other' });
    const key = randomUUID();
    const letter = { kind: 'prompt', dispute_id: d.id, receiver: g.town, message: '请属地调处并反馈', actor: officer('xinfang') };
    const sent = await Promise.all(Array.from({ length: 5 }, () => post('/api/transfers', letter, key)));
    expect(sent.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(sent.map((a) => a.text)).size).toBe(1);
    const [{ n }] = await api.q('SELECT count(*)::int AS n FROM transfers WHERE dispute_id = $1', [d.id]);
    expect(n).toBe(1);
    const t = JSON.parse(sent[0].text);
    const actKey = randomUUID();
    const receive = { action: 'receive', actor: leader(g), version: 1 };
    const acted = await Promise.all(Array.from({ length: 3 }, () => post(`/api/transfers/${t.id}/actions`, receive, actKey)));
    expect(acted.map((a) => a.status)).toEqual([200, 200, 200]);
    const events = await api.q('SELECT action FROM transfer_events WHERE transfer_id = $1 ORDER BY seq', [t.id]);
    expect(events.map((e) => e.action)).toEqual(['send', 'receive']);
  });
});

describe('optimistic concurrency', () => {
  it('of two actors acting on the same version at once, exactly one wins; the other gets 409 with the current version', async () => {
    const d = await report(api, g);
    const [a, b] = await Promise.all([
      post(`/api/disputes/${d.id}/actions`, { action: 'accept', actor: worker(g), version: 1 }),
      post(`/api/disputes/${d.id}/actions`, { action: 'accept', actor: leader(g), version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = JSON.parse((a.status === 409 ? a : b).text);
    expect(loser).toMatchObject({ code: 'stale_version', parameter: 'version', current_version: 2, current: { id: d.id, version: 2, status: 'accepted' } });
    const events = await api.q('SELECT action FROM dispute_events WHERE dispute_id = $1 ORDER BY seq', [d.id]);
    expect(events.map((e) => e.action)).toEqual(['report', 'accept']);
  });

  it('a stale version on a letter action is a 409 carrying the current letter', async () => {
    const d = await report(api, g, { type: 'other' });
    const t = JSON.parse((await post('/api/transfers', { kind: 'prompt', dispute_id: d.id, receiver: g.town, message: '请属地调处并反馈', actor: officer('xinfang') })).text);
    expect((await post(`/api/transfers/${t.id}/actions`, { action: 'receive', actor: leader(g), version: 1 })).status).toBe(200);
    const r = await post(`/api/transfers/${t.id}/actions`, { action: 'receive', actor: leader(g), version: 1 });
    expect(r.status).toBe(409);
    expect(JSON.parse(r.text)).toMatchObject({ code: 'stale_version', current_version: 2, current: { id: t.id, version: 2, status: 'received' } });
  });
});
