/**
 * The dispute popup: opened from a link (?sel=dispute:ID) or by clicking a dispute on the map at high
 * zoom, it shows that dispute with its nearest cameras and mediation room as /api/disputes/{id}/context
 * gives them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getHarness, HAS_CHROMIUM, jumpTo, openPage, screenshot, type Harness } from './browser-harness.ts';

interface Context {
  dispute: { id: number; code: string; lon: number; lat: number };
  nearest: { cameras: { name: string }[]; mediation_room: { name: string } | null };
}

/** What the card shows that the context endpoint decides. */
async function cardFacts(page: Page) {
  const card = page.locator('[data-testid="dispute-card"]');
  return {
    id: Number(await card.getAttribute('data-id')),
    code: await card.locator('h3 small').textContent(),
    cameras: (await card.locator('ul.near li').allTextContents()).map((t) => t.split(' · ')[0]),
    text: await card.textContent(),
  };
}

async function expectCardFor(page: Page, ctx: Context) {
  await page.waitForSelector(`[data-testid="dispute-card"][data-id="${ctx.dispute.id}"]`, { timeout: 20_000 });
  const shown = await cardFacts(page);
  expect(shown.code).toBe(ctx.dispute.code);
  expect(ctx.nearest.cameras.length).toBeGreaterThan(0);
  expect(shown.cameras).toEqual(ctx.nearest.cameras.map((c) => c.name));
  expect(ctx.nearest.mediation_room).not.toBeNull();
  expect(shown.text).toContain(ctx.nearest.mediation_room!.name);
}

describe.skipIf(!HAS_CHROMIUM)('the dispute popup', () => {
  let h: Harness;
  let page: Page;
  let singles: { id: number; point: [number, number] }[];

  beforeAll(async () => {
    h = await getHarness();
    const config = await h.json('/api/config');
    const [w, s, e, n] = config.district.bbox;
    // Single disputes of the default period, as the map asks for them at zoom 16.
    const fc = await h.json<GeoJSON.FeatureCollection<GeoJSON.Point>>(`/api/disputes/clusters?bbox=${w},${s},${e},${n}&zoom=16`);
    singles = fc.features.filter((f) => !f.properties!.point_count).map((f) => ({ id: f.properties!.id, point: f.geometry.coordinates as [number, number] }));
    expect(singles.length).toBeGreaterThan(10);
  });
  afterAll(async () => { await page?.close(); });

  it('opens from a link with ?sel=dispute:ID', async () => {
    const pick = singles[0];
    page = await openPage(h, `/?c=${pick.point.join(',')}&z=15&sel=dispute:${pick.id}`);
    await expectCardFor(page, await h.json<Context>(`/api/disputes/${pick.id}/context`));
    await screenshot(page, 'dispute-card-link');
  });

  it('opens for the dispute clicked on the map', async () => {
    await page.locator('[data-testid="dispute-card"] button.close').click();
    await expect.poll(() => page.locator('[data-testid="dispute-card"]').count()).toBe(0);
    // Another dispute, far from the first, where the map shows it as a single point.
    const pick = singles[Math.floor(singles.length / 2)];
    await jumpTo(page, pick.point, 16);
    const target = await page.evaluate((pt) => {
      const m = (window as any).__pinganMap;
      const at = m.project(pt);
      const hit = m.queryRenderedFeatures(at, { layers: ['disputes-point'] })[0];
      const r = m.getCanvas().getBoundingClientRect();
      return hit ? { x: r.left + at.x, y: r.top + at.y, id: Number(hit.properties.id) } : null;
    }, pick.point);
    expect(target, `dispute ${pick.id} is drawn at ${pick.point}`).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    // The topmost point under the click (usually the one aimed at; two disputes may share a spot).
    await expectCardFor(page, await h.json<Context>(`/api/disputes/${target!.id}/context`));
    await screenshot(page, 'dispute-card-click');
  });
});
