/**
 * The layer list and the language switch, checked on the map itself and in the link: unticking towns
 * hides their outlines (layout, rendered features and pixels), and the language button turns the
 * interface English and says so in <html lang> and the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_LAYERS } from '../../client/src/state/url-state.ts';
import { decodePng, differingShare, getHarness, HAS_CHROMIUM, openPage, screenshot, waitForIdleMap, type Harness } from './browser-harness.ts';

async function mapBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const r = (await page.locator('[data-testid="map"]').boundingBox())!;
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.floor(r.width), height: Math.floor(r.height) };
}

const townLines = (page: Page) => page.evaluate(() => {
  const m = (window as any).__pinganMap;
  return { visibility: m.getLayoutProperty('towns-line', 'visibility'), rendered: m.queryRenderedFeatures({ layers: ['towns-line'] }).length as number };
});

describe.skipIf(!HAS_CHROMIUM)('layers and language', () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await getHarness();
    page = await openPage(h, '/');
  });
  afterAll(async () => { await page?.close(); });

  it('hides the town outlines when towns are unticked', async () => {
    expect(await townLines(page)).toMatchObject({ visibility: 'visible' });
    expect((await townLines(page)).rendered).toBeGreaterThan(0);
    const before = decodePng(await screenshot(page, 'layers-1-towns-on'));

    await page.locator('[data-layer="towns"]').uncheck();
    await waitForIdleMap(page);
    expect(await townLines(page)).toEqual({ visibility: 'none', rendered: 0 });
    const after = decodePng(await screenshot(page, 'layers-2-towns-off'));
    // The outlines (and town names) are gone; the rest of the map is as it was.
    const share = differingShare(before, after, await mapBox(page));
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.25);
    await expect.poll(() => new URL(page.url()).searchParams.get('l')).toBe(DEFAULT_LAYERS.filter((l) => l !== 'towns').join(','));
  });

  it('switches the interface to English, in <html lang> and in the link', async () => {
    expect(await page.locator('.layer-panel h2').first().textContent()).toBe('图层');
    await page.locator('[data-testid="lang"]').click();
    await expect.poll(() => page.locator('.layer-panel h2').first().textContent()).toBe('Layers');
    expect(await page.locator('[data-testid="lang"]').textContent()).toBe('中文');
    expect(await page.locator('label', { has: page.locator('[data-layer="grids"]') }).textContent()).toBe('Grids');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('en');
    // The layer choice survives the switch.
    expect(await page.locator('[data-layer="towns"]').isChecked()).toBe(false);
    await screenshot(page, 'layers-3-english');
  });
});
