import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { getTestDb } from '../support/test-db.ts';
import { startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';

// A database that fails on demand, the way a bug (SQL error) or an outage (refused connection) would.
let failWith: Error | null = null;
let api: Api;
const logged: unknown[][] = [];
beforeAll(async () => {
  const shared = await getTestDb();
  const db: Database = { ...shared, query: (text, values) => (failWith ? Promise.reject(failWith) : shared.query(text, values)) };
  api = await startApi({ db, now: () => TEST_NOW, log: { error: (...a: unknown[]) => void logged.push(a) }, databaseRetryAfterS: 7 });
});
afterAll(() => api.close());

const EXPECTED_HEADERS: [string, RegExp][] = [
  ['content-security-policy', /^default-src 'self'; script-src 'self'; worker-src 'self' blob:;.*frame-ancestors 'none'; object-src 'none'; base-uri 'self'/],
  ['x-content-type-options', /^nosniff$/],
  ['referrer-policy', /^same-origin$/],
  ['permissions-policy', /camera=\(\)/],
  ['cross-origin-opener-policy', /^same-origin$/],
];

describe('security headers', () => {
  for (const path of ['/api/health', '/api/no-such-thing', '/api/openapi.json', '/anything-else']) {
    it(`are on ${path}, with no X-Powered-By`, async () => {
      const r = await api.get(path);
      for (const [name, re] of EXPECTED_HEADERS) expect(r.headers.get(name), name).toMatch(re);
      expect(r.headers.get('x-powered-by')).toBeNull();
    });
  }
});

describe('errors leak nothing', () => {
  it('a forced internal error is a generic 500 JSON with only a request id; SQL and stack go to the log', async () => {
    failWith = Object.assign(new Error('relation "secret_table" does not exist'), { code: '42P01' });
    try {
      const r = await api.get('/api/disputes/1');
      const text = await r.text();
      expect(r.status).toBe(500);
      const body = JSON.parse(text);
      expect(Object.keys(body).sort()).toEqual(['code', 'message', 'parameter', 'request_id']);
      expect(body).toMatchObject({ code: 'internal_error', message: 'internal server error', request_id: r.headers.get('x-request-id') });
      expect(text).not.toMatch(/secret_table|42P01|\bat \w|\.ts:/);
      expect(JSON.stringify(logged.at(-1))).toContain(body.request_id);
    } finally {
      failWith = null;
    }
  });

  it('a refused database connection is a 503 database_unavailable with Retry-After, and health says so', async () => {
    failWith = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    try {
      const r = await api.get('/api/disputes/1');
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('7');
      const body = await r.json();
      expect(body).toMatchObject({ code: 'database_unavailable' });
      expect(JSON.stringify(body)).not.toContain('5432');
      const health = await api.get('/api/health');
      expect(health.status).toBe(503);
      expect(health.headers.get('retry-after')).toBe('7');
      expect(await health.json()).toMatchObject({ code: 'database_unavailable' });
    } finally {
      failWith = null;
    }
    expect((await api.get('/api/health')).status).toBe(200);
  });
});
