/**
 * Load benchmark (`npm run bench:load`): requests per second and p50/p99 latency of the map's main
 * endpoints with 50 and 200 concurrent clients, each for a fixed duration, against createApp in this
 * process on 127.0.0.1 (embedded engine; also PostGIS when DATABASE_URL is set). The baseline is
 * GET /api/health (one trivial query) measured in the same run at the same concurrency, before and
 * after the endpoints (the median of both is the baseline), so ratios survive a busy machine.
 * Every non-2xx answer or failed request is counted as an error and reported; zero are expected.
 *
 *   endpoints  tiles grids z10/z12/z14 and disputes z12 at the city centre (server tile cache on, as
 *              served), /api/risk?level=town, /api/disputes/clusters (city bbox, z12),
 *              /api/areas/{town}, /api/labels
 *
 * Usage: npm run bench:load   (embedded engine in DATA_DIR, default ./data, seeded on first use)
 *        DATABASE_URL=postgres://… npm run bench:load
 *   LOAD_SECONDS (default 5) per endpoint and concurrency; CONCURRENCY (default 50,200); ENGINES=pglite,postgis.
 * When the app needs a session, logIn() below logs in as BENCH_USER (default commander) with BENCH_PASSWORD or DEMO_PASSWORD.
 */
import { createApp } from '../server/src/app.ts';
import { readConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { ensureSeeded } from '../server/src/db/seed.ts';
import { machineLine, median, ms, now, printTable, quantile, ratio, serve, tileAt } from './bench-lib.ts';

const SECONDS = Math.max(1, Math.min(120, Number(process.env.LOAD_SECONDS ?? 5) || 5));
const LEVELS = (process.env.CONCURRENCY ?? '50,200').split(',').map(Number).filter((n) => n > 0 && n <= 2000);
const CENTRE: [number, number] = [106.675, 35.543];

async function logIn(base: string): Promise<Record<string, string>> {
  const password = process.env.BENCH_PASSWORD || process.env.DEMO_PASSWORD || '';
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: process.env.BENCH_USER || 'commander', password }) });
  if (r.status === 404) return {};
  if (r.status !== 200) throw new Error(`log-in failed (${r.status}): set BENCH_PASSWORD to the demo accounts' password`);
  const cookies = new Map(r.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
  return { cookie: `pingan_session=${cookies.get('pingan_session')}; pingan_csrf=${cookies.get('pingan_csrf')}` };
}

interface Result { n: number; errors: number; rps: number; p50: number; p99: number; firstError: string | null }

/** `clients` loops fetching `path` for SECONDS; latency of each whole response. */
async function load(base: string, path: string, clients: number, headers: Record<string, string>): Promise<Result> {
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const end = now() + SECONDS * 1000;
  const t0 = now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (now() < end) {
      const s = now();
      try {
        const r = await fetch(base + path, { headers });
        await r.arrayBuffer();
        if (r.status >= 300) {
          errors++;
          firstError ??= `${r.status}`;
        }
      } catch (e) {
        errors++;
        firstError ??= String((e as { cause?: { code?: string } }).cause?.code ?? e);
      }
      lat.push(now() - s);
    }
  }));
  const wall = now() - t0;
  return { n: lat.length, errors, rps: (lat.length / wall) * 1000, p50: median(lat), p99: quantile(lat, 0.99), firstError };
}

async function openEngine(engine: 'pglite' | 'postgis'): Promise<{ db: Database; data: string }> {
  const config = readConfig();
  const db = engine === 'postgis'
    ? await (await import('../server/src/db/open-postgres.ts')).openPostgres(config.databaseUrl!)
    : await (await import('../server/src/db/open-pglite.ts')).openPglite(config.dataDir);
  await migrate(db);
  await ensureSeeded(db, config.seed, (m) => console.log(`    │ ${m}`), { demoPassword: config.demoPassword });
  const meta = (await db.query<{ value: any }>("SELECT value FROM dataset_meta WHERE key = 'dataset'")).rows[0]?.value;
  const v = typeof meta === 'string' ? JSON.parse(meta) : meta;
  const g = v?.generator ?? {};
  return { db, data: `data scale ${g.scale}, dispute scale ${g.dispute_scale}, as of ${g.as_of}, ${v?.counts?.disputes} disputes` };
}

async function benchEngine(engine: 'pglite' | 'postgis', rows: (string | number)[][]): Promise<void> {
  const { db, data } = await openEngine(engine);
  console.log(`\n## ${engine}: ${data}`);
  const server = await serve(createApp({ db }));
  const headers = await logIn(server.base);
  const town = (await db.query<{ code: string }>('SELECT code FROM towns ORDER BY code LIMIT 1')).rows[0].code;
  const tile = (layer: string, z: number) => {
    const t = tileAt(CENTRE, z);
    return `/api/tiles/${layer}/${z}/${t.x}/${t.y}.mvt`;
  };
  const endpoints: [string, string][] = [
    ['tile grids z10', tile('grids', 10)], ['tile grids z12', tile('grids', 12)], ['tile grids z14', tile('grids', 14)],
    ['tile disputes z12', tile('disputes', 12)], ['risk (towns)', '/api/risk?level=town'],
    ['disputes/clusters z12', '/api/disputes/clusters?bbox=106.60,35.50,106.75,35.58&zoom=12'], [`areas/${town}`, `/api/areas/${town}`], ['labels', '/api/labels'],
  ];
  // Warm-up: one request each (caches, plans), not measured.
  for (const [, p] of [['health', '/api/health'] as const, ...endpoints]) await (await fetch(server.base + p, { headers })).arrayBuffer();
  for (const clients of LEVELS) {
    const before = await load(server.base, '/api/health', clients, headers);
    const results: [string, Result][] = [];
    for (const [name, p] of endpoints) {
      results.push([name, await load(server.base, p, clients, headers)]);
      console.log(`  ${clients} clients  ${name}: ${results.at(-1)![1].rps.toFixed(0)} req/s`);
    }
    const after = await load(server.base, '/api/health', clients, headers);
    const base = { rps: (before.rps + after.rps) / 2, p99: (before.p99 + after.p99) / 2 };
    rows.push([engine, clients, 'health (baseline, before/after)', before.n + after.n, `${before.rps.toFixed(0)} / ${after.rps.toFixed(0)}`, `${ms(before.p50)} / ${ms(after.p50)}`,
      `${ms(before.p99)} / ${ms(after.p99)}`, '1.00×', '1.00×', before.errors + after.errors]);
    for (const [name, r] of results) {
      rows.push([engine, clients, name, r.n, r.rps.toFixed(0), ms(r.p50), ms(r.p99), ratio(r.rps / base.rps), ratio(r.p99 / base.p99), r.errors ? `${r.errors} (${r.firstError})` : 0]);
    }
  }
  await server.close();
  await db.close();
}

async function main(): Promise<void> {
  console.log(`machine: ${machineLine()}`);
  const engines = (process.env.ENGINES ?? (process.env.DATABASE_URL ? 'pglite,postgis' : 'pglite')).split(',') as ('pglite' | 'postgis')[];
  if (!process.env.DATABASE_URL) console.log('DATABASE_URL unset: measuring the embedded engine only');
  const rows: (string | number)[][] = [];
  for (const e of engines) await benchEngine(e, rows);
  console.log(`\n${SECONDS} s per endpoint and concurrency; ratios to /api/health at the same concurrency in the same run\n`);
  printTable(['engine', 'clients', 'endpoint', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'req/s vs health', 'p99 vs health', 'errors'], rows);
  console.log(`\nmachine at end: ${machineLine()}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
