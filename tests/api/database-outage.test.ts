/**
 * The database goes away under a running app and comes back: answers are 503 with Retry-After (not
 * 500s, not hangs), the process stays up, and the app serves again by itself once it returns.
 * Needs a real PostgreSQL (DATABASE_URL); skipped on the embedded engine, which cannot go down.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/database.ts';
import { openPostgres } from '../../server/src/db/open-postgres.ts';
import { sessionHeaders } from '../support/session-headers.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { getTestDb } from '../support/test-db.ts';
import { TEST_NOW } from './map-test-support.ts';

const url = process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!url)('database outage (PostgreSQL behind a proxy the test cuts)', () => {
  let proxy: TcpProxy;
  let db: Database;
  let server: Server;
  let base: string;
  let headers: Record<string, string>;
  const errors: unknown[][] = [];
  beforeAll(async () => {
    await getTestDb(); // migrated and seeded
    const target = new URL(url!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(url!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    db = await openPostgres(viaProxy.toString(), { connectTimeoutMs: 1_000, statementTimeoutMs: 5_000, retryAfterS: 3 });
    const app = createApp({ db, now: () => TEST_NOW, databaseRetryAfterS: 3, log: { error: (...a: unknown[]) => void errors.push(a) } });
    server = await new Promise((r) => { const s = app.listen(0, '127.0.0.1', () => r(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    headers = await sessionHeaders(base);
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await db?.close();
    await proxy?.close();
  });

  const get = (path: string) => fetch(base + path, { headers, signal: AbortSignal.timeout(10_000) });

  it('answers 503 with Retry-After while the database is away, and recovers by itself', async () => {
    expect((await get('/api/health')).status).toBe(200);
    expect((await get('/api/disputes/1')).status).toBe(200);

    await proxy.cut();
    for (const path of ['/api/health', '/api/disputes/1', '/api/cards']) {
      const t0 = Date.now();
      const r = await get(path);
      expect(r.status, path).toBe(503);
      expect(r.headers.get('retry-after'), path).toBe('3');
      expect(await r.json(), path).toMatchObject({ code: 'database_unavailable' });
      expect(Date.now() - t0, `${path} answered within the connect timeout`).toBeLessThan(3_000);
    }

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await get('/api/health')).status;
      if (status !== 200) await sleep(250);
    }
    expect(status).toBe(200);
    expect((await get('/api/disputes/1')).status).toBe(200);
  }, 30_000);
});
