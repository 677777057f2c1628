/**
 * Startup benchmark: how long until the server answers, measured from outside as a person sees it:
 * process spawn → the "ready in" log line → the first 200 from /api/health.
 *
 *   embedded first start   fresh DATA_DIR: create PGlite + PostGIS, migrate, generate and load the data set (n = 1)
 *   embedded warm restart  the same folder again (median of RUNS)
 *   baseline               a bare process on the same folder: PGlite.create(dir, {extensions: {postgis}})
 *                          + SELECT postgis_version(), nothing else (median of RUNS, interleaved with the above)
 *   PostGIS (DATABASE_URL) migrate + ensureSeeded in this process when the database is empty, then
 *                          server restarts against it and a bare `pg` connect + postgis_version() baseline
 *
 * Usage: npx tsx scripts/bench-startup.ts
 *   DATA_DIR   embedded folder; absent or empty → the first start is measured there, already holding a
 *              database → first start skipped. Unset → a temporary folder, deleted afterwards (KEEP=1 keeps it).
 *   RUNS       restarts per kind (default 5). SEED_SCALE, SEED_DISPUTE_SCALE, SEED_AS_OF go to the server.
 *   DATABASE_URL  also measure the PostGIS engine (never drops or rewrites an already seeded database).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median, now, p95, printTable, ratio, secs } from './bench-lib.ts';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SELF = fileURLToPath(import.meta.url);
const START_TIMEOUT_MS = 20 * 60_000;

// ---- child modes: the bare baselines, run in their own process like the server --------------------
if (process.argv[2] === '--bare-pglite') {
  const t0 = now();
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const pg = await PGlite.create(process.argv[3], { extensions: { postgis } });
  const v = (await pg.query<{ v: string }>('SELECT postgis_version() AS v')).rows[0].v;
  console.log(`bare ready in ${(now() - t0).toFixed(0)} ms (postgis ${v})`);
  await pg.close();
  process.exit(0);
}
if (process.argv[2] === '--bare-pg') {
  const t0 = now();
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const v = (await client.query('SELECT postgis_version() AS v')).rows[0].v;
  console.log(`bare ready in ${(now() - t0).toFixed(0)} ms (postgis ${v})`);
  await client.end();
  process.exit(0);
}

// ---- parent ------------------------------------------------------------------------------------------
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => res(p));
    });
    s.on('error', rej);
  });
}

interface StartResult {
  /** spawn → the ready line */
  readyMs: number;
  /** spawn → first 200 from /api/health (null for the bare baselines, which serve nothing) */
  healthMs: number | null;
  /** what the process said about itself in its ready line */
  line: string;
}

/** Spawns `node args` with env, waits for a stdout line matching `ready`, then (with a port) for /api/health. */
async function timeStart(args: string[], env: NodeJS.ProcessEnv, port: number | null, echo = false): Promise<StartResult> {
  const t0 = now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  try {
    const { readyMs, line } = await new Promise<{ readyMs: number; line: string }>((res, rej) => {
      const timer = setTimeout(() => rej(new Error('timed out waiting for the ready line')), START_TIMEOUT_MS);
      child.stdout.on('data', (d: Buffer) => {
        const chunk = d.toString();
        if (echo) process.stdout.write(`    │ ${chunk.trimEnd().replace(/\n/g, '\n    │ ')}\n`);
        out += chunk;
        const m = out.split('\n').find((l) => /ready in/.test(l));
        if (m) {
          clearTimeout(timer);
          res({ readyMs: now() - t0, line: m.trim() });
        }
      });
      void exited.then((code) => rej(new Error(`process exited (${code}) before ready:\n${out}\n${err}`)));
    });
    let healthMs: number | null = null;
    if (port !== null) {
      for (let i = 0; i < 200 && healthMs === null; i++) {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (r?.ok) {
          await r.arrayBuffer();
          healthMs = now() - t0;
        } else await new Promise((x) => setTimeout(x, 25));
      }
      if (healthMs === null) throw new Error('/api/health never answered 200');
    }
    return { readyMs, healthMs, line };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((x) => setTimeout(() => x('timeout'), 30_000))]);
    if (code === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  }
}

const serverArgs = [TSX, 'server/src/main.ts'];
const bareArgs = (mode: string, arg?: string) => [TSX, SELF, mode, ...(arg ? [arg] : [])];
const runs = Math.max(1, Math.min(50, Number(process.env.RUNS ?? 5)));
const table: (string | number)[][] = [];
const row = (what: string, n: number, xs: number[], base?: number, note = '') =>
  table.push([what, n, secs(median(xs)), n > 1 ? secs(p95(xs)) : '–', base ? ratio(median(xs) / base) : '', note]);

console.log(`# bench-startup\nmachine: ${machineLine()}`);

