/**
 * Map benchmark: the built client in Chromium (software WebGL) against a bare MapLibre page on the
 * same server and data, measured in the same run with the arms interleaved. Prints figures, asserts
 * nothing (BENCHMARKS.md "The map" records a run).
 *
 *   load    navigation → the map's last 'idle' event once the page has settled (no request pending,
 *           no new 'idle' for 1 s), in a fresh browser context each run; also the CPU time the
 *           benchmark's Chromium processes spent on the visit (/proc), which a busy machine hardly moves (cold HTTP cache; the server's
 *           tile cache is warm after one discarded round). Client at "/" (the whole district, default
 *           layers) against the bare pages fitted to the same bbox at the same canvas size.
 *   bytes   every script the client's start-up requests (page responses and workers), gzip -6 sizes,
 *           and the same for the bare pages.
 *   pan     frame time (requestAnimationFrame intervals) while panning 500 px east then west, 3 s each,
 *           linear, with every layer on (l = all LAYER_IDS) in the city at z13, against the bare pages
 *           at the same centre and zoom. In software WebGL only the ratio means anything.
 *
 * Baselines (scripts/bench-map-bare.ts, built with Vite like the client): "bare+deck" = MapLibre with
 * a deck.gl MapboxOverlay and one vector source (the ratio the issue asks for); "bare" = MapLibre alone.
 *
 * Usage: DATA_DIR=/tmp/bench-map/data SEED_SCALE=0.02 SEED_DISPUTE_SCALE=0.1 SEED_AS_OF=2026-11-28 npx tsx scripts/bench-map.ts
 *   (seeds DATA_DIR on first use; without DATA_DIR it uses ./data, full scale, ≈2 min to seed)
 *   LOAD_RUNS (default 7) and PAN_RUNS (default 5; 0 skips the pan) per arm.
 *   EXTRA_ARMS="name=/path …" adds client arms (load only); EXTRA_CLIENT="/prefix=/dir …" serves other
 *   client builds (`vite build --base /prefix/ --outDir /dir`), e.g. the code before a change, so
 *   before and after are measured in the same run: EXTRA_CLIENT="/before=/tmp/c" EXTRA_ARMS="before=/before/".
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import express from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../server/src/app.ts';
import { readConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/open-database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { ensureSeeded } from '../server/src/db/seed.ts';
import { asOfInstant } from '../server/src/seed/disputes.ts';
import { SESSION_COOKIE } from '../server/src/http/session-auth.ts';
import { userByNameSql } from '../server/src/sql/auth-sql.ts';
import { createSessionService, sessionUser } from '../server/src/services/session-service.ts';
import { LAYER_IDS } from '../client/src/state/url-state.ts';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM } from '../tests/browser/browser-harness.ts';
import { buildBarePages } from './bench-map-bare.ts';
import { machineLine, median, p95, printTable, ratio, serve } from './bench-lib.ts';

const ROOT = resolve(import.meta.dirname, '..');
const env = (k: string, def: number, min = 1) => { const v = Number(process.env[k] ?? def); return Math.max(min, Math.min(50, Number.isFinite(v) ? v : def)); };
const LOAD_RUNS = env('LOAD_RUNS', 7);
const PAN_RUNS = env('PAN_RUNS', 5, 0);
const VIEWPORT = { width: 1600, height: 1000 };
const CITY: [number, number] = [106.675, 35.543];
const PAN = { px: 500, ms: 3000, zoom: 13 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Records the time (ms since navigation) of every 'idle' of whichever map the page creates. Also
 * defines tsx's `__name` helper, which it adds to named functions inside page.evaluate callbacks.
 */
