/**
 * The hotspot layers: switched on, the map draws the significant Gi* grids in their classes (every
 * grid drawn is one the API classes so) and the legend explains them; the emerging layer likewise.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHarness, HAS_CHROMIUM, openPage, screenshot, type Harness } from './browser-harness.ts';

/** Grid codes drawn by the map in layers whose id starts with `prefix`, by layer. */
async function drawn(page: Page, prefix: string): Promise<Record<string, string[]>> {
  return page.evaluate((p) => {
    const m = (window as any).__pinganMap;
    const ids = m.getStyle().layers.map((l: any) => l.id).filter((id: string) => id.startsWith(p));
    const out: Record<string, string[]> = {};
    for (const f of m.queryRenderedFeatures({ layers: ids })) (out[f.layer.id] ??= []).push(String(f.properties.code));
    return out;
  }, prefix);
}

describe.skipIf(!HAS_CHROMIUM)('the hotspot layers', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => { h = await getHarness(); });
  afterAll(async () => { await page?.close(); });

  it('draws the Gi* hot and cold grids of the period in their classes, with a legend', async () => {
    page = await openPage(h, '/?l=towns,villages,grids,hotspots&from=2025-12&to=2026-11');
    await page.locator('[data-testid="legend-hotspots"] li[data-class="hot99"]').waitFor();
    await page.waitForFunction(() => (window as any).__pinganMap.getStyle().layers.some((l: any) => l.id.startsWith('hotspots-')));
    const api = await h.json<{ grids: { code: string; class: string; confidence: number }[] }>('/api/hotspots?from=2025-12&to=2026-11');
    const key = new Map(api.grids.filter((g) => g.class !== 'none').map((g) => [g.code, `${g.class}${g.confidence}`]));
    expect(key.size).toBeGreaterThan(0);
    let shown = 0;
    await expect.poll(async () => Object.values(await drawn(page, 'hotspots-')).flat().length, { timeout: 20_000 }).toBeGreaterThan(0);
    for (const [layer, codes] of Object.entries(await drawn(page, 'hotspots-'))) {
      const cls = layer.split('-')[1];
      for (const c of codes) { expect(key.get(c), `${c} in ${layer}`).toBe(cls); shown++; }
    }
    expect(shown).toBeGreaterThan(0);
    await screenshot(page, 'hotspots');
  });

  it('draws the emerging classes, with a legend', async () => {
    await page.click('input[data-layer="hotspots"]');
    await page.click('input[data-layer="emerging"]');
    await page.locator('[data-testid="legend-emerging"] li[data-class="intensifying"]').waitFor();
    const api = await h.json<{ grids: { code: string; category: string }[] }>('/api/hotspots/emerging?from=2025-12&to=2026-11');
    const cat = new Map(api.grids.map((g) => [g.code, g.category]));
    await expect.poll(async () => Object.values(await drawn(page, 'emerging-')).flat().length, { timeout: 20_000 }).toBeGreaterThan(0);
    for (const [layer, codes] of Object.entries(await drawn(page, 'emerging-'))) for (const c of codes) expect(cat.get(c)).toBe(layer.split('-')[1]);
  });
});
