/**
 * A shared link reopens the same view: centre, zoom, layers, the selected grid, the period and the
 * language from the query string, and the app keeps writing back a link to that same view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LAYER_IDS, parseViewState, type LayerId } from '../../client/src/state/url-state.ts';
import { getHarness, HAS_CHROMIUM, openPage, screenshot, type Harness } from './browser-harness.ts';

const LAYERS: LayerId[] = ['towns', 'grids', 'risk', 'police-stations', 'mediation-rooms'];
const PERIOD = { from: '2026-01', to: '2026-03' };
const ZOOM = 13.6;

describe.skipIf(!HAS_CHROMIUM)('opening a deep link', () => {
  let h: Harness;
  let page: Page;
  let grid: { code: string; name: string };
  let centre: [number, number];
  let link: string;

  beforeAll(async () => {
    h = await getHarness();
    const labels = await h.json<GeoJSON.FeatureCollection<GeoJSON.Point>>('/api/labels');
    // A rural grid, with the centre a little off its label point (a link need not centre the selection).
    const f = labels.features.find((x) => x.properties!.kind === 'grid' && x.properties!.code.startsWith('6208021'))!;
    grid = { code: f.properties!.code, name: f.properties!.name };
    centre = [Number((f.geometry.coordinates[0] + 0.0031).toFixed(5)), Number((f.geometry.coordinates[1] - 0.0017).toFixed(5))];
    link = `/?c=${centre.join(',')}&z=${ZOOM}&l=${LAYERS.join(',')}&sel=grid:${grid.code}&from=${PERIOD.from}&to=${PERIOD.to}&lang=en`;
    page = await openPage(h, link);
    await page.waitForSelector(`[data-testid="area-panel"][data-code="${grid.code}"]`, { timeout: 20_000 });
    await screenshot(page, 'deep-link');
  });
  afterAll(async () => { await page?.close(); });

  it('puts the map at the linked centre and zoom', async () => {
    const view = await page.evaluate(() => { const m = (window as any).__pinganMap; const c = m.getCenter(); return { lng: c.lng, lat: c.lat, zoom: m.getZoom() }; });
    expect(view.lng).toBeCloseTo(centre[0], 5);
    expect(view.lat).toBeCloseTo(centre[1], 5);
    expect(view.zoom).toBeCloseTo(ZOOM, 5);
  });

  it('ticks exactly the linked layers and draws only those', async () => {
    const ticked = await page.$$eval('[data-layer]', (els) => els.filter((e) => (e as HTMLInputElement).checked).map((e) => e.getAttribute('data-layer')));
    expect(ticked.sort()).toEqual([...LAYERS].sort());
    expect(await page.$$eval('[data-layer]', (els) => els.map((e) => e.getAttribute('data-layer')))).toEqual([...LAYER_IDS]);
    const visibility = await page.evaluate(() => {
      const m = (window as any).__pinganMap;
      return Object.fromEntries(['towns-line', 'villages-line', 'grids-line', 'grids-risk-red', 'police-stations-circle', 'cameras-pingan-point', 'disputes-cluster']
        .map((id) => [id, m.getLayoutProperty(id, 'visibility') ?? 'visible']));
    });
    expect(visibility).toEqual({ 'towns-line': 'visible', 'villages-line': 'none', 'grids-line': 'visible', 'grids-risk-red': 'visible',
      'police-stations-circle': 'visible', 'cameras-pingan-point': 'none', 'disputes-cluster': 'none' });
  });

  it('shows the linked grid in the panel, in English, for the linked period', async () => {
    const panel = page.locator('[data-testid="area-panel"]');
    expect(await panel.locator('h2').textContent()).toBe(grid.name);
    expect(await panel.locator('.kind').textContent()).toContain(`Grid · ${grid.code}`);
    expect(await page.locator('[data-testid="contact-card"] h3').textContent()).toBe('Contact card');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect([await page.locator('select[aria-label="from"]').inputValue(), await page.locator('select[aria-label="to"]').inputValue()]).toEqual([PERIOD.from, PERIOD.to]);
  });

  it('writes back a link to the same view', async () => {
    // The app writes the URL 250 ms after the view last changed; wait well past that.
    await page.waitForTimeout(600);
    const written = parseViewState(new URL(page.url()).search);
    const asked = parseViewState(new URL(h.base + link).search);
    expect(written.center[0]).toBeCloseTo(asked.center[0], 5);
    expect(written.center[1]).toBeCloseTo(asked.center[1], 5);
    expect({ ...written, center: null, layers: [...written.layers].sort() }).toEqual({ ...asked, center: null, layers: [...asked.layers].sort() });
    expect(asked).toMatchObject({ zoom: ZOOM, selection: { kind: 'grid', code: grid.code }, from: PERIOD.from, to: PERIOD.to, lang: 'en' });
  });
});
