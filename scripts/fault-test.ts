/**
 * Fault test (CI, after the PostgreSQL test run): an in-process app over DATABASE_URL takes reports
 * from a few concurrent clients (each with an Idempotency-Key, retried with the same key until
 * acknowledged, like a handset), PostgreSQL is stopped with pg_ctl in the middle and started again,
 * then every acknowledged (2xx) report must be in the database exactly once, the server must have
 * answered 503 (never 500, never hung) while it was down, and it must have taken reports again after.
 *
 *   DATABASE_URL=… FAULT_PG_CTL=/usr/lib/postgresql/15/bin/pg_ctl FAULT_PG_DATA=/path/pg \
 *   FAULT_PG_OPTS="-p 5433 -c listen_addresses=127.0.0.1 -k /path/pg" [FAULT_PG_USER=postgres] npx tsx scripts/fault-test.ts
 *
 * The database must be migrated and seeded (the test run leaves it so). Writes need a session when
 * log-in exists: logIn() below is the one place that knows how (commander, FAULT_PASSWORD or
 * DEMO_PASSWORD, default the test seed's password).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../server/src/app.ts';
import { openPostgres } from '../server/src/db/open-postgres.ts';

const env = (name: string, def?: string) => {
  const v = process.env[name] ?? def;
  if (v === undefined || v === '') throw new Error(`${name} is required (see the top of scripts/fault-test.ts)`);
  return v;
};
const URL_ = env('DATABASE_URL');
const PG_CTL = env('FAULT_PG_CTL');
const PG_DATA = env('FAULT_PG_DATA');
const PG_OPTS = env('FAULT_PG_OPTS');
const PG_USER = process.env.FAULT_PG_USER ?? (process.getuid?.() === 0 ? 'postgres' : '');
const DURATION_MS = Number(process.env.FAULT_DURATION_MS ?? 20_000);
const CLIENTS = Number(process.env.FAULT_CLIENTS ?? 4);
const REQUEST_TIMEOUT_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (m: string) => console.log(`[fault ${new Date().toISOString().slice(11, 23)}] ${m}`);

/** Async, so the server keeps answering while pg_ctl waits for the stop or the start. */
async function pgCtl(...args: string[]): Promise<void> {
  const cmd = PG_USER ? ['runuser', ['-u', PG_USER, '--', PG_CTL, ...args]] as const : [PG_CTL, args] as const;
  const { stdout } = await promisify(execFile)(cmd[0], [...cmd[1]]);
  if (stdout.trim()) log(`pg_ctl: ${stdout.trim().split('\n').at(-1)}`);
}

/** Session headers for writes; none while the app has no log-in (POST /api/auth/login → 404). */
async function logIn(base: string): Promise<Record<string, string>> {
  const password = process.env.FAULT_PASSWORD ?? process.env.DEMO_PASSWORD ?? 'pingan-test-password';
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'commander', password }) });
  if (r.status === 404) return {};
  if (r.status !== 200) throw new Error(`log-in failed: ${r.status} ${await r.text()}`);
  const cookies = new Map(r.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
  const session = cookies.get('pingan_session'), csrf = cookies.get('pingan_csrf');
  if (!session || !csrf) throw new Error('log-in set no session/CSRF cookie');
  return { cookie: `pingan_session=${session}; pingan_csrf=${csrf}`, 'x-csrf-token': decodeURIComponent(csrf) };
}

interface Ack { key: string; summary: string; id: number }

