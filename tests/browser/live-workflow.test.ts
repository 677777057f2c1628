/**
 * The working systems, live: a dispute reported on the map of one page (logged in as the grid's worker)
 * appears on a second open page (the town's leader) within two seconds (server-sent events), is accepted
 * and escalated there by the leader, and the third page's ledger and the counts follow. The app runs over
 * a rolled-back view of the shared database, so other files never see the writes.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createApp } from '../../server/src/app.ts';
import { DISPUTE_STATUS_LABELS, HANDLING_LEVEL_LABELS } from '../../server/src/domain/dispute-types.ts';
import { getTestDb } from '../support/test-db.ts';
import { openRollbackDb, type RollbackDb } from '../support/rollback-db.ts';
import { BROWSER_RISK, getHarness, HAS_CHROMIUM, openPage, projectToPage, screenshot, sessionCookie, TEST_NOW, waitForIdleMap, type Harness } from './browser-harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ZOOM = 15;

describe.skipIf(!HAS_CHROMIUM)('reporting and escalating live on two open maps', () => {
  let h: Harness;
  let rb: RollbackDb;
  let server: Server;
  let local: Harness;
  let a: Page, b: Page, c: Page;
  let grid: { code: string; point: [number, number]; town: string; village: string };
  const month = TEST_NOW.toISOString().slice(0, 7);

  beforeAll(async () => {
    h = await getHarness();
    rb = await openRollbackDb(await getTestDb());
    // A clock that runs on from the seeded as-of moment: a report made "now" falls inside the periods asked for after it.
    const t0 = Date.now();
    const app = createApp({ db: rb.db, clientDir: join(ROOT, 'dist/client'), now: () => new Date(TEST_NOW.getTime() + Date.now() - t0), risk: BROWSER_RISK });
    server = await new Promise((ok) => { const s = app.listen(0, '127.0.0.1', () => ok(s)); });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = await sessionCookie(base, 'commander');
    local = { ...h, base, cookie, json: async (p: string) => (await fetch(base + p, { headers: { cookie } })).json(), close: async () => undefined };
    // The label point (inside the grid) of the town's first grid, whose worker has a demo account.
    const labels = await local.json<GeoJSON.FeatureCollection<GeoJSON.Point>>('/api/labels');
    const g = labels.features.filter((f) => f.properties!.kind === 'grid' && String(f.properties!.code).startsWith('620802103'))
      .sort((x, y) => String(x.properties!.code).localeCompare(String(y.properties!.code)))[0];
    const code = String(g.properties!.code);
    grid = { code, point: g.geometry.coordinates as [number, number], town: code.slice(0, 9), village: code.slice(0, 12) };
    const view = `/?c=${grid.point.join(',')}&z=${ZOOM}&l=grids,disputes&sel=grid:${grid.code}`;
    [a, b] = [await openPage(local, view, undefined, `grid-${grid.code}`), await openPage(local, view, undefined, `town-${grid.town}`)];
    // A third page, the commander's, holds the town's ledger of the month open.
    c = await openPage(local, `${view}&screen=ledger&town=${grid.town}&month=${month}`);
    await c.waitForSelector('[data-testid="ledger-table"]');
    for (const p of [b, c]) await p.waitForSelector('[data-testid="live"][data-connected="true"]');
  });
  afterAll(async () => {
    await a?.close(); await b?.close(); await c?.close();
    server?.close();
    await rb?.rollback();
  });

  const openCount = async (p: Page) => Number(await p.locator('[data-testid="area-panel"] .facts div').nth(2).locator('b').textContent());

  it('shows a dispute reported on one page on the other within two seconds', async () => {
    await a.waitForSelector(`[data-testid="area-panel"][data-code="${grid.code}"]`);
    await b.waitForSelector(`[data-testid="area-panel"][data-code="${grid.code}"]`);
    await b.evaluate(() => {
      // Disputes the map holds for the viewport: single points plus the counts of the clusters.
      (window as any).shownDisputes = () => ((window as any).__pinganMap.getSource('disputes').serialize().data.features as any[])
        .reduce((n, f) => n + (f.properties.point_count ?? 1), 0);
    });
    const before = { open: await openCount(b), shown: await b.evaluate(() => (window as any).shownDisputes()), ledger: await c.locator('[data-testid="ledger-row"]').count() };
    await a.click('[data-testid="report-button"]');
    const at = await projectToPage(a, grid.point);
    await a.mouse.click(at.x, at.y);
    await a.waitForSelector('[data-testid="report-form"]');
    await a.selectOption('[data-testid="report-form"] select[name="type"]', 'land_boundary');
    await a.fill('[data-testid="report-form"] textarea[name="summary"]', '两户因宅基地边界发生争执（浏览器测试）');
    const [res] = await Promise.all([a.waitForResponse((r) => r.url().endsWith('/api/disputes') && r.request().method() === 'POST'), a.click('[data-testid="report-form"] button[type="submit"]')]);
    const created = await res.json();
    const sentAt = Date.now();
    expect(res.status()).toBe(201);
    expect([created.grid.code, created.village.code, created.town.code]).toEqual([grid.code, grid.village, grid.town]);
    // Page B hears of it, and its map's dispute source holds the new point.
    await b.waitForFunction((code) => document.querySelector('[data-testid="live"]')?.textContent?.includes(code), created.code, { timeout: 2000 });
    await b.waitForFunction((n) => (window as any).shownDisputes() === n, before.shown + 1, { timeout: 10000 });
    const elapsed = Date.now() - sentAt;
    console.log(`page B showed the new dispute ${elapsed} ms after page A's report was answered`);
    expect(elapsed).toBeLessThan(2000);
    await b.waitForFunction(([sel, n]) => Number(document.querySelectorAll(sel)[2]?.querySelector('b')?.textContent) === n,
      ['[data-testid="area-panel"] .facts div', before.open + 1] as const, { timeout: 5000 });
    await waitForIdleMap(b);
    await screenshot(b, 'live-1-reported-on-other-page');
    // The open ledger gains the row, with the new dispute's code, at village level.
    await c.waitForFunction(([n, code]) => document.querySelectorAll('[data-testid="ledger-row"]').length === n
      && Array.from(document.querySelectorAll('[data-testid="ledger-row"]')).some((r) => r.textContent!.includes(code as string)), [before.ledger + 1, created.code] as const, { timeout: 10_000 });
    await screenshot(c, 'live-1-ledger');
    (globalThis as any).__created = created;
  });

  it('escalates it on the second page (the town leader), and the history and the first page follow', async () => {
    const created = (globalThis as any).__created;
    await b.goto(`${local.base}/?c=${grid.point.join(',')}&z=${ZOOM}&l=grids,disputes&sel=dispute:${created.id}`);
    await b.waitForSelector(`[data-testid="dispute-actions"][data-status="reported"]`);
    // Escalating a dispute nobody has accepted is refused, with the reason on the button.
    const escalate = b.locator('[data-testid="dispute-actions"] button[data-action="escalate"]');
    expect([await escalate.isDisabled(), (await escalate.getAttribute('title'))!.length > 0]).toEqual([true, true]);
    for (const [action, status] of [['accept', 'accepted'], ['escalate', 'escalated']]) {
      await b.click(`[data-testid="dispute-actions"] button[data-action="${action}"]`);
      await b.fill('[data-testid="dispute-actions"] .action-form input[name="note"]', `浏览器测试：${action}`);
      await b.click('[data-testid="dispute-actions"] .action-form button[type="submit"]');
      await b.waitForSelector(`[data-testid="dispute-actions"][data-status="${status}"]`);
    }
    await b.waitForSelector('[data-testid="dispute-actions"][data-level="town"]');
    const history = await local.json(`/api/disputes/${created.id}/history`);
    expect(history.events.map((e: any) => [e.action, e.note, e.actor_role])).toEqual([
      ['report', null, 'grid_worker'], ['accept', '浏览器测试：accept', 'town_leader'], ['escalate', '浏览器测试：escalate', 'town_leader']]);
    // Each page shows who is logged in instead of an "acting as" picker.
    expect([await a.getAttribute('[data-testid="user"]', 'data-role'), await b.getAttribute('[data-testid="user"]', 'data-role')]).toEqual(['grid_worker', 'town_leader']);
    // Page A had the dispute card open from the report: it follows without a reload.
    await a.waitForSelector(`[data-testid="dispute-card"][data-id="${created.id}"][data-status="escalated"]`, { timeout: 3000 });
    await screenshot(b, 'live-2-escalated');
    // The ledger's row follows: now at town level, escalated.
    const row = c.locator('[data-testid="ledger-row"]', { hasText: created.code });
    await c.waitForFunction(([code, level]) => Array.from(document.querySelectorAll('[data-testid="ledger-row"]')).some((r) => r.textContent!.includes(code) && r.textContent!.includes(level)),
      [created.code, HANDLING_LEVEL_LABELS.town.zh] as const, { timeout: 10_000 });
    expect(await row.textContent()).toContain(DISPUTE_STATUS_LABELS.escalated.zh);
    await screenshot(c, 'live-2-ledger');
  });
});
