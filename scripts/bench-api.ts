/**
 * API and tile benchmark (`npm run bench`). For each engine it compares the HTTP endpoint, served by
 * createApp in this process on 127.0.0.1, with the same SQL run directly through the db layer in the
 * same process (the physical limit), interleaving the two so that drift on a shared machine hits both:
 *
 *   items   grids whole (limit=10000) and disputes by bbox (city and rural boxes, limit=1000):
 *           median/p95 latency; direct = itemsPageSql + itemsCountSql, as the service runs them;
 *           "HTTP floor" = the same response bytes from a bare Express route, fetched the same way
 *   tiles   a fixed set (z8–14 at a city, a valley and an upland point; layers grids, villages, towns,
 *           disputes, cameras; tiles below a layer's minzoom left out since they cost no SQL):
 *           median/p95 latency uncached; throughput with 8 in flight, uncached (tileCacheSize 0) and
 *           with the cache warm, as a ratio to the direct tile SQL (rounds alternate the arms).
 *           Direct = tileSql 'mvt' (ST_AsMVT) on PostGIS; tileSql 'rows' + encodeTileRows on PGlite
 *           (what the server runs there).
 *
 * Usage: npm run bench        (embedded engine in DATA_DIR, default ./data; seeded on first use;
 *                              stop a server using that folder first: PGlite is single-process)
 *        DATABASE_URL=postgres://… npm run bench     (also the PostGIS engine, seeded if empty)
 *   ITEMS_N (default 30) samples per items case; TILE_REPS (default 3) uncached samples per tile;
 *   ROUNDS (default 5) throughput rounds per arm; CONCURRENCY (default 8); ENGINES=pglite,postgis.
 */
