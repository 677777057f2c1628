/**
 * Browser tests drive the built client in Debian's Chromium (playwright-core, software WebGL) against
 * the shared seeded test database served by createApp on a free port. Without /usr/bin/chromium (a
 * laptop without it) the suites say so and skip; CI installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../server/src/app.ts';
import { getTestDb } from '../support/test-db.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
if (!HAS_CHROMIUM) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

const ROOT = resolve(import.meta.dirname, '../..');
export const ARTEFACTS = join(ROOT, 'test-results');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export interface Harness { base: string; browser: Browser; close(): Promise<void> }

let shared: Promise<Harness> | null = null;

/** One server and one browser for all browser test files of the run. */
export function getHarness(): Promise<Harness> {
  shared ??= (async () => {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/ensure-client-build.ts')], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(ARTEFACTS, { recursive: true });
    const db = await getTestDb();
    const app = createApp({ db, clientDir: join(ROOT, 'dist/client') } as any);
    const server: Server = await new Promise((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return { base, browser, close: async () => { await browser.close(); server.close(); } };
  })();
  return shared;
}

/** Waits until the map has loaded its style, sources and tiles and is not moving. */
export async function waitForIdleMap(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => {
    const m = (window as any).__pinganMap;
    return !!m && m.isStyleLoaded() && m.areTilesLoaded() && !m.isMoving() && m.loaded();
  }, null, { timeout, polling: 250 });
  // One more frame so the last tiles are painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function openPage(h: Harness, path: string, size = { width: 1600, height: 1000 }): Promise<Page> {
  const page = await h.browser.newPage({ viewport: size });
  page.on('pageerror', (e) => console.warn('page error:', e.message));
  await page.goto(h.base + path);
  await page.waitForSelector('[data-testid="map"]');
  await waitForIdleMap(page);
  return page;
}
