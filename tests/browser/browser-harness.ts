/**
 * Browser tests drive the built client in Debian's Chromium (playwright-core, software WebGL) against
 * the shared seeded test database served by createApp on a free port. Without /usr/bin/chromium (a
 * laptop without it) the suites say so and skip; CI installs it.
 *
 * Also here: reading the map's pixels from a screenshot (a small PNG decoder, so the tests need no
 * image library), and classifying a colour to the nearest risk level by hue.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../server/src/app.ts';
import { DEFAULT_RISK_THRESHOLDS, mergeRiskThresholds } from '../../server/src/domain/risk-config.ts';
import { asOfInstant } from '../../server/src/seed/disputes.ts';
import { getTestDb, TEST_DEMO_PASSWORD, TEST_SEED } from '../support/test-db.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const ROOT = resolve(import.meta.dirname, '../..');
export const ARTEFACTS = join(ROOT, 'test-results');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** "Now" for the browser tests: the end of the seeded history, so default periods hold data on any day. */
export const TEST_NOW = asOfInstant(TEST_SEED.asOf);

/**
 * The test data set has ~1,000 disputes a year over 1,617 grids, so at the default thresholds no grid
 * is ever red. The browser tests check that each colour is drawn where the data puts it, not the
 * thresholds (tests/api/risk.test.ts does), so the server they drive counts a grid's open disputes
 * at 1/2/3 for yellow/orange/red; every other rule is the default.
 */
export const BROWSER_RISK = mergeRiskThresholds(DEFAULT_RISK_THRESHOLDS, { indicators: { open: { yellow: 1, orange: 2, red: 3 } } });

export interface Harness {
  base: string;
  browser: Browser;
  /** The commander's session cookie for Node-side requests. */
  cookie?: string;
  /** GET a JSON document from the test server (from Node, not the page). */
  json<T = any>(path: string): Promise<T>;
  close(): Promise<void>;
}

let shared: Promise<Harness> | null = null;

/** One server and one browser for all browser test files of the run. */
export function getHarness(): Promise<Harness> {
  shared ??= (async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ensure-client-build.ts')], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(ARTEFACTS, { recursive: true });
    const db = await getTestDb();
    const app = createApp({ db, clientDir: join(ROOT, 'dist/client'), now: () => TEST_NOW, risk: BROWSER_RISK });
    const server: Server = await new Promise((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const cookie = await sessionCookie(base, 'commander');
    const json = async (path: string) => {
      const r = await fetch(base + path, { headers: { cookie } });
      if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
      return r.json();
    };
    return { base, browser, cookie, json, close: async () => { await browser.close(); server.close(); } };
  })();
  return shared;
}

const inFlight = new WeakMap<Page, Set<unknown>>();

/** Counts the page's unfinished requests, so waiting for the map also waits for data it fetches itself (clusters, panels). */
function trackRequests(page: Page): void {
  const open = new Set<unknown>();
  inFlight.set(page, open);
  // The live event stream never finishes: it is not data the map waits for.
  page.on('request', (r) => { if (!r.url().endsWith('/api/events')) open.add(r); });
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
}

/**
 * Waits until the map has loaded its style, sources and tiles, is not moving, and no request of the
 * page is pending, twice in a row 100 ms apart (cluster data arrives by fetch after a move and is
 * handed to the map a moment later).
 */
export async function waitForIdleMap(page: Page, timeout = 45_000): Promise<void> {
  const until = Date.now() + timeout;
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > until) throw new Error(`the map did not settle within ${timeout} ms`);
    await page.waitForFunction(() => {
      const m = (window as any).__pinganMap;
      return !!m && m.isStyleLoaded() && m.areTilesLoaded() && !m.isMoving() && m.loaded();
    }, null, { timeout: Math.max(1, until - Date.now()), polling: 100 });
    quiet = (inFlight.get(page)?.size ?? 0) === 0 ? quiet + 1 : 0;
    if (quiet < 2) await page.waitForTimeout(100);
  }
  // One more frame so the last tiles are painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Logs in through POST /api/auth/login; the Cookie header of the session (session + CSRF cookies). */
export async function sessionCookie(base: string, username: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: TEST_DEMO_PASSWORD }) });
  if (r.status !== 200) throw new Error(`log-in of ${username}: ${r.status} ${await r.text()}`);
  return r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Opens `path` in a new page logged in as `username` (default: the district commander): the page carries the session cookies. */
export async function openPage(h: Harness, path: string, size = { width: 1600, height: 1000 }, username = 'commander'): Promise<Page> {
  const page = await h.browser.newPage({ viewport: size });
  const cookies = (await sessionCookie(h.base, username)).split('; ').map((c) => {
    const [name, value] = c.split('=');
    return { name, value, url: h.base, httpOnly: name === 'pingan_session', sameSite: 'Strict' as const };
  });
  await page.context().addCookies(cookies);
  page.on('pageerror', (e) => console.warn('page error:', e.message));
  trackRequests(page);
  await page.goto(h.base + path);
  await page.waitForSelector('[data-testid="map"]');
  await waitForIdleMap(page);
  return page;
}