import express from 'express';
import { createApp } from '../server/src/app.ts';
import { readConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { ensureSeeded } from '../server/src/db/seed.ts';
import { ALL_SCOPE } from '../server/src/domain/access-scope.ts';
import { findCollection, findTileLayer, type CollectionDef } from '../server/src/domain/collections.ts';
import { parseItemsQuery } from '../server/src/domain/parse-items-query.ts';
import { itemsCountSql, itemsPageSql } from '../server/src/sql/items-sql.ts';
import { tileSql } from '../server/src/sql/tile-sql.ts';
import { encodeTileRows, type TileRow } from '../server/src/tiles/encode-mvt.ts';
import { fetchBody, machineLine, resets, median, ms, now, p95, printTable, ratio, runConcurrent, serve, tileAt } from './bench-lib.ts';

const env = (k: string, def: number, max: number) => Math.max(1, Math.min(max, Number(process.env[k] ?? def) || def));
const ITEMS_N = env('ITEMS_N', 30, 1000);
const TILE_REPS = env('TILE_REPS', 3, 100);
const ROUNDS = env('ROUNDS', 5, 20);
const CONCURRENCY = env('CONCURRENCY', 8, 64);
/** A case stops early once it has this many ms of samples (and at least 10 pairs). */
const CASE_BUDGET_MS = 60_000;

const ITEMS_CASES: { name: string; collection: string; query: Record<string, string> }[] = [
  { name: 'grids whole (limit=10000)', collection: 'grids', query: { limit: '10000' } },
  { name: 'disputes bbox city centre 0.04°×0.03°', collection: 'disputes', query: { bbox: '106.66,35.53,106.70,35.56', limit: '1000' } },
  { name: 'disputes bbox urban core 0.10°×0.05°', collection: 'disputes', query: { bbox: '106.62,35.52,106.72,35.57', limit: '1000' } },
  { name: 'disputes bbox rural valley (白水)', collection: 'disputes', query: { bbox: '106.95,35.42,107.05,35.48', limit: '1000' } },
  { name: 'disputes bbox rural uplands (寨河)', collection: 'disputes', query: { bbox: '106.67,35.67,106.77,35.73', limit: '1000' } },
];

const TILE_LAYERS = ['grids', 'villages', 'towns', 'disputes', 'cameras'];
/** City centre (中街), Jing valley (白水), northern uplands (寨河), [lng, lat]. */
const TILE_POINTS: [number, number][] = [[106.675, 35.543], [107.0, 35.45], [106.72, 35.7]];
interface TileJob { layer: CollectionDef; z: number; x: number; y: number; path: string }

function tileJobs(): TileJob[] {
  const jobs: TileJob[] = [];
  const seen = new Set<string>();
  for (const id of TILE_LAYERS) {
    const layer = findTileLayer(id)!;
    for (let z = Math.max(8, layer.tiles.minzoom); z <= 14; z++) {
      for (const p of TILE_POINTS) {
        const t = tileAt(p, z);
        const path = `/api/tiles/${id}/${z}/${t.x}/${t.y}.mvt`;
        if (!seen.has(path)) jobs.push({ layer, ...t, path });
        seen.add(path);
      }
    }
  }
  return jobs;
}

/** The tile as the server would render it, without HTTP, service or cache. */
async function directTile(db: Database, j: TileJob): Promise<number> {
  if (db.engine === 'postgis') {
    const q = tileSql(ALL_SCOPE, j.layer, j, 'mvt');
    const { rows } = await db.query<{ mvt: Uint8Array | null }>(q.text, q.values);
    return rows[0]?.mvt?.byteLength ?? 0;
  }
  const q = tileSql(ALL_SCOPE, j.layer, j, 'rows');
  const { rows } = await db.query<TileRow>(q.text, q.values);
  return encodeTileRows(j.layer.id, rows).byteLength;
}

/**
 * Runs the arms one after another, n times after `warmup` unrecorded rounds, rotating which arm goes
 * first so none always follows another; returns one sample array (ms) per arm.
 */
async function interleaved(n: number, warmup: number, arms: (() => Promise<unknown>)[]): Promise<number[][]> {
  const out: number[][] = arms.map(() => []);
  const t0 = now();
  for (let i = -warmup; i < n; i++) {
    for (let k = 0; k < arms.length; k++) {
      const a = (((i + k) % arms.length) + arms.length) % arms.length;
      const s = now();
      await arms[a]();
      if (i >= 0) out[a].push(now() - s);
    }
    if (now() - t0 > CASE_BUDGET_MS && out[0].length >= 10) break;
  }
  return out;
}

/** A bare Express app that sends a fixed body the way the items route does: the HTTP floor for that payload. */
async function staticServer(body: string) {
  const app = express();
  app.disable('x-powered-by');
  app.get('/body', (_req, res) => void res.status(200).type('application/geo+json').send(body));
  app.get('/empty', (_req, res) => void res.status(204).end());
  return serve(app);
}

const latencyRows: (string | number)[][] = [];
const throughputRows: (string | number)[][] = [];
const notes: string[] = [];

function latencyRow(engine: string, what: string, direct: number[], http: number[], target: string, floor?: number[]) {
  const r = median(http) / median(direct);
  latencyRows.push([engine, what, direct.length, ms(median(direct)), ms(p95(direct)), ms(median(http)), ms(p95(http)), ratio(r), target, floor ? ms(median(floor)) : '']);
}

async function openEngine(engine: 'pglite' | 'postgis'): Promise<Database> {
  const config = readConfig();
  let db: Database;
  if (engine === 'postgis') {
    const { openPostgres } = await import('../server/src/db/open-postgres.ts');
    db = await openPostgres(config.databaseUrl!);
  } else {
    const { openPglite } = await import('../server/src/db/open-pglite.ts');
    console.log(`  embedded folder ${config.dataDir}`);
    db = await openPglite(config.dataDir);
  }
  await migrate(db);
  const t0 = now();
  if (await ensureSeeded(db, config.seed, (m) => console.log(`    │ ${m}`))) notes.push(`${engine}: seeded by this run in ${(now() - t0) / 1000} s`);
  const meta = (await db.query<{ value: any }>("SELECT value FROM dataset_meta WHERE key = 'dataset'")).rows[0]?.value;
  const v = typeof meta === 'string' ? JSON.parse(meta) : meta;
  const g = v?.generator ?? {};
  const line = `${engine}: data scale ${g.scale}, dispute scale ${g.dispute_scale}, as of ${g.as_of}, ${v?.counts?.disputes} disputes, ${v?.counts?.grid_day_rows} grid-day rows`;
  console.log(`  ${line}`);
  notes.push(line);
  return db;
}

async function benchEngine(engine: 'pglite' | 'postgis'): Promise<void> {
  console.log(`\n## ${engine}`);
  const db = await openEngine(engine);
  const uncached = await serve(createApp({ db, tileCacheSize: 0 }));
  const cached = await serve(createApp({ db, tileCacheSize: 2000 }));
  try {
    // ---- items -----------------------------------------------------------------------------------
    for (const c of ITEMS_CASES) {
      const def = findCollection(c.collection)!;
      const q = parseItemsQuery(def, c.query);
      const page = itemsPageSql(ALL_SCOPE, def, q);
      const count = itemsCountSql(ALL_SCOPE, def, q);
      const url = `${uncached.base}/api/collections/${c.collection}/items?${new URLSearchParams(c.query)}`;
      let info = '';
      const direct = async () => {
        const { rows } = await db.query<{ feature: string }>(page.text, page.values);
        const n = await db.query<{ n: number }>(count.text, count.values);
        info = `${rows.length} returned of ${n.rows[0].n}`;
      };
      let bytes = 0;
      const http = async () => void (bytes = (await fetchBody(url)).bytes);
      const floorApp = await staticServer(await (await fetch(url)).text());
      const floor = () => fetchBody(`${floorApp.base}/body`);
      const [d, h, f] = await interleaved(ITEMS_N, 3, [direct, http, floor]);
      await floorApp.close();
      console.log(`  items ${c.name}: ${info}, ${(bytes / 1024).toFixed(0)} KiB; direct ${ms(median(d))} ms, http ${ms(median(h))} ms, floor ${ms(median(f))} ms`);
      latencyRow(engine, `items: ${c.name} [${info}, ${(bytes / 1024).toFixed(0)} KiB]`, d, h, '≤ 1.30×', f);
    }

    // ---- tile latency, uncached --------------------------------------------------------------------
    const jobs = tileJobs();
    let mismatched = 0;
    const sizes: { path: string; bytes: number; ms: number }[] = [];
    for (const j of jobs) {
      const t0 = now();
      const a = await directTile(db, j);
      sizes.push({ path: j.path, bytes: a, ms: now() - t0 });
      const b = (await fetchBody(uncached.base + j.path)).bytes;
      if (a !== b) mismatched++;
    }
    if (mismatched) notes.push(`${engine}: ${mismatched} of ${jobs.length} tiles differ in size between HTTP and direct`);
    const total = sizes.reduce((a, x) => a + x.bytes, 0);
    const big = [...sizes].sort((a, b) => b.ms - a.ms).slice(0, 3).map((x) => `${x.path.replace('/api/tiles/', '')} ${(x.bytes / 1024).toFixed(0)} KiB ${ms(x.ms)} ms`);
    notes.push(`${engine}: tile set ${jobs.length} tiles, ${(total / 1024).toFixed(0)} KiB in all; slowest (direct, first render): ${big.join(', ')}`);
    const all: [number[], number[]] = [[], []];
    for (const id of TILE_LAYERS) {
      const mine = jobs.filter((j) => j.layer.id === id);
      const d: number[] = [];
      const h: number[] = [];
      for (const j of mine) {
        const [dj, hj] = await interleaved(TILE_REPS, 0, [() => directTile(db, j), () => fetchBody(uncached.base + j.path)]);
        d.push(...dj);
        h.push(...hj);
      }
      all[0].push(...d);
      all[1].push(...h);
      const zooms = mine.map((j) => j.z);
      latencyRow(engine, `tile ${id} z${Math.min(...zooms)}–${Math.max(...zooms)}, ${mine.length} tiles ×${TILE_REPS}, uncached`, d, h, '');
    }
    latencyRow(engine, `tile all ${jobs.length} tiles, uncached`, all[0], all[1], '');
    console.log(`  tiles: ${jobs.length} (${TILE_LAYERS.join(', ')}), uncached latency done`);

    // ---- tile throughput ---------------------------------------------------------------------------
    const n = jobs.length;
    const rate = (count: number, wall: number) => (count * 1000) / wall;
    const directRates: number[] = [];
    const httpRates: number[] = [];
    // An uncached round renders the whole set several times (≥ ~300 tiles) so that it lasts seconds. The
    // passes run one after another: within a pass every tile is distinct, so the tile service can never
    // hand one rendering to two requests (it shares in-flight renderings), which direct SQL cannot do.
    const upasses = Math.max(1, Math.ceil(300 / n));
    const m = n * upasses;
    const byPass = async (task: (i: number) => Promise<unknown>) => {
      let wall = 0;
      for (let p = 0; p < upasses; p++) wall += await runConcurrent(n, CONCURRENCY, task);
      return wall;
    };
    for (let r = 0; r < ROUNDS; r++) {
      const arms = [
        async () => directRates.push(rate(m, await byPass((i) => directTile(db, jobs[i])))),
        async () => httpRates.push(rate(m, await byPass((i) => fetchBody(uncached.base + jobs[i].path, `${engine} uncached round ${r} request ${i}`)))),
      ];
      for (const arm of r % 2 === 0 ? arms : arms.reverse()) await arm();
    }
    // Warm the cache, then as many passes as give ≥ ~4000 requests a round.
    for (const j of jobs) await fetchBody(cached.base + j.path);
    const passes = Math.max(1, Math.ceil(4000 / n));
    const cachedRates: number[] = [];
    const cachedLat: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      cachedRates.push(rate(n * passes, await runConcurrent(n * passes, CONCURRENCY, (i) => fetchBody(cached.base + jobs[i % n].path, `${engine} cached round ${r} request ${i}`))));
    }
    for (const j of jobs) {
      const s = now();
      await fetchBody(cached.base + j.path);
      cachedLat.push(now() - s);
    }
    const dMed = median(directRates);
    const tp = (what: string, xs: number[], target: string) =>
      throughputRows.push([engine, what, xs.length, median(xs).toFixed(1), `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`, ratio(median(xs) / dMed), target]);
    tp(`direct tile SQL${engine === 'pglite' ? ' + TS encoder' : ' (ST_AsMVT)'}, ${m / n} passes a round — baseline`, directRates, '');
    tp(`HTTP, uncached (tileCacheSize 0), ${m / n} passes a round`, httpRates, '≥ 0.90×');
    tp(`HTTP, cache warm (${passes} passes a round)`, cachedRates, '≥ 5×');
    latencyRows.push([engine, `tile all ${n} tiles, cache warm (HTTP, sequential)`, n, '', '', ms(median(cachedLat)), ms(p95(cachedLat)), '', '', '']);
    console.log(`  throughput: direct ${dMed.toFixed(1)}/s, http uncached ${median(httpRates).toFixed(1)}/s, cached ${median(cachedRates).toFixed(0)}/s`);
  } finally {
    await uncached.close();
    await cached.close();
    await db.close();
  }
}