// ---- embedded ----------------------------------------------------------------------------------------
const given = process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : null;
const dataDir = given ?? join(mkdtempSync(join(tmpdir(), 'pingan-bench-')), 'data');
const fresh = !existsSync(dataDir) || readdirSync(dataDir).length === 0;
const embeddedEnv = { ...process.env, DATA_DIR: dataDir, TILE_CACHE_SIZE: '0' } as NodeJS.ProcessEnv;
delete embeddedEnv.DATABASE_URL;
console.log(`embedded folder: ${dataDir} (${fresh ? 'fresh: first start measured' : 'already holds a database: first start not measured'})`);
console.log(`seed settings passed to the server: SEED_SCALE=${process.env.SEED_SCALE ?? '1 (default)'} SEED_DISPUTE_SCALE=${process.env.SEED_DISPUTE_SCALE ?? '(= scale)'} SEED_AS_OF=${process.env.SEED_AS_OF ?? '(today)'}`);

if (fresh) {
  console.log('first start (n = 1; the server log follows)…');
  const port = await freePort();
  const r = await timeStart(serverArgs, { ...embeddedEnv, PORT: String(port) }, port, true);
  row('embedded first start (fresh folder, seeds)', 1, [r.healthMs!], undefined, `log: "${r.line.replace(/^\[[^\]]*\] /, '').slice(0, 40)}"`);
}

// Round 0 is a discarded warm-up of each kind (file cache, tsx transform cache); then they alternate.
const bare: number[] = [];
const bareInside: number[] = [];
const warm: number[] = [];
const warmReady: number[] = [];
for (let i = 0; i <= runs; i++) {
  const b = await timeStart(bareArgs('--bare-pglite', dataDir), embeddedEnv, null);
  const port = await freePort();
  const w = await timeStart(serverArgs, { ...embeddedEnv, PORT: String(port) }, port);
  console.log(`  round ${i}${i === 0 ? ' (warm-up, discarded)' : ''}: bare ${secs(b.readyMs)} [${b.line}]  server ${secs(w.healthMs!)} [${w.line.replace(/^\[[^\]]*\] /, '').slice(0, 16)}]`);
  if (i === 0) continue;
  bare.push(b.readyMs);
  bareInside.push(Number(/ready in (\d+) ms/.exec(b.line)?.[1]));
  warm.push(w.healthMs!);
  warmReady.push(w.readyMs);
}
const bareMed = median(bare);
row('baseline: bare PGlite + PostGIS process (spawn → postgis_version())', runs, bare, bareMed);
row('  of which inside the process (PGlite.create + query)', runs, bareInside, bareMed);
row('embedded warm restart (spawn → "ready in")', runs, warmReady, bareMed);
row('embedded warm restart (spawn → /api/health 200)', runs, warm, bareMed, 'target ≤ 1.50×');

if (!given && process.env.KEEP !== '1') rmSync(join(dataDir, '..'), { recursive: true, force: true });
else console.log(`kept ${dataDir}`);

// ---- real PostGIS ------------------------------------------------------------------------------------
const url = process.env.DATABASE_URL;
if (!url) {
  console.log('DATABASE_URL not set: the PostGIS engine is not measured.');
} else {
  const { openPostgres } = await import('../server/src/db/open-postgres.ts');
  const { migrate } = await import('../server/src/db/migrate.ts');
  const { ensureSeeded } = await import('../server/src/db/seed.ts');
  const { readSeedConfig } = await import('../server/src/config.ts');
  const db = await openPostgres(url);
  const empty = (await db.query<{ t: string | null }>("SELECT to_regclass('public.dataset_meta')::text AS t")).rows[0].t === null;
  if (empty) {
    const cfg = readSeedConfig();
    console.log(`PostGIS seeding (migrate + ensureSeeded, in this process, ${JSON.stringify(cfg)})…`);
    const t0 = now();
    await migrate(db);
    const tm = now() - t0;
    await ensureSeeded(db, cfg, (m) => console.log(`    │ ${m}`));
    const tAll = now() - t0;
    table.push(['PostGIS migrate (incl. CREATE EXTENSION postgis)', 1, secs(tm), '–', '', '']);
    table.push(['PostGIS migrate + ensureSeeded (full seed)', 1, secs(tAll), '–', '', `scale ${cfg.scale}, disputes ${cfg.disputeScale}`]);
  } else {
    console.log('PostGIS database already holds a schema: seeding not measured (use an empty database to measure it).');
  }
  await db.close();
  const pgEnv = { ...process.env, TILE_CACHE_SIZE: '0' } as NodeJS.ProcessEnv;
  const pgBare: number[] = [];
  const pgWarm: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const b = await timeStart(bareArgs('--bare-pg'), pgEnv, null);
    const port = await freePort();
    const w = await timeStart(serverArgs, { ...pgEnv, PORT: String(port) }, port);
    if (i === 0) continue;
    pgBare.push(b.readyMs);
    pgWarm.push(w.healthMs!);
  }
  const pgBareMed = median(pgBare);
  row('baseline: bare `pg` process (spawn → connect + postgis_version())', runs, pgBare, pgBareMed);
  row('PostGIS server restart (spawn → /api/health 200)', runs, pgWarm, pgBareMed);
}

console.log(`\nmachine at the end: ${machineLine()}\n`);
printTable(['what', 'n', 'median', 'p95', 'vs baseline', 'note'], table);