/** Moves the map without animation and waits until it is idle again. `center` is [lng, lat]. */
export async function jumpTo(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(([c, z]) => (window as any).__pinganMap.jumpTo({ center: c, zoom: z }), [center, zoom] as const);
  await waitForIdleMap(page);
}

/** Screen position of [lng, lat] relative to the page (the map canvas's offset added). */
export async function projectToPage(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((ll) => {
    const m = (window as any).__pinganMap;
    const p = m.project(ll);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}

/** Saves a screenshot to test-results/ (git-ignored) and returns the PNG bytes. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  const png = await page.screenshot();
  writeFileSync(join(ARTEFACTS, `${name}.png`), png);
  return png;
}

export interface Rgba { width: number; height: number; data: Uint8Array }

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are) to RGBA. */
export function decodePng(png: Buffer): Rgba {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let off = 8, width = 0, height = 0, colourType = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off), type = png.toString('latin1', off + 4, off + 8), body = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      [width, height, colourType] = [body.readUInt32BE(0), body.readUInt32BE(4), body[9]];
      if (body[8] !== 8 || body[12] !== 0 || (colourType !== 2 && colourType !== 6)) throw new Error('unsupported PNG (want 8-bit RGB/RGBA, no interlace)');
    } else if (type === 'IDAT') idat.push(body);
    off += 12 + len;
  }
  const bpp = colourType === 6 ? 4 : 3, stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride, prev = out - stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? px[out + i - bpp] : 0, b = y > 0 ? px[prev + i] : 0, c = i >= bpp && y > 0 ? px[prev + i - bpp] : 0;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      px[out + i] = (line[i] + pred) & 0xff;
    }
  }
  if (bpp === 4) return { width, height, data: px };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < px.length; i += 3, j += 4) { rgba[j] = px[i]; rgba[j + 1] = px[i + 1]; rgba[j + 2] = px[i + 2]; rgba[j + 3] = 255; }
  return { width, height, data: rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The pixels of a square patch centred on (x, y), as [r, g, b] triples. */
export function patch(img: Rgba, x: number, y: number, radius: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let yy = Math.round(y) - radius; yy <= Math.round(y) + radius; yy++) {
    for (let xx = Math.round(x) - radius; xx <= Math.round(x) + radius; xx++) {
      if (xx < 0 || yy < 0 || xx >= img.width || yy >= img.height) continue;
      const i = (yy * img.width + xx) * 4;
      out.push([img.data[i], img.data[i + 1], img.data[i + 2]]);
    }
  }
  return out;
}

/** Hue in degrees [0, 360) and saturation (HSV, 0–1) of an RGB colour. */
export function hueSat([r, g, b]: [number, number, number]): { hue: number; sat: number } {
  const max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min;
  if (d === 0) return { hue: 0, sat: 0 };
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return { hue: (h * 60 + 360) % 360, sat: d / max };
}

export const hexRgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

const hueDistance = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

/**
 * Classifies each saturated pixel (grey basemap and white halos are skipped) to the level whose colour
 * has the nearest hue, and returns the counts per level plus the winner. Fills are drawn at opacity
 * 0.55 over a near-white basemap and the patterns in darker shades of the same hue, so hue survives
 * where lightness does not.
 */
export function classifyByHue<L extends string>(pixels: [number, number, number][], colours: Record<L, string>, minSat = 0.2): { counts: Record<L, number>; winner: L | null; saturated: number } {
  const levels = Object.keys(colours) as L[];
  const hues = levels.map((l) => hueSat(hexRgb(colours[l])).hue);
  const counts = Object.fromEntries(levels.map((l) => [l, 0])) as Record<L, number>;
  let saturated = 0;
  for (const p of pixels) {
    const { hue, sat } = hueSat(p);
    if (sat < minSat) continue;
    saturated++;
    let best = 0;
    for (let i = 1; i < levels.length; i++) if (hueDistance(hue, hues[i]) < hueDistance(hue, hues[best])) best = i;
    counts[levels[best]]++;
  }
  const winner = saturated ? levels.reduce((a, b) => (counts[b] > counts[a] ? b : a)) : null;
  return { counts, winner, saturated };
}

/** Fraction of pixels that differ (any channel by more than `tolerance`) between two equal-sized images, inside an optional box. */
export function differingShare(a: Rgba, b: Rgba, box = { x: 0, y: 0, width: a.width, height: a.height }, tolerance = 8): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let diff = 0, n = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * a.width + x) * 4;
      n++;
      if (Math.abs(a.data[i] - b.data[i]) > tolerance || Math.abs(a.data[i + 1] - b.data[i + 1]) > tolerance || Math.abs(a.data[i + 2] - b.data[i + 2]) > tolerance) diff++;
    }
  }
  return n ? diff / n : 0;
}