const IDLE_HOOK = `(() => {
  window.__name = (f) => f;
  window.__idle = [];
  window.__renders = [];
  window.__tiles = 0;
  for (const name of ['__pinganMap', '__map']) {
    let m;
    Object.defineProperty(window, name, { configurable: true, get: () => m,
      set: (v) => { m = v; v.on('idle', () => window.__idle.push(performance.now())); v.on('render', () => window.__renders.push(performance.now()));
        // What happened between frames (TIMELINE=1 prints it for one load of each arm).
        window.__events = [];
        const ev = (what) => window.__events.push([Math.round(performance.now()), what]);
        v.on('render', () => ev('render'));
        v.on('styledata', () => ev('styledata'));
        v.on('sourcedata', (e) => { if (e.tile || e.sourceDataType === 'content' || e.isSourceLoaded) ev('sourcedata ' + e.sourceId + (e.tile ? ' tile' : '') + (e.sourceDataType ? ' ' + e.sourceDataType : '')); }); } });
  }
})();`;

let cookie: { name: string; value: string; url: string; httpOnly: boolean; sameSite: 'Strict' } | null = null;

/**
 * CPU time (utime + stime, in clock ticks) of each of this process's Chromium processes (GPU process
 * with SwiftShader, renderers with the MapLibre workers, browser), from /proc: unlike wall time it
 * hardly depends on what else the machine runs. Null where /proc is missing.
 */
function chromiumTicks(): Map<number, number> | null {
  try {
    const parent = new Map<number, number>();
    const ticks = new Map<number, number>();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const st = readFileSync(`/proc/${d}/stat`, 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(d), Number(f[1]));
        ticks.set(Number(d), Number(f[11]) + Number(f[12]));
      } catch { /* the process ended */ }
    }
    const mine = new Map<number, number>();
    for (const [pid, t] of ticks) {
      let p = parent.get(pid);
      while (p && p !== process.pid) p = parent.get(p);
      if (p === process.pid) mine.set(pid, t);
    }
    return mine;
  } catch { return null; }
}

/** ms of CPU between two snapshots: processes alive in both count their growth, new ones all of theirs. */
function cpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks * 10; // USER_HZ = 100 on Linux
}

interface Arm { name: string; path: (size: { w: number; h: number }, pan: boolean) => string }

