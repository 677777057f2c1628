/**
 * Property-based: every operation of the served OpenAPI document (so new endpoints are covered
 * without touching this file) gets malformed and hostile path parameters, query strings and JSON
 * bodies. Never a 5xx, every 4xx under /api is JSON, the server stays up, and the stored disputes,
 * events and letters are unchanged. Log-in and log-out are left to the auth tests (a hostile
 * log-out would end this file's session; failed log-ins trip the log-in throttle by design).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAuthHeaders } from '../support/session-headers.ts';
import { startWriteApi, type WriteApi } from './workflow-support.ts';

let api: WriteApi;
beforeAll(async () => {
  api = await startWriteApi();
});
afterAll(async () => {
  await api.close();
  await api.rollback.rollback();
});

const RUNS_PER_OPERATION = 12;
const SKIP = /^\/auth\//;

const hostileString = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'Infinity', '-0', '0x10', '1.5', '99999999999999999999999', "' OR 1=1 --", '1; DROP TABLE disputes',
    '__proto__', 'constructor', 'prototype', '%00', '%', '%zz', '..', '../../etc/passwd', '<script>alert(1)</script>', '\u0000', '\ud800', '崆峒区',
    '🙂', 'a'.repeat(5000), '[1,2]', '{"a":1}', 'null', 'true', '106.6,35.5,106.7,35.6', '180,90,-180,-90', 'POINT(0 0)', '2026-13-45', '../..'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
);

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, [], {}, 1e308, -1, 'x'.repeat(20_000)),
  fc.record({ __proto__: fc.jsonValue({ maxDepth: 1 }), constructor: fc.jsonValue({ maxDepth: 1 }) } as Record<string, fc.Arbitrary<unknown>>),
  fc.dictionary(fc.constantFrom('geometry', 'type', 'summary', 'actor', 'action', 'version', 'kind', 'dispute_id', 'receiver', 'message', 'parties', '__proto__', 'constructor'),
    fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString), { maxKeys: 8 }),
);

/** Lone surrogates replaced by U+FFFD (String.prototype.toWellFormed is ES2024). */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

interface Operation { method: string; path: string; query: string[] }

async function operations(): Promise<Operation[]> {
  const doc = await (await api.get('/api/openapi.json')).json();
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    if (SKIP.test(path)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      out.push({ method: method.toUpperCase(), path, query: (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name) });
    }
  }
  return out;
}

async function checksum(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, cols] of [['disputes', 'id, version, status'], ['dispute_events', 'dispute_id, seq'], ['transfers', 'id, version, status'], ['transfer_events', 'transfer_id, seq']]) {
    const [r] = await api.q(`SELECT count(*)::text AS n, md5(coalesce(string_agg((${cols})::text, ',' ORDER BY (${cols})::text), '')) AS h FROM ${table}`);
    out[table] = `${r.n}:${r.h}`;
  }
  return out;
}

describe('hostile input at every endpoint of the OpenAPI document', () => {
  it('never gets a 5xx, 4xx answers are JSON, the server stays up and the data is unchanged', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(30);
    const before = await checksum();
    const auth = apiAuthHeaders(api);
    const failures: string[] = [];
    for (const op of ops) {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const arb = fc.record({
        params: fc.array(hostileString, { minLength: names.length, maxLength: names.length }),
        query: fc.array(fc.tuple(fc.oneof(op.query.length ? fc.constantFrom(...op.query) : hostileString, hostileString), hostileString), { maxLength: 4 }),
        body: hostileJson,
        rawBody: fc.option(fc.constantFrom('{', '{"a":', 'not json', '[1,2', '\u0000', '{"__proto__":{"polluted":1}}'), { nil: undefined }),
      });
      await fc.assert(fc.asyncProperty(arb, async ({ params, query, body, rawBody }) => {
        let path = op.path;
        // Lone surrogates cannot be %-encoded; a few raw bad escapes stand for malformed encodings.
        names.forEach((n, i) => (path = path.replace(`{${n}}`, params[i] === '%zz' ? '%zz%ED%A0' : encodeURIComponent(wellFormed(params[i])))));
        const qs = new URLSearchParams(query).toString();
        const url = `${api.base}/api${path}${qs ? `?${qs}` : ''}`;
        const init: RequestInit = { method: op.method, headers: { ...auth }, signal: AbortSignal.timeout(20_000) };
        if (op.method !== 'GET') {
          init.headers = { ...auth, 'content-type': 'application/json' };
          init.body = rawBody ?? JSON.stringify(body);
        }
        const r = await fetch(url, init);
        const type = r.headers.get('content-type') ?? '';
        if (type.startsWith('text/event-stream')) {
          await r.body?.cancel();
          return;
        }
        const text = await r.text();
        if (r.status >= 500) failures.push(`${op.method} ${url.slice(0, 200)} → ${r.status} ${text.slice(0, 200)}`);
        expect(r.status, `${op.method} ${url.slice(0, 200)} ${text.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400) {
          expect(type, `${op.method} ${url.slice(0, 200)}`).toMatch(/json/);
          expect(() => JSON.parse(text)).not.toThrow();
        }
      }), { numRuns: RUNS_PER_OPERATION, seed: 20261128, endOnFailure: true });
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await api.get('/api/health')).status).toBe(200);
    expect(await checksum()).toEqual(before);
  }, 120_000);
});