console.log(`# bench-api\nmachine: ${machineLine()}`);
console.log(`ITEMS_N=${ITEMS_N} TILE_REPS=${TILE_REPS} ROUNDS=${ROUNDS} CONCURRENCY=${CONCURRENCY}`);
{
  // The fixed cost of one loopback request with fetch in this process, no database behind it.
  const bare = await staticServer('');
  const [e] = await interleaved(200, 20, [() => fetchBody(`${bare.base}/empty`)]);
  await bare.close();
  latencyRows.push(['–', 'HTTP floor: bare Express route, empty 204', e.length, '', '', ms(median(e)), ms(p95(e)), '', '', '']);
}
const wanted = (process.env.ENGINES ?? 'pglite,postgis').split(',');
if (wanted.includes('pglite')) await benchEngine('pglite');
if (!wanted.includes('postgis')) {
  // explicitly left out
} else if (process.env.DATABASE_URL) {
  await benchEngine('postgis');
} else {
  console.log('\nDATABASE_URL not set: the PostGIS engine is not measured (only the embedded engine).');
}
console.log(`\nmachine at the end: ${machineLine()}`);
for (const n of notes) console.log(`- ${n}`);
console.log(`- connection resets retried once: ${resets.length}${resets.length ? ` (${resets.join('; ')})` : ''}`);
console.log('\nLatency in ms (direct = same SQL through the db layer in this process; ratio = median HTTP / median direct;\n' +
  'HTTP floor = the same response bytes sent by a bare Express route, fetched the same way)\n');
printTable(['engine', 'request', 'n', 'direct med', 'direct p95', 'HTTP med', 'HTTP p95', 'ratio', 'target', 'HTTP floor med'], latencyRows);
console.log(`\nTile throughput, ${CONCURRENCY} in flight (tiles/s; ratio = median / median of the direct baseline)\n`);
printTable(['engine', 'arm', 'rounds', 'median tiles/s', 'range', 'ratio', 'target'], throughputRows);