async function main(): Promise<void> {
  const db = await openPostgres(URL_, { connectTimeoutMs: 1_000, statementTimeoutMs: 5_000, retryAfterS: 1 });
  const points = (await db.query<{ x: number; y: number }>('SELECT ST_X(ST_PointOnSurface(geom)) x, ST_Y(ST_PointOnSurface(geom)) y FROM grids ORDER BY code LIMIT 50')).rows;
  if (points.length === 0) throw new Error('the database is not seeded (no grids): run the tests against it first');
  const errors: string[] = [];
  const app = createApp({ db, log: { error: (...a: unknown[]) => void errors.push(a.map(String).join(' ').slice(0, 200)) } });
  const server: Server = await new Promise((r) => { const s = app.listen(0, '127.0.0.1', () => r(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let headers = await logIn(base);
  const tag = `fault-test ${randomUUID().slice(0, 8)}`;

  const acks: Ack[] = [];
  const statuses = new Map<number, number>();
  let hangs = 0, down = false, stopped = false, during503 = 0, afterRestart = 0, restartedAt = Infinity;
  const other: string[] = [];

  async function client(n: number): Promise<void> {
    let i = 0;
    while (!stopped) {
      const key = randomUUID();
      const summary = `${tag} client ${n} report ${i++}`;
      const p = points[(n * 7 + i) % points.length];
      const body = JSON.stringify({ geometry: { type: 'Point', coordinates: [Number(p.x), Number(p.y)] }, type: 'neighbour', summary,
        actor: { role: 'commander', unit: '620802' } });
      // The same key until acknowledged, as a handset retries.
      for (let attempt = 0; !stopped || attempt === 0; attempt++) {
        let status: number;
        let text = '';
        try {
          const r = await fetch(`${base}/api/disputes`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key, ...headers }, body,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          status = r.status;
          text = await r.text();
        } catch (e) {
          hangs++;
          other.push(`no answer in ${REQUEST_TIMEOUT_MS} ms: ${(e as Error).message}`);
          break;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) {
          acks.push({ key, summary, id: JSON.parse(text).id });
          if (Date.now() > restartedAt) afterRestart++;
          break;
        }
        if (status === 503) {
          if (down) during503++;
          await sleep(200);
          continue;
        }
        if (status === 401) headers = await logIn(base).catch(() => headers); // a session lost with the database
        other.push(`${status} ${text.slice(0, 200)}`);
        break;
      }
    }
  }

  log(`${CLIENTS} clients reporting for ${DURATION_MS / 1000} s; PostgreSQL stops at ${DURATION_MS * 0.3 / 1000} s and starts at ${DURATION_MS * 0.6 / 1000} s`);
  const running = Array.from({ length: CLIENTS }, (_, n) => client(n));
  await sleep(DURATION_MS * 0.3);
  const before = acks.length;
  log(`${before} reports acknowledged; stopping PostgreSQL (pg_ctl -m fast stop)`);
  down = true;
  await pgCtl('-D', PG_DATA, '-m', 'fast', '-w', 'stop');
  await sleep(DURATION_MS * 0.3);
  log(`starting PostgreSQL again (${acks.length - before} acknowledged while it was down)`);
  await pgCtl('-D', PG_DATA, '-l', `${PG_DATA}/server.log`, '-w', '-o', PG_OPTS, 'start');
  down = false;
  restartedAt = Date.now();
  await sleep(DURATION_MS * 0.4);
  stopped = true;
  await Promise.all(running);
  server.close();

  // Every acknowledged report is there exactly once; no report of this run is there twice.
  const rows = (await db.query<{ id: number; summary: string }>('SELECT id, summary FROM disputes WHERE summary LIKE $1', [`${tag} %`])).rows;
  const bySummary = new Map<string, number[]>();
  for (const r of rows) bySummary.set(r.summary, [...(bySummary.get(r.summary) ?? []), Number(r.id)]);
  const missing = acks.filter((a) => !(bySummary.get(a.summary) ?? []).includes(a.id));
  const doubled = [...bySummary].filter(([, ids]) => ids.length > 1);
  await db.close();

  const counts = [...statuses].sort().map(([s, n]) => `${s}×${n}`).join(', ');
  log(`answers: ${counts}; acknowledged ${acks.length}, ${afterRestart} after the restart; 503s during the outage ${during503}; hangs ${hangs}`);
  log(`in the database: ${rows.length} reports of this run; acknowledged but missing ${missing.length}; stored twice ${doubled.length}`);
  const failures = [
    missing.length > 0 && `${missing.length} acknowledged reports are missing (e.g. ${JSON.stringify(missing[0])})`,
    doubled.length > 0 && `${doubled.length} reports were stored more than once`,
    (statuses.get(500) ?? 0) > 0 && `${statuses.get(500)} answers were 500`,
    hangs > 0 && `${hangs} requests got no answer within ${REQUEST_TIMEOUT_MS} ms`,
    during503 === 0 && 'no 503 was seen while PostgreSQL was down',
    afterRestart === 0 && 'no report was acknowledged after PostgreSQL came back',
    other.length > 0 && `${other.length} unexpected answers, e.g. ${other[0]}`,
  ].filter(Boolean);
  if (failures.length) {
    for (const f of failures) console.error(`FAIL: ${f}`);
    process.exit(1);
  }
  log('OK: every acknowledged write is present once; 503 while down; recovered by itself');
  process.exit(0);
}

main().catch((e) => {
  console.error('fault test crashed:', e);
  process.exit(1);
});