async function main(): Promise<void> {
  if (!HAS_CHROMIUM) { console.log(`no Chromium at ${CHROMIUM}: nothing to measure`); return; }
  const config = readConfig();
  console.log(`start: ${machineLine()}`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ensure-client-build.ts')], { cwd: ROOT, stdio: 'inherit' });
  const bareDir = await buildBarePages();

  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  await migrate(db);
  await ensureSeeded(db, config.seed, (m) => console.log(`  │ ${m}`));
  const meta = (await db.query<{ value: any }>("SELECT value FROM dataset_meta WHERE key = 'dataset'")).rows[0]?.value;
  console.log(`data: ${config.databaseUrl ? 'PostGIS (DATABASE_URL)' : `PGlite in ${config.dataDir}`}; dataset ${JSON.stringify(meta?.counts ?? {})}, ` +
    `seed settings now ${JSON.stringify(config.seed)}`);

  const outer = express();
  outer.use('/bare', express.static(bareDir));
  // Another app over the same data for each extra build, so its index.html carries the start-up
  // bootstrap like the main client's (its API calls go to /api, the main app).
  for (const kv of (process.env.EXTRA_CLIENT ?? '').split(' ').filter(Boolean)) {
    const i = kv.indexOf('=');
    outer.use(kv.slice(0, i), createApp({ db, clientDir: kv.slice(i + 1), tileCacheSize: 0, now: () => asOfInstant(config.seed.asOf) }));
  }
  outer.use(createApp({ db, clientDir: join(ROOT, 'dist/client'), tileCacheSize: config.tileCacheSize, now: () => asOfInstant(config.seed.asOf) }));
  const srv = await serve(outer);
  // Every /api route needs a session (the client's and the bare pages' tiles alike): one commander
  // session, started directly (the demo password may be a random one printed once at seeding).
  const sessions = createSessionService(db, () => asOfInstant(config.seed.asOf));
  const commander = (await db.query(userByNameSql('commander').text, userByNameSql('commander').values)).rows[0];
  if (!commander) throw new Error('no commander account in the data set');
  const { token } = await sessions.create(sessionUser(commander), 'browser', { ip: null, userAgent: 'bench-map' });
  cookie = { name: SESSION_COOKIE, value: token, url: srv.base, httpOnly: true, sameSite: 'Strict' };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const bbox = (await (await fetch(`${srv.base}/api/config`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } })).json()).district.bbox.join(',');
    const allLayers = LAYER_IDS.join(',');
    const ARMS: Arm[] = [
      { name: 'client', path: (_s, pan) => (pan ? `/?c=${CITY.join(',')}&z=${PAN.zoom}&l=${allLayers}` : '/') },
      { name: 'bare+deck', path: (s, pan) => `/bare/deck.html?w=${s.w}&h=${s.h}&${pan ? `c=${CITY.join(',')}&z=${PAN.zoom}` : `bbox=${bbox}`}` },
      { name: 'bare', path: (s, pan) => `/bare/plain.html?w=${s.w}&h=${s.h}&${pan ? `c=${CITY.join(',')}&z=${PAN.zoom}` : `bbox=${bbox}`}` },
      // Extra client arms for experiments: EXTRA_ARMS="name=/path name2=/path2" (load only).
      ...(process.env.EXTRA_ARMS ?? '').split(' ').filter(Boolean).map((kv): Arm => {
        const i = kv.indexOf('=');
        return { name: kv.slice(0, i), path: () => kv.slice(i + 1) };
      }),
    ];

    // The client's map canvas size, which the bare pages copy.
    const first = await visit(browser, srv.base + ARMS[0].path({ w: 0, h: 0 }, false));
    const size = first.size;
    console.log(`client map canvas ${size.w}×${size.h} px in a ${VIEWPORT.width}×${VIEWPORT.height} viewport`);

    // (b) bytes: what the first client load and one load of each bare page requested.
    const scripts: Record<string, string[]> = { client: first.scripts };
    for (const a of ARMS.slice(1)) scripts[a.name] = (await visit(browser, srv.base + a.path(size, false))).scripts;

    // (a) load, interleaved with the order rotating each round.
    const loads: Record<string, { idle: number[]; firstIdle: number[]; cpu: number[]; renders: number[]; tiles: number[] }> =
      Object.fromEntries(ARMS.map((a) => [a.name, { idle: [], firstIdle: [], cpu: [], renders: [], tiles: [] }]));
    for (let round = 0; round < LOAD_RUNS; round++) {
      for (let k = 0; k < ARMS.length; k++) {
        const a = ARMS[(round + k) % ARMS.length];
        const v = await visit(browser, srv.base + a.path(size, false));
        loads[a.name].idle.push(v.lastIdle);
        loads[a.name].firstIdle.push(v.firstIdle);
        loads[a.name].renders.push(v.loadRenders);
        loads[a.name].tiles.push(v.tileRequests);
        if (v.cpu !== null) loads[a.name].cpu.push(v.cpu);
      }
    }

    // (c) pan, interleaved the same way.
    const PAN_ARMS = ARMS.slice(0, 3);
    const pans: Record<string, { frames: number[]; means: number[]; renders: number[] }> = Object.fromEntries(PAN_ARMS.map((a) => [a.name, { frames: [], means: [], renders: [] }]));
    for (let round = 0; round < PAN_RUNS; round++) {
      for (let k = 0; k < PAN_ARMS.length; k++) {
        const a = PAN_ARMS[(round + k) % PAN_ARMS.length];
        const p = await visit(browser, srv.base + a.path(size, true), true);
        pans[a.name].frames.push(...p.frames!);
        pans[a.name].means.push(p.frames!.reduce((t, f) => t + f, 0) / p.frames!.length);
        pans[a.name].renders.push(p.renders!);
      }
    }

    console.log(`\nend: ${machineLine()}\n`);
    const base = median(loads['bare+deck'].idle);
    console.log(`(a) navigation → idle map, ${LOAD_RUNS} runs per arm, ms`);
    const cpuBase = loads['bare+deck'].cpu.length ? median(loads['bare+deck'].cpu) : NaN;
    printTable(['page', 'n', 'median', 'p95', 'min', 'max', 'first idle (median)', 'vs bare+deck', 'Chromium CPU per load (median)', 'CPU vs bare+deck', 'map renders to idle (median)', 'tile requests (median)'],
      ARMS.map((a) => {
        const s = loads[a.name].idle, c = loads[a.name].cpu;
        return [a.name, s.length, s.length ? median(s).toFixed(0) : '–', p95(s).toFixed(0), Math.min(...s).toFixed(0), Math.max(...s).toFixed(0),
          median(loads[a.name].firstIdle).toFixed(0), ratio(median(s) / base), c.length ? median(c).toFixed(0) : '–', c.length ? ratio(median(c) / cpuBase) : '–',
          median(loads[a.name].renders).toFixed(0), median(loads[a.name].tiles).toFixed(0)];
      }));

    console.log('\n(b) scripts loaded at start-up (gzip -6), KiB');
    const sizes = await scriptSizes(srv.base, scripts);
    for (const a of ARMS) {
      printTable(['file', 'raw', 'gzip'], sizes[a.name].map((f) => [f.file, (f.raw / 1024).toFixed(1), (f.gz / 1024).toFixed(1)]));
      const raw = sizes[a.name].reduce((t, f) => t + f.raw, 0), gz = sizes[a.name].reduce((t, f) => t + f.gz, 0);
      console.log(`${a.name}: ${sizes[a.name].length} files, ${(raw / 1024).toFixed(1)} KiB raw, **${(gz / 1024).toFixed(1)} KiB gzip** (${(gz / 1e6).toFixed(3)} MB)\n`);
    }

    // rAF intervals come in whole vsync periods (16.7 ms), so the mean per run (pan time ÷ frames) is the figure; p95 shows the stalls.
    if (!PAN_RUNS) return;
    const panBase = median(pans['bare+deck'].means);
    console.log(`(c) frame time panning ${PAN.px} px east then west (${PAN.ms} ms each, linear) at z${PAN.zoom}, ${PAN_RUNS} runs per arm, ms`);
    printTable(['page', 'frames per run', 'map renders per run', 'mean frame (median of runs)', 'min–max of runs', 'frame p95', 'vs bare+deck'],
      PAN_ARMS.map((a) => {
        const p = pans[a.name];
        return [a.name, (p.frames.length / p.means.length).toFixed(0), median(p.renders).toFixed(0), median(p.means).toFixed(1),
          `${Math.min(...p.means).toFixed(1)}–${Math.max(...p.means).toFixed(1)}`, p95(p.frames).toFixed(1), ratio(median(p.means) / panBase)];
      }));
  } finally {
    await browser.close();
    await srv.close();
    await db.close();
  }
}

