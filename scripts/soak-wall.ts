/**
 * Accelerated soak run of the wall display: opens /wall in Chromium with a fast tour and a fast
 * refresh while disputes are reported through the API in a steady stream (each one a live event on
 * the wall's ticker, and a refetch of its figures), and samples the page's JS heap (after a forced
 * garbage collection: CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage) and its DOM nodes and
 * event listeners (Memory.getDOMCounters) at a fixed interval. Prints a table and a verdict on growth:
 * the least-squares slope after the warm-up, and the last third's median against the first third's.
 *
 *   DATA_DIR=/tmp/bench-map/data SEED_SCALE=0.02 SEED_DISPUTE_SCALE=0.1 SEED_AS_OF=2026-11-28 \
 *     npm run soak:wall -- [--minutes 9] [--sample 30] [--tour 2] [--refresh 5] [--event-ms 500] [--warmup 2]
 *
 * The server runs in this process over DATA_DIR (seeded on first use) with the real clock, so the new
 * reports count as today's. Disputes are reported by the commander (a session made directly, as
 * scripts/bench-map.ts does); the wall runs as the `display` account.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createApp } from '../server/src/app.ts';
import { readConfig } from '../server/src/config.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { openDatabase } from '../server/src/db/open-database.ts';
import { ensureSeeded } from '../server/src/db/seed.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../server/src/http/session-auth.ts';
import { createSessionService, csrfTokenOf, sessionUser } from '../server/src/services/session-service.ts';
import { userByNameSql } from '../server/src/sql/auth-sql.ts';
import { CHROMIUM, CHROMIUM_ARGS, HAS_CHROMIUM } from '../tests/browser/browser-harness.ts';
import { machineLine, printTable, serve } from './bench-lib.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1] ?? '');
const MINUTES = Number(args.get('minutes') ?? 9);
const SAMPLE_S = Number(args.get('sample') ?? 30);
const TOUR_S = Number(args.get('tour') ?? 2);
const REFRESH_S = Number(args.get('refresh') ?? 5);
const EVENT_MS = Number(args.get('event-ms') ?? 500);
const WARMUP_MIN = Number(args.get('warmup') ?? 2);

interface Sample { t: number; heapMb: number; nodes: number; listeners: number; documents: number; events: number; ticker: number; tourStep: string; state: string }

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length, mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) { num += (xs[i] - mx) * (ys[i] - my); den += (xs[i] - mx) ** 2; }
  return den ? num / den : 0;
}
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN; };

async function main(): Promise<void> {
  if (!HAS_CHROMIUM) { console.log(`no Chromium at ${CHROMIUM}: nothing to measure`); return; }
  const config = readConfig();
  console.log(`start: ${machineLine()}`);
  console.log(`soak: ${MINUTES} min, a sample every ${SAMPLE_S} s, tour every ${TOUR_S} s, refresh every ${REFRESH_S} s, a report every ${EVENT_MS} ms, warm-up ${WARMUP_MIN} min`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ensure-client-build.ts')], { cwd: ROOT, stdio: 'inherit' });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  await migrate(db);
  await ensureSeeded(db, config.seed, (m) => console.log(`  │ ${m}`));
  const srv = await serve(createApp({ db, clientDir: join(ROOT, 'dist/client') }));
  const sessions = createSessionService(db, () => new Date());
  const session = async (username: string) => {
    const q = userByNameSql(username);
    const row = (await db.query(q.text, q.values)).rows[0];
    if (!row) throw new Error(`no ${username} account in the data set`);
    return (await sessions.create(sessionUser(row as any), 'browser', { ip: null, userAgent: 'soak-wall' })).token;
  };
  const display = await session('display');
  const commander = await session('commander');
  const points = (await db.query<{ x: number; y: number }>('SELECT ST_X(p)::float8 x, ST_Y(p)::float8 y FROM (SELECT ST_PointOnSurface(geom) p FROM grids ORDER BY code) g')).rows;

  // The stream of live activity: one report every EVENT_MS, at the grids in turn.
  let reported = 0, failed = 0, stop = false;
  const writer = (async () => {
    const headers = { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${commander}; ${CSRF_COOKIE}=${csrfTokenOf(commander)}`, 'x-csrf-token': csrfTokenOf(commander) };
    for (let i = 0; !stop; i++) {
      const started = Date.now();
      const p = points[(i * 97) % points.length];
      const r = await fetch(`${srv.base}/api/disputes`, { method: 'POST', headers, body: JSON.stringify({ geometry: { type: 'Point', coordinates: [p.x, p.y] }, type: 'neighbour', summary: '浸泡测试：邻里因通道使用发生争执' }) })
        .catch(() => null);
      if (r?.status === 201) reported++; else failed++;
      await r?.arrayBuffer().catch(() => undefined);
      await new Promise((ok) => setTimeout(ok, Math.max(0, EVENT_MS - (Date.now() - started))));
    }
  })();

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: display, url: srv.base, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.warn('page error:', e.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const startedAt = Date.now();
  await page.goto(`${srv.base}/wall?tour=${TOUR_S}&refresh=${REFRESH_S}`);
  await page.waitForSelector('[data-indicator="open"]', { timeout: 120_000 });

  const samples: Sample[] = [];
  const until = startedAt + MINUTES * 60_000;
  while (true) {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const ui = await page.evaluate(() => ({
      ticker: document.querySelectorAll('[data-testid="wall-ticker"] li').length,
      tour: document.querySelector('[data-testid="wall-tour"] .wall-label')?.textContent ?? '',
      state: document.querySelector('[data-testid="wall-status"]')?.getAttribute('data-state') ?? '',
    }));
    const s: Sample = { t: (Date.now() - startedAt) / 1000, heapMb: heap.usedSize / 2 ** 20, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents, events: reported, ticker: ui.ticker, tourStep: ui.tour.replace(/\s+/g, ' '), state: ui.state };
    samples.push(s);
    console.log(`  t=${s.t.toFixed(0)} s heap ${s.heapMb.toFixed(2)} MB, ${s.nodes} nodes, ${s.listeners} listeners, ${s.events} reports, ${s.state}`);
    if (Date.now() + SAMPLE_S * 1000 > until + 1000) break;
    await new Promise((ok) => setTimeout(ok, SAMPLE_S * 1000));
  }
  stop = true;
  await writer;

  console.log(`\nend: ${machineLine()}`);
  console.log(`reports: ${reported} made (${failed} failed) in ${((Date.now() - startedAt) / 60_000).toFixed(1)} min\n`);
  printTable(['t (s)', 'JS heap after GC (MB)', 'DOM nodes', 'JS listeners', 'documents', 'reports so far', 'ticker rows', 'tour', 'state'],
    samples.map((s) => [s.t.toFixed(0), s.heapMb.toFixed(2), s.nodes, s.listeners, s.documents, s.events, s.ticker, s.tourStep, s.state]));
  const warm = samples.filter((s) => s.t >= WARMUP_MIN * 60);
  const third = Math.max(1, Math.floor(warm.length / 3));
  const first = warm.slice(0, third), last = warm.slice(-third);
  const heapSlope = slope(warm.map((s) => s.t / 3600), warm.map((s) => s.heapMb));
  const nodeSlope = slope(warm.map((s) => s.t / 3600), warm.map((s) => s.nodes));
  const listenerSlope = slope(warm.map((s) => s.t / 3600), warm.map((s) => s.listeners));
  const growth = (f: (s: Sample) => number) => median(last.map(f)) / median(first.map(f)) - 1;
  console.log(`\nafter the ${WARMUP_MIN}-min warm-up (${warm.length} samples): heap slope ${heapSlope.toFixed(2)} MB/h, DOM nodes ${nodeSlope.toFixed(0)}/h, listeners ${listenerSlope.toFixed(0)}/h; ` +
    `last third vs first third (medians): heap ${(growth((s) => s.heapMb) * 100).toFixed(1)}%, nodes ${(growth((s) => s.nodes) * 100).toFixed(1)}%, listeners ${(growth((s) => s.listeners) * 100).toFixed(1)}%`);
  const flat = growth((s) => s.heapMb) < 0.1 && growth((s) => s.nodes) < 0.1 && growth((s) => s.listeners) < 0.1;
  console.log(flat ? 'verdict: FLAT — no growth beyond 10% between the first and last third after the warm-up'
    : 'verdict: GROWING — memory, DOM or listeners rose by more than 10% after the warm-up: look for a leak');
  await browser.close();
  await srv.close();
  await db.close();
  if (!flat) process.exitCode = 1;
}

main().catch((e) => { console.error(e); process.exit(1); });
