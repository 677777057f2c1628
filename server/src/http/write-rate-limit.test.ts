import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from './error-handler.ts';
import { writeRateLimit } from './write-rate-limit.ts';

let base: string;
let close: () => void;
let clock = 0;
beforeAll(async () => {
  const app = express();
  app.use(writeRateLimit({ perMinute: 6, burst: 3 }, () => clock));
  app.all('/x', (_req, res) => void res.json({ ok: true }));
  app.use(errorHandler({ error: () => undefined }));
  const server = await new Promise<import('node:http').Server>((r) => { const s = app.listen(0, '127.0.0.1', () => r(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('writeRateLimit', () => {
  it('lets the burst through, then answers 429 JSON with Retry-After; reads are never limited; refills with time', async () => {
    const post = () => fetch(`${base}/x`, { method: 'POST' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
    expect((await fetch(`${base}/x`)).status).toBe(200);
    clock += 10_000;
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(429);
  });
});