interface Visit { lastIdle: number; firstIdle: number; cpu: number | null; loadRenders: number; tileRequests: number; scripts: string[]; size: { w: number; h: number }; frames?: number[]; renders?: number }

/** One page in a fresh context: load and settle; optionally pan and return the frame intervals. */
async function visit(browser: Browser, url: string, pan = false): Promise<Visit> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  if (cookie) await ctx.addCookies([cookie]);
  // Read before the context closes: its renderer process ends with it, and its CPU time with it.
  const ticks0 = chromiumTicks();
  try {
    const page = await ctx.newPage();
    await page.addInitScript(IDLE_HOOK);
    const pending = new Set<unknown>();
    let lastNet = Date.now();
    // The live event stream (/api/events) stays open for the page's life: it is not a request the map waits for.
    page.on('request', (r) => { if (r.url().endsWith('/api/events')) return; pending.add(r); lastNet = Date.now(); });
    const done = (r: unknown) => { pending.delete(r); lastNet = Date.now(); };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    const scripts = new Set<string>();
    let tileRequests = 0;
    page.on('request', (r) => { if (/\/api\/tiles\/[^/]+\/\d+\/\d+\/\d+\.mvt$/.test(r.url())) tileRequests++; });
    page.on('response', (r) => { if (r.request().resourceType() === 'script' || /\.m?js$/.test(new URL(r.url()).pathname)) scripts.add(r.url()); });
    page.on('worker', (w) => scripts.add(w.url()));
    page.on('pageerror', (e) => console.warn(`page error at ${url}: ${e.message}`));
    await page.goto(url);
    await settle(page, () => pending.size === 0 && Date.now() - lastNet > 1000);
    const r = await page.evaluate(() => {
      const idle = (window as any).__idle as number[];
      const c = ((window as any).__pinganMap ?? (window as any).__map).getCanvas() as HTMLCanvasElement;
      // Map renders (frames drawn) up to the last idle: each one is rasterised by SwiftShader.
      const loadRenders = ((window as any).__renders as number[]).filter((t) => t <= idle[idle.length - 1]).length;
      return { lastIdle: idle[idle.length - 1], firstIdle: idle[0], loadRenders, size: { w: c.clientWidth, h: c.clientHeight } };
    });
    if (process.env.TIMELINE === '1') {
      const events = await page.evaluate(() => (window as any).__events as [number, string][]);
      console.log(`timeline of ${url}:`);
      // Consecutive identical events collapse into one line with a count.
      let prev = '', n = 0, at = 0;
      for (const [t, what] of [...events, [0, '']] as [number, string][]) {
        if (what === prev) { n++; continue; }
        if (prev) console.log(`  ${String(at).padStart(5)} ms  ${prev}${n > 1 ? ` ×${n}` : ''}`);
        prev = what; n = 1; at = t;
      }
    }
    const out: Visit = { ...r, tileRequests, cpu: cpuBetween(ticks0, chromiumTicks()), scripts: [...scripts] };
    if (pan) Object.assign(out, await panFrames(page));
    return out;
  } finally {
    await ctx.close();
  }
}

