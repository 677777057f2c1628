/**
 * Accounts and sessions end to end: log-in, cookies, me, log-out, expiry under an injected clock,
 * the log-in rate limit, CSRF, what an anonymous caller gets, read-only roles, the session's actor,
 * wall-display credentials and the audit log. Over a rolled-back view of the shared database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../../server/src/app.ts';
import { getTestDb, TEST_DEMO_PASSWORD } from '../support/test-db.ts';
import { openRollbackDb, type RollbackDb } from '../support/rollback-db.ts';
import { logIn, type Credentials } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';

const HOUR = 3_600_000;
let rb: RollbackDb;
let clock = TEST_NOW.getTime();
let dir: string;
const servers: Server[] = [];

async function serve(deps: Partial<AppDeps> = {}): Promise<string> {
  const app = createApp({ db: rb.db, now: () => new Date(clock), clientDir: dir, ...deps });
  const server: Server = await new Promise((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;
let grid: { code: string; town: string; point: [number, number] };
beforeAll(async () => {
  rb = await openRollbackDb(await getTestDb());
  dir = mkdtempSync(join(tmpdir(), 'pingan-auth-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>平安一张图</title></head><body></body></html>');
  base = await serve();
  // The first grid of a town: its grid worker has a demo account.
  const [g] = (await rb.db.query<any>(`SELECT code, town_code, ST_X(ST_PointOnSurface(geom)) x, ST_Y(ST_PointOnSurface(geom)) y
    FROM grids WHERE town_code = '620802103' ORDER BY code LIMIT 1`)).rows;
  grid = { code: g.code, town: g.town_code, point: [Number(g.x), Number(g.y)] };
});
afterAll(async () => {
  for (const s of servers) { s.closeAllConnections(); s.close(); }
  await rb.rollback();
  rmSync(dir, { recursive: true, force: true });
});

interface Call { status: number; headers: Headers; body: any }
async function call(method: string, path: string, o: { auth?: Credentials; body?: unknown; headers?: Record<string, string>; at?: string } = {}): Promise<Call> {
  const headers: Record<string, string> = { ...(o.auth?.headers ?? {}), ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}), ...o.headers };
  const r = await fetch((o.at ?? base) + path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const text = await r.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, headers: r.headers, body };
}
const login = (username: string, password: string, at = base) => call('POST', '/api/auth/login', { body: { username, password }, at });
const report = (auth: Credentials, extra: Record<string, unknown> = {}) =>
  call('POST', '/api/disputes', { auth, body: { geometry: { type: 'Point', coordinates: grid.point }, type: 'neighbour', summary: '邻里因停车位发生争执', ...extra } });
const audit = async (action: string) => (await rb.db.query<any>('SELECT * FROM audit_log WHERE action = $1 ORDER BY id', [action])).rows;
const expectError = (r: Call, status: number, parameter: string | null, code?: string) => {
  expect([r.status, r.body.parameter], JSON.stringify(r.body)).toEqual([status, parameter]);
  expect(Object.keys(r.body).sort()).toEqual(['code', 'message', 'parameter']);
  if (code) expect(r.body.code).toBe(code);
};

describe('log-in', () => {
  it('answers the user and sets an HttpOnly session cookie and a readable CSRF cookie, both SameSite=Strict', async () => {
    const r = await login('commander', TEST_DEMO_PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'commander', role: 'commander', unit: '620802', unit_name: '崆峒区', role_label: { zh: '区综治中心指挥长' } });
    expect(r.body.user.display_name).toMatch(/演示/);
    const cookies = r.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('pingan_session='))!;
    const csrf = cookies.find((c) => c.startsWith('pingan_csrf='))!;
    expect(session.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Max-Age=604800', 'Path=/', 'SameSite=Strict']);
    expect(csrf.split('; ').slice(1).sort()).toEqual(['Max-Age=604800', 'Path=/', 'SameSite=Strict']);
    expect(session.split(';')[0].length).toBe('pingan_session='.length + 43);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the cookies Secure when configured to', async () => {
    const at = await serve({ auth: { secureCookies: true } });
    const r = await login('analyst', TEST_DEMO_PASSWORD, at);
    expect(r.headers.getSetCookie().every((c) => c.endsWith('; Secure'))).toBe(true);
  });

  it('refuses a wrong password and an unknown user alike, with 401 JSON', async () => {
    const wrong = await login('commander', 'not-the-password');
    const unknown = await login('nobody', 'whatever-1');
    expectError(wrong, 401, 'password', 'invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it.each([
    { title: 'no password', body: { username: 'commander' }, field: 'password' },
    { title: 'an unknown field', body: { username: 'commander', password: 'x', remember: true }, field: 'remember' },
    { title: 'a username of 65 characters', body: { username: 'a'.repeat(65), password: 'x' }, field: 'username' },
  ])('answers $title with 400 naming $field', async ({ body, field }) => {
    expectError(await call('POST', '/api/auth/login', { body }), 400, field);
  });

  it('refuses a sixth attempt within 15 minutes with 429 and Retry-After, even with the right password', async () => {
    const at = await serve();
    for (let i = 0; i < 5; i++) expect((await login('analyst', `guess-${i}`, at)).status).toBe(401);
    const r = await login('analyst', TEST_DEMO_PASSWORD, at);
    expectError(r, 429, 'username', 'rate_limited');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(800);
    clock += 16 * 60_000;
    expect((await login('analyst', TEST_DEMO_PASSWORD, at)).status).toBe(200);
  });
});

describe('sessions', () => {
  it('tells who is logged in, and 401 JSON without a session', async () => {
    const a = await logIn(base, `town-${grid.town}`);
    const me = await call('GET', '/api/auth/me', { auth: a });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: `town-${grid.town}`, role: 'town_leader', unit: grid.town, unit_name: '草峰镇' });
    expect(me.body.session.kind).toBe('browser');
    expectError(await call('GET', '/api/auth/me'), 401, 'session', 'unauthorized');
    expectError(await call('GET', '/api/auth/me', { headers: { cookie: 'pingan_session=forged' } }), 401, 'session');
  });

  it('ends with log-out: the cookies are cleared and the old cookie gives 401', async () => {
    const a = await logIn(base, 'analyst');
    const out = await call('POST', '/api/auth/logout', { auth: a });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().map((c) => c.split(';')[0] + ';' + c.includes('Max-Age=0'))).toEqual(['pingan_session=;true', 'pingan_csrf=;true']);
    expectError(await call('GET', '/api/risk?level=town', { auth: a }), 401, 'session');
  });

  it('closes a live event stream once its session ends', async () => {
    const at = await serve({ sessionStreamCheckMs: 50 });
    const a = await logIn(at, 'analyst');
    const stream = openStream(at, a.headers.cookie);
    await new Promise((r) => setTimeout(r, 200));
    expect(stream.text()).toContain('retry:');
    expect(stream.text()).not.toContain('session-ended');
    expect((await call('POST', '/api/auth/logout', { auth: a, at })).status).toBe(204);
    await stream.ended;
    expect(stream.text()).toContain('event: session-ended');
  });

  it('lets a session with only an open stream idle out', async () => {
    const at = await serve({ sessionStreamCheckMs: 50 });
    const a = await logIn(at, 'analyst');
    const stream = openStream(at, a.headers.cookie);
    await new Promise((r) => setTimeout(r, 200));
    clock += 8 * HOUR + 60_000;
    await stream.ended;
    expect(stream.text()).toContain('event: session-ended');
    expectError(await call('GET', '/api/auth/me', { auth: a, at }), 401, 'session');
  });

  it('expires after 8 idle hours, and 7 days after log-in however busy', async () => {
    const idle = await logIn(base, 'analyst');
    clock += 8 * HOUR + 60_000;
    expectError(await call('GET', '/api/auth/me', { auth: idle }), 401, 'session');
    const busy = await logIn(base, 'analyst');
    const start = clock;
    while (clock - start < 7 * 24 * HOUR - 7 * HOUR) {
      clock += 7 * HOUR;
      expect((await call('GET', '/api/auth/me', { auth: busy })).status).toBe(200);
    }
    clock = start + 7 * 24 * HOUR + 1;
    expectError(await call('GET', '/api/auth/me', { auth: busy }), 401, 'session');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the X-CSRF-Token header or with a wrong one, and takes the right one', async () => {
    const a = await logIn(base, 'commander');
    const noHeader = { ...a, headers: { cookie: a.headers.cookie } };
    expectError(await report(noHeader), 403, 'X-CSRF-Token', 'forbidden');
    expectError(await report({ ...a, headers: { ...a.headers, 'x-csrf-token': 'x'.repeat(43) } }), 403, 'X-CSRF-Token');
    // Another session's token does not fit this one.
    const other = await logIn(base, 'commander');
    expectError(await report({ ...a, headers: { ...a.headers, 'x-csrf-token': other.headers['x-csrf-token'] } }), 403, 'X-CSRF-Token');
    expect((await report(a)).status).toBe(201);
  });
});

describe('an anonymous caller', () => {
  it.each([
    '/api/collections', '/api/collections/disputes/items?limit=1', '/api/collections/grids/items/1', '/api/tiles/grids/10/812/403.mvt', '/api/tiles/grids.json',
    '/api/risk?level=town', '/api/risk/620802103', '/api/areas/620802103', '/api/responsible?lon=106.67&lat=35.54', '/api/search?q=大秦',
    '/api/disputes/clusters?bbox=106.4,35.3,107.2,35.8&zoom=9', '/api/disputes/1', '/api/ledger?town=620802103&month=2026-10',
    '/api/ledger.csv?town=620802103&month=2026-10', '/api/reports/supervision/620802103.pdf?month=2026-10', '/api/ranking?quarter=2026Q3',
    '/api/transfers', '/api/cards', '/api/events', '/api/config', '/api/labels', '/api/auth/display-credentials', '/api/audit', '/api/no-such-route',
  ])('gets 401 JSON from GET %s', async (path) => {
    const r = await call('GET', path);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expectError(r, 401, 'session', 'unauthorized');
  });

  it.each(['/api/disputes', '/api/disputes/1/actions', '/api/transfers', '/api/transfers/1/actions', '/api/auth/logout'])('gets 401 from POST %s', async (path) => {
    expectError(await call('POST', path, { body: { action: 'accept' } }), 401, 'session');
  });

  it.each(['/api', '/api/conformance', '/api/openapi.json', '/api/health'])('may read %s', async (path) => {
    expect((await call('GET', path)).status).toBe(200);
  });

  it('finds the log-in endpoints and the session cookie scheme in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body;
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'pingan_session' });
    expect(doc.security).toEqual([{ session: [] }]);
    expect([doc.paths['/auth/login'].post.security, doc.paths['/health'].get.security]).toEqual([[], []]);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/logout', '/auth/me', '/auth/display-credentials', '/auth/display-credentials/{id}', '/auth/display-login']));
    expect(doc.paths['/disputes'].post.requestBody.content['application/json'].schema.required).not.toContain('actor');
  });

  it('gets index.html without the start-up data (the client then shows its log-in); a logged-in user gets it with', async () => {
    const anon = await fetch(`${base}/`);
    const html = await anon.text();
    expect(anon.status).toBe(200);
    expect(html).not.toContain('pingan-bootstrap');
    expect(html).not.toMatch(/620802\d{3}/);
    const a = await logIn(base, 'analyst');
    const mine = await (await fetch(`${base}/`, { headers: a.headers })).text();
    const boot = JSON.parse(/<script id="pingan-bootstrap" type="application\/json">(.*?)<\/script>/.exec(mine)![1]);
    expect(boot.user).toMatchObject({ username: 'analyst', role: 'analyst', unit: null });
    expect(Object.keys(boot.risk.levels.grid)).toHaveLength(1617);
  });
});

describe('roles and the acting user', () => {
  it.each(['analyst', 'display'])('a %s may read but not write (403 naming role)', async (username) => {
    const a = await logIn(base, username);
    expect((await call('GET', '/api/risk?level=town', { auth: a })).status).toBe(200);
    expectError(await report(a), 403, 'role', 'forbidden');
    expectError(await call('POST', '/api/transfers/1/actions', { auth: a, body: { action: 'receive' } }), 403, 'role');
    expect((await call('GET', '/api/disputes/1', { auth: a })).body.actions).toBeUndefined();
  });

  it('acts as the logged-in user: no actor needed, the same one accepted, another one refused with 403 naming actor', async () => {
    const w = await logIn(base, `grid-${grid.code}`);
    const mine = { role: 'grid_worker', unit: grid.code };
    const d = (await report(w)).body;
    expect(d.grid.code).toBe(grid.code);
    const history = (await call('GET', `/api/disputes/${d.id}/history`, { auth: w })).body.events;
    expect(history.map((e: any) => [e.action, e.actor_role, e.actor_unit])).toEqual([['report', 'grid_worker', grid.code]]);
    expect((await report(w, { actor: mine })).status).toBe(201);
    expectError(await report(w, { actor: { role: 'commander', unit: '620802' } }), 403, 'actor', 'forbidden');
    expectError(await call('POST', `/api/disputes/${d.id}/actions`, { auth: w, body: { action: 'accept', actor: { role: 'town_leader', unit: grid.town } } }), 403, 'actor');
    // The buttons' actions are the session's: the grid worker may accept its own grid's report.
    const one = (await call('GET', `/api/disputes/${d.id}`, { auth: w })).body;
    expect(one.actions.find((a: any) => a.action === 'accept')).toMatchObject({ ok: true });
    const accepted = await call('POST', `/api/disputes/${d.id}/actions`, { auth: w, body: { action: 'accept' } });
    expect([accepted.status, accepted.body.event.actor_unit]).toEqual([200, grid.code]);
    // A grid worker elsewhere cannot see the dispute at all: 404, as if it did not exist (its scope is its grid).
    const other = await logIn(base, 'grid-620802001001001');
    const refused = await call('POST', `/api/disputes/${d.id}/actions`, { auth: other, body: { action: 'mediate' } });
    expect([refused.status, refused.body.code, refused.body.parameter]).toEqual([404, 'not_found', 'id']);
    // The town's leader does see it.
    const leader = await logIn(base, `town-${grid.town}`);
    expect((await call('GET', `/api/disputes/${d.id}`, { auth: leader })).status).toBe(200);
  });
});

describe('wall-display credentials', () => {
  it('are created by the commander only, log a display in, and once revoked log nobody in', async () => {
    const c = await logIn(base, 'commander');
    const leader = await logIn(base, `town-${grid.town}`);
    expectError(await call('POST', '/api/auth/display-credentials', { auth: leader, body: { label: '乡镇大屏' } }), 403, 'role');
    expectError(await call('GET', '/api/auth/display-credentials', { auth: leader }), 403, 'role');
    const created = await call('POST', '/api/auth/display-credentials', { auth: c, body: { label: '指挥中心主屏' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ label: '指挥中心主屏', username: 'display', revoked_at: null });
    expect(created.body.token).toMatch(/^pd_[A-Za-z0-9_-]{43}$/);
    const listed = (await call('GET', '/api/auth/display-credentials', { auth: c })).body.credentials;
    expect(listed.find((x: any) => x.id === created.body.id)).toMatchObject({ label: '指挥中心主屏', revoked_at: null, created_by: 'commander' });
    expect(JSON.stringify(listed)).not.toContain(created.body.token);

    const wall = await call('POST', '/api/auth/display-login', { body: { token: created.body.token } });
    expect([wall.status, wall.body.user.role, wall.body.session.kind]).toEqual([200, 'display', 'display']);
    expect(wall.headers.getSetCookie()[0]).toContain(`Max-Age=${90 * 86_400}`);
    const cookie = wall.headers.getSetCookie().map((x) => x.split(';')[0]).join('; ');
    expect((await call('GET', '/api/risk?level=town', { headers: { cookie } })).status).toBe(200);

    const revoked = await call('DELETE', `/api/auth/display-credentials/${created.body.id}`, { auth: c });
    expect([revoked.status, typeof revoked.body.revoked_at]).toEqual([200, 'string']);
    expectError(await call('GET', '/api/risk?level=town', { headers: { cookie } }), 401, 'session');
    expectError(await call('POST', '/api/auth/display-login', { body: { token: created.body.token } }), 401, 'token', 'invalid_credentials');
    expectError(await call('DELETE', '/api/auth/display-credentials/999999', { auth: c }), 404, 'id');
  });
});

describe('the audit log', () => {
  it('holds log-ins, failed log-ins and writes, with who and from where', async () => {
    await login('commander', 'wrong-password-again');
    const a = await logIn(base, 'commander');
    const d = (await report(a)).body;
    const [failed] = (await audit('login_failed')).slice(-1);
    expect(failed).toMatchObject({ username: 'commander', user_id: null, ip: expect.stringMatching(/127\.0\.0\.1/) });
    expect(failed.detail).toEqual({ reason: 'wrong_password' });
    expect((await audit('login')).at(-1)).toMatchObject({ username: 'commander', role: 'commander', target_kind: 'session' });
    const [write] = (await audit('dispute_report')).filter((e) => e.target_id === String(d.id));
    expect(write).toMatchObject({ username: 'commander', role: 'commander', target_kind: 'dispute' });
    expect(write.detail).toMatchObject({ method: 'POST', path: '/api/disputes', status: 201 });
    expect((await audit('logout')).length).toBeGreaterThan(0);
    expect((await audit('display_credential_create')).length).toBeGreaterThan(0);
  });

  it('commits a write and its entry together: when the entry cannot be written, the write is undone', async () => {
    const a = await logIn(base, 'commander');
    const count = async () => Number((await rb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM disputes')).rows[0].n);
    const before = await count();
    // A fault in the audit store: inserting a report's entry fails.
    await rb.db.exec(`CREATE FUNCTION audit_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit store down'; END $$;
      CREATE TRIGGER audit_fault BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = 'dispute_report') EXECUTE FUNCTION audit_fault();`);
    try {
      const r = await report(a);
      expect(r.status).toBe(500);
      expect(await count()).toBe(before);
    } finally {
      await rb.db.exec('DROP TRIGGER audit_fault ON audit_log; DROP FUNCTION audit_fault();');
    }
    const ok = await report(a);
    expect(ok.status).toBe(201);
    expect(await count()).toBe(before + 1);
    expect((await audit('dispute_report')).filter((e) => e.target_id === String(ok.body.id))).toHaveLength(1);
  });

  it('can be searched by the commander only, newest first, and the search is audited too', async () => {
    const c = await logIn(base, 'commander');
    const r = await call('GET', '/api/audit?action=login_failed&username=commander&limit=5', { auth: c });
    expect(r.status).toBe(200);
    expect(r.body.total).toBe((await audit('login_failed')).filter((e) => e.username === 'commander').length);
    expect(r.body.entries.length).toBe(Math.min(5, r.body.total));
    expect(r.body.entries.every((e: any) => e.action === 'login_failed' && e.username === 'commander')).toBe(true);
    const ats = r.body.entries.map((e: any) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const writes = await call('GET', `/api/audit?target_kind=dispute&datetime=${new Date(clock - 60_000).toISOString()}/..`, { auth: c });
    expect(writes.body.entries.every((e: any) => e.target_kind === 'dispute' && e.at >= new Date(clock - 60_000).toISOString())).toBe(true);
    expect((await audit('audit_search')).at(-1)).toMatchObject({ username: 'commander', target_kind: 'audit_log' });
    expectError(await call('GET', '/api/audit', { auth: await logIn(base, 'analyst') }), 403, 'role');
    expectError(await call('GET', '/api/audit?limit=5000', { auth: c }), 400, 'limit');
    expectError(await call('GET', "/api/audit?username=a'b", { auth: c }), 400, 'username');
  });

  it('refuses UPDATE and DELETE', async () => {
    await expect(rb.db.query("UPDATE audit_log SET username = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(rb.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

/** An open /api/events stream: what it has sent so far, and when it ends. */
function openStream(at: string, cookie: string): { text: () => string; ended: Promise<void> } {
  let text = '';
  const ended = new Promise<void>((ok) => {
    http.get(`${at}/api/events`, { headers: { cookie } }, (r) => {
      r.setEncoding('utf8');
      r.on('data', (c: string) => { text += c; });
      r.on('end', () => ok());
    });
  });
  return { text: () => text, ended };
}
