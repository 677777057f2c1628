import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppLocals } from '../../server/src/app.ts';
import type { LiveEvents } from '../../server/src/services/live-events.ts';
import { getTestDb } from '../support/test-db.ts';
import { openRollbackDb, type RollbackDb } from '../support/rollback-db.ts';
import { TEST_NOW } from './map-test-support.ts';
import { logIn, type Credentials } from './api-harness.ts';

let rb: RollbackDb;
let server: http.Server;
let base: string;
let locals: AppLocals & { live: LiveEvents };
let grid: { code: string; x: number; y: number };
let commander: Credentials;

beforeAll(async () => {
  rb = await openRollbackDb(await getTestDb());
  const app = createApp({ db: rb.db, now: () => TEST_NOW });
  locals = app.locals as typeof locals;
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  commander = await logIn(base, 'commander');
  const [g] = (await rb.db.query<any>('SELECT code, ST_X(ST_PointOnSurface(geom)) x, ST_Y(ST_PointOnSurface(geom)) y FROM grids ORDER BY code OFFSET 50 LIMIT 1')).rows;
  grid = { code: g.code, x: Number(g.x), y: Number(g.y) };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rb.rollback();
});

interface Sse { id: string | null; event: string | null; data: string | null; comment: string | null; retry: string | null }

/** Opens the stream and collects its blocks until stop() is called. */
function openStream(headers: Record<string, string> = {}) {
  const blocks: Sse[] = [];
  const waiters: (() => void)[] = [];
  let res!: http.IncomingMessage;
  const req = http.get(`${base}/api/events`, { headers: { cookie: commander.headers.cookie, ...headers } }, (r) => {
    res = r;
    let buf = '';
    r.setEncoding('utf8');
    r.on('data', (chunk: string) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? null;
        blocks.push({ id: field('id'), event: field('event'), data: field('data'), comment: field(''), retry: field('retry') });
        waiters.splice(0).forEach((w) => w());
      }
    });
  });
  const opened = new Promise<void>((resolve) => req.on('response', () => resolve()));
  return {
    blocks,
    opened,
    response: () => res,
    /** The first block matching `pred`, waiting at most `ms`. */
    async next(pred: (b: Sse) => boolean, ms: number): Promise<Sse> {
      const deadline = Date.now() + ms;
      for (;;) {
        const hit = blocks.find(pred);
        if (hit) return hit;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${ms} ms; got ${JSON.stringify(blocks)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
    stop: () => req.destroy(),
  };
}

async function reportHere(): Promise<any> {
  const r = await fetch(`${base}/api/disputes`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...commander.headers },
    body: JSON.stringify({ geometry: { type: 'Point', coordinates: [grid.x, grid.y] }, type: 'nuisance', summary: '夜间噪音扰民引发矛盾' }),
  });
  expect(r.status).toBe(201);
  return r.json();
}

describe('GET /api/events', () => {
  it('streams a dispute event within 2 s of a report', async () => {
    const s = openStream();
    try {
      await s.opened;
      expect(s.response().headers['content-type']).toMatch(/^text\/event-stream/);
      await s.next((b) => b.retry !== null, 2000);
      const d = await reportHere();
      const e = await s.next((b) => b.event === 'dispute', 2000);
      const data = JSON.parse(e.data!);
      expect(data).toMatchObject({ change: 'created', action: 'report', id: d.id, code: d.code, status: 'reported', level: 'village', grid_code: grid.code, version: 1 });
      expect(data.point.map((v: number) => v.toFixed(6))).toEqual([grid.x, grid.y].map((v) => v.toFixed(6)));
      expect(Number(e.id)).toBe(locals.live.lastId);
    } finally {
      s.stop();
    }
  });

  it('numbers events one up and replays the missed ones after Last-Event-ID', async () => {
    const a = await reportHere();
    const first = locals.live.lastId;
    const b = await reportHere();
    expect(locals.live.lastId).toBe(first + 1);
    const s = openStream({ 'Last-Event-ID': String(first - 1) });
    try {
      const e1 = await s.next((x) => x.id === String(first), 2000);
      const e2 = await s.next((x) => x.id === String(first + 1), 2000);
      expect([JSON.parse(e1.data!).id, JSON.parse(e2.data!).id]).toEqual([a.id, b.id]);
      expect(s.blocks.filter((x) => x.event === 'reset')).toEqual([]);
    } finally {
      s.stop();
    }
  });

  it('streams transfer events too', async () => {
    const d = await reportHere();
    const s = openStream();
    try {
      await s.opened;
      // The officer of 区生态环境分局 (a demo account) sends it: the actor is the session's.
      const officer = await logIn(base, 'dept-shengtai');
      const r = await fetch(`${base}/api/transfers`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...officer.headers },
        body: JSON.stringify({ kind: 'prompt', dispute_id: d.id, receiver: d.town.code, message: '请属地调处并反馈' }),
      });
      const t = await r.json();
      const e = await s.next((b) => b.event === 'transfer', 2000);
      expect(JSON.parse(e.data!)).toMatchObject({ change: 'created', action: 'send', id: t.id, kind: 'prompt', status: 'sent', sender: 'shengtai', receiver: d.town.code });
    } finally {
      s.stop();
    }
  });

  it('invalidates the tile, risk and cluster caches before it publishes', async () => {
    const calls: string[] = [];
    for (const name of ['tiles', 'risk', 'clusters'] as const) {
      const svc = locals[name] as { invalidate: (...a: any[]) => void };
      const orig = svc.invalidate.bind(svc);
      svc.invalidate = (...a: any[]) => (calls.push(name), orig(...a));
    }
    const off = locals.live.subscribe(() => calls.push('publish'));
    try {
      await reportHere();
      // Other caches in app.locals may join; these three must be among those cleared, all before the event.
      expect(calls.at(-1)).toBe('publish');
      expect(calls.filter((c) => c !== 'publish').sort()).toEqual(expect.arrayContaining(['clusters', 'risk', 'tiles']));
      expect(calls.filter((c) => c === 'publish').length).toBe(1);
    } finally {
      off();
    }
  });

  it('refuses a Last-Event-ID that is not a number', async () => {
    const r = await fetch(`${base}/api/events?last_event_id=abc`, { headers: { cookie: commander.headers.cookie } });
    expect(r.status).toBe(400);
    expect((await r.json()).parameter).toBe('Last-Event-ID');
  });
});
