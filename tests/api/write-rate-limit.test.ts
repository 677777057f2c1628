import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAuthHeaders } from '../support/session-headers.ts';
import { startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';

let api: Api;
beforeAll(async () => {
  // Log-in is a write too: a burst of 3 leaves two for the test.
  api = await startApi({ now: () => TEST_NOW, writeRateLimit: { perMinute: 3 } });
});
afterAll(() => api.close());

describe('the write rate limit in the app', () => {
  it('answers 429 rate_limited with Retry-After once an address has used its writes; reads go on', async () => {
    const post = () => fetch(`${api.base}/api/disputes`, { method: 'POST', headers: { 'content-type': 'application/json', ...apiAuthHeaders(api) }, body: '{}' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post()).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(2);
    expect(statuses.slice(0, statuses.indexOf(429)).every((s) => s === 400)).toBe(true);
    const r = await post();
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await r.json()).toMatchObject({ code: 'rate_limited' });
    expect((await api.get('/api/health')).status).toBe(200);
    expect((await api.get('/api/cards')).status).toBe(200);
  });

  it('counts by the peer address unless told to trust a proxy; then by X-Forwarded-For', async () => {
    const post = (a: Api, from: string) => fetch(`${a.base}/api/disputes`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from, ...apiAuthHeaders(a) }, body: '{}',
    });
    // Untrusted: a client cannot dodge the limit by making up addresses.
    const spoofed: number[] = [];
    for (let i = 0; i < 3; i++) spoofed.push((await post(api, `203.0.113.${i + 10}`)).status);
    expect(spoofed).toContain(429);
    // Behind one trusted proxy: each forwarded client has its own budget.
    const proxied = await startApi({ now: () => TEST_NOW, writeRateLimit: { perMinute: 3 }, trustProxyHops: 1 });
    try {
      const a: number[] = [];
      for (let i = 0; i < 4; i++) a.push((await post(proxied, '198.51.100.1')).status);
      expect(a[0]).toBe(400);
      expect(a).toContain(429);
      expect((await post(proxied, '198.51.100.2')).status).toBe(400);
    } finally {
      await proxied.close();
    }
  });
});