/** Waits until the map is loaded and still, no new 'idle' came for 1 s, and `quietNet()` holds. */
async function settle(page: Page, quietNet: () => boolean, timeout = 90_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (Date.now() > until) throw new Error(`${page.url()} did not settle in ${timeout} ms`);
    await sleep(100);
    const s = await page.evaluate(() => {
      const m = (window as any).__pinganMap ?? (window as any).__map;
      const idle = (window as any).__idle as number[];
      return { still: !!m && m.loaded() && !m.isMoving() && m.areTilesLoaded(), sinceIdle: idle.length ? performance.now() - idle[idle.length - 1] : -1 };
    });
    if (s.still && s.sinceIdle > 1000 && quietNet()) return;
  }
}

async function panFrames(page: Page): Promise<{ frames: number[]; renders: number }> {
  return page.evaluate(async ({ px, ms }) => {
    const m = (window as any).__pinganMap ?? (window as any).__map;
    const stamps: number[] = [];
    let moving = true, renders = 0;
    const onRender = () => renders++;
    const tick = (t: number) => { stamps.push(t); if (moving) requestAnimationFrame(tick); };
    m.on('render', onRender);
    requestAnimationFrame(tick);
    for (const dx of [px, -px]) await new Promise((r) => { m.once('moveend', r); m.panBy([dx, 0], { duration: ms, easing: (t: number) => t }); });
    moving = false;
    m.off('render', onRender);
    return { frames: stamps.slice(1).map((t, i) => t - stamps[i]), renders };
  }, PAN);
}

/** Raw and gzip (level 6, the usual server default) size of each script, fetched again from the server. */
async function scriptSizes(base: string, scripts: Record<string, string[]>): Promise<Record<string, { file: string; raw: number; gz: number }[]>> {
  const out: Record<string, { file: string; raw: number; gz: number }[]> = {};
  for (const [arm, urls] of Object.entries(scripts)) {
    out[arm] = [];
    for (const u of [...new Set(urls)].sort()) {
      const path = new URL(u).pathname;
      const body = Buffer.from(await (await fetch(base + path, { headers: cookie ? { cookie: `${cookie.name}=${cookie.value}` } : {} })).arrayBuffer());
      out[arm].push({ file: path, raw: body.length, gz: gzipSync(body, { level: 6 }).length });
    }
  }
  return out;
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
