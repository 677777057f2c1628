import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/database.ts';
import { startServer } from '../../server/src/start-server.ts';
import { sessionHeaders } from '../support/session-headers.ts';
import { getTestDb } from '../support/test-db.ts';
import { TEST_NOW } from './map-test-support.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('graceful shutdown (startServer().close)', () => {
  it('ends live streams with a shutdown event, lets a slow request finish, closes the database last', async () => {
    const shared = await getTestDb();
    const order: string[] = [];
    let slow = false;
    // The shared database must stay open for the other files: this one only records its close().
    const db: Database = {
      ...shared,
      query: async (text, values) => {
        if (!(slow && text.includes('postgis_lib_version'))) return shared.query(text, values);
        await sleep(800);
        const r = await shared.query(text, values);
        order.push('slow query done');
        return r as any;
      },
      close: async () => void order.push('db closed'),
    };
    const app = createApp({ db, now: () => TEST_NOW });
    const running = await startServer({ app, db, port: 0, host: '127.0.0.1', timeoutMs: 5_000 });
    const headers = await sessionHeaders(running.url);

    const stream = await fetch(`${running.url}/api/events`, { headers });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('connected');
    const rest = (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += new TextDecoder().decode(value);
      }
    })();

    slow = true;
    const slowRequest = fetch(`${running.url}/api/health`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await sleep(150); // the slow request is in flight
    const closed = running.close().then((clean) => (order.push('server closed'), clean));

    expect(await rest).toMatch(/event: shutdown\ndata: \{"reason":/);
    const answer = await slowRequest;
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('ok');
    expect(await closed).toBe(true);
    expect(order).toEqual(['slow query done', 'db closed', 'server closed']);
    // No new connections once closed.
    await expect(fetch(`${running.url}/api/health`)).rejects.toThrow();
  });
});
