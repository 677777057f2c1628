/**
 * Drill-down by clicking the map, as a town leader would: from the whole district click a town, then
 * a village in it, then a grid in that village; the detail panel and the breadcrumb follow, the grid
 * shows its contact card (联心卡) as the feature API has it, and "back" returns to the village.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getHarness, HAS_CHROMIUM, jumpTo, openPage, screenshot, waitForIdleMap, type Harness } from './browser-harness.ts';

type Kind = 'town' | 'village' | 'grid';
interface Place { kind: Kind; code: string; name: string; point: [number, number] }
/** RISK_BANDS of client/src/map/overlay-layers.ts (not importable here: it pulls in the @domain alias): clicks pick the kind of the band. */
const RISK_BANDS = { towns: [0, 11], villages: [11, 13], grids: [13, 24] } as const;
const LAYER: Record<Kind, 'towns' | 'villages' | 'grids'> = { town: 'towns', village: 'villages', grid: 'grids' };

/**
 * Where a click on `p` lands on the map and picks p itself: the point is inside the canvas and not under
 * a panel, the area's hit layer has p there, and no dispute cluster or point (which take the click) covers it.
 */
async function clickTarget(page: Page, p: Place): Promise<{ x: number; y: number } | null> {
  return page.evaluate(({ point, code, layer }) => {
    const m = (window as any).__pinganMap;
    const canvas = m.getCanvas() as HTMLCanvasElement;
    const at = m.project(point);
    const r = canvas.getBoundingClientRect();
    const x = r.left + at.x, y = r.top + at.y;
    if (document.elementFromPoint(x, y) !== canvas) return null;
    const hits = m.queryRenderedFeatures([[at.x - 12, at.y - 12], [at.x + 12, at.y + 12]]) as any[];
    if (hits.some((f) => f.layer.id.startsWith('disputes-') || f.layer.id.startsWith('cameras-'))) return null;
    const own = m.queryRenderedFeatures(at, { layers: [`${layer}-hit`] }) as any[];
    return own.length === 1 && String(own[0].properties.code) === code ? { x, y } : null;
  }, { point: p.point, code: p.code, layer: `${LAYER[p.kind]}` });
}

/** Into the band where a click picks this kind, as a person would zoom in: only when outside it, centred on `at`. */
async function zoomIntoBand(page: Page, kind: Kind, at: [number, number]): Promise<void> {
  const [min, max] = RISK_BANDS[LAYER[kind]];
  const z: number = await page.evaluate(() => (window as any).__pinganMap.getZoom());
  if (z < min || z >= max) await jumpTo(page, at, min + 0.75);
}

async function panelCode(page: Page): Promise<string | null> {
  return page.locator('[data-testid="area-panel"]').getAttribute('data-code');
}

describe.skipIf(!HAS_CHROMIUM)('drilling down from the district to a grid by clicking the map', () => {
  let h: Harness;
  let page: Page;
  let places: Place[];
  let town: Place, village: Place, grid: Place;

  /**
   * Clicks the first of `candidates` (all of one kind) whose label point is free to click in the current
   * view, zoomed into their band; failing that, centres the map on each in turn. Returns the one clicked
   * once its panel shows and the map has settled.
   */
  async function clickFirstFree(candidates: Place[]): Promise<Place> {
    await zoomIntoBand(page, candidates[0].kind, candidates[0].point);
    let pick: Place | undefined, at: { x: number; y: number } | null = null;
    for (const p of candidates) if ((at = await clickTarget(page, p))) { pick = p; break; }
    for (const p of pick ? [] : candidates.slice(0, 5)) {
      await jumpTo(page, p.point, await page.evaluate(() => (window as any).__pinganMap.getZoom()));
      if ((at = await clickTarget(page, p))) { pick = p; break; }
    }
    expect(pick, `one of ${candidates.length} ${candidates[0].kind}s is free to click`).toBeDefined();
    await page.mouse.click(at!.x, at!.y);
    await page.waitForSelector(`[data-testid="area-panel"][data-code="${pick!.code}"]`, { timeout: 20_000 });
    await waitForIdleMap(page);
    return pick!;
  }

  beforeAll(async () => {
    h = await getHarness();
    const labels = await h.json<GeoJSON.FeatureCollection<GeoJSON.Point>>('/api/labels');
    places = labels.features.map((f) => ({ kind: f.properties!.kind, code: f.properties!.code, name: f.properties!.name, point: f.geometry.coordinates as [number, number] }));
    page = await openPage(h, '/');
  });
  afterAll(async () => { await page?.close(); });

  it('opens a town clicked at the district view, with it in the breadcrumb', async () => {
    // The district view is in the towns' band.
    expect(await page.evaluate(() => (window as any).__pinganMap.getZoom())).toBeLessThan(RISK_BANDS.towns[1]);
    town = await clickFirstFree(places.filter((x) => x.kind === 'town'));
    await expect.poll(() => page.locator('[data-testid="area-panel"] h2').textContent()).toBe(town.name);
    await expect.poll(() => page.locator('[data-testid="breadcrumb"]').textContent()).toContain(town.name);
    await screenshot(page, 'drill-down-1-town');
  });

  it('opens a village of that town clicked next', async () => {
    village = await clickFirstFree(places.filter((p) => p.kind === 'village' && p.code.startsWith(town.code)));
    await expect.poll(() => page.locator('[data-testid="area-panel"] h2').textContent()).toBe(village.name);
    const crumbs = await page.locator('[data-testid="breadcrumb"]').textContent();
    expect(crumbs).toContain(`${town.name} › ${village.name}`);
    await screenshot(page, 'drill-down-2-village');
  });

  it("opens a grid of that village with its contact card as the feature API has it", async () => {
    grid = await clickFirstFree(places.filter((p) => p.kind === 'grid' && p.code.startsWith(village.code)));
    const card = page.locator('[data-testid="contact-card"]');
    const shown = {
      worker_name: await card.locator('[data-field="worker_name"]').textContent(),
      police_name: await card.locator('[data-field="police_name"]').textContent(),
      cadre_name: await card.locator('[data-field="cadre_name"]').textContent(),
    };
    const item = await h.json(`/api/collections/grids/items/${Number(grid.code)}`);
    expect(shown).toEqual({ worker_name: item.properties.worker_name, police_name: item.properties.police_name, cadre_name: item.properties.cadre_name });
    expect(await page.locator('[data-testid="breadcrumb"]').textContent()).toContain(`${town.name} › ${village.name} › ${grid.name}`);
    await screenshot(page, 'drill-down-3-grid');
  });

  it('goes back to the village with the breadcrumb back button', async () => {
    await page.locator('[data-testid="breadcrumb"] .back').click();
    await page.waitForSelector(`[data-testid="area-panel"][data-code="${village.code}"]`, { timeout: 20_000 });
    expect(await panelCode(page)).toBe(village.code);
    expect(await page.locator('[data-testid="area-panel"] h2').textContent()).toBe(village.name);
    expect(await page.locator('[data-testid="contact-card"]').count()).toBe(0);
  });
});
