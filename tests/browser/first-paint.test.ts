/**
 * The map's first view is painted once it is complete (client/src/map/hold-first-paint.ts), not once
 * per batch of tiles: counted from the WebGL draw calls the page makes, grouped by animation frame,
 * up to the idle map. Also guards against a MapLibre upgrade silently undoing the hold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getHarness, HAS_CHROMIUM, sessionCookie, waitForIdleMap, type Harness } from './browser-harness.ts';

/** Runs before the page's scripts: the frame number of every draw call, and whether a frame has painted. */
const COUNT_DRAWS = `(() => {
  window.__frame = 0; window.__drawFrames = new Set();
  const tick = () => { window.__frame++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  for (const C of [WebGL2RenderingContext, WebGLRenderingContext]) for (const f of ['drawElements', 'drawArrays']) {
    const orig = C.prototype[f];
    C.prototype[f] = function (...a) { window.__drawFrames.add(window.__frame); return orig.apply(this, a); };
  }
})();`;

describe.skipIf(!HAS_CHROMIUM)('the first view of the map', () => {
  let h: Harness;
  beforeAll(async () => { h = await getHarness(); });

  it('is painted once, complete, rather than batch by batch', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      const cookies = (await sessionCookie(h.base, 'commander')).split('; ').map((c) => { const [name, value] = c.split('='); return { name, value, url: h.base }; });
      await page.context().addCookies(cookies);
      await page.addInitScript(COUNT_DRAWS);
      await page.goto(`${h.base}/`);
      await page.waitForSelector('[data-testid="map"]');
      await waitForIdleMap(page);
      const painted: number = await page.evaluate(() => (window as any).__drawFrames.size);
      // Everything of the first view is on the map: the towns' outlines and the clusters.
      const drawn = await page.evaluate(() => ['towns-line', 'disputes-cluster'].map((id) => ((window as any).__pinganMap.queryRenderedFeatures(undefined, { layers: [id] }) as unknown[]).length));
      expect(drawn.every((n) => n > 0), String(drawn)).toBe(true);
      // One frame when complete (a second if the last cluster data lands just after it).
      expect(painted).toBeGreaterThanOrEqual(1);
      expect(painted).toBeLessThanOrEqual(2);
    } finally { await page.close(); }
  });
});
