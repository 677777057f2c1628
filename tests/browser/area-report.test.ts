/**
 * An analyst's area report, end to end in the browser: draw a rectangle on the map, the report opens
 * with the figures the API gives for that area, its PDF, CSV and GeoJSON exports hold those figures,
 * and the page's link reopens the same report with its area outlined.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { getHarness, HAS_CHROMIUM, openPage, projectToPage, screenshot, waitForIdleMap, type Harness } from './browser-harness.ts';

/** Fetches a path inside the page (its session) and returns the bytes. */
async function fetchInPage(page: Page, path: string): Promise<Uint8Array> {
  const b64 = await page.evaluate(async (p) => {
    const r = await fetch(p);
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    const bytes = new Uint8Array(await r.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, path);
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

describe.skipIf(!HAS_CHROMIUM)('an area report drawn on the map', () => {
  let h: Harness;
  let page: Page;
  let id: number;
  let report: any;

  beforeAll(async () => { h = await getHarness(); });
  afterAll(async () => { await page?.close(); });

  it('opens with the figures of the area drawn', async () => {
    page = await openPage(h, '/?c=106.67,35.535&z=12', { width: 1600, height: 1000 }, 'analyst');
    await page.click('[data-testid="area-report-button"]');
    await page.click('[data-testid="draw-bar"] [data-tool="rectangle"]');
    for (const corner of [[106.645, 35.52], [106.695, 35.55]] as [number, number][]) {
      const p = await projectToPage(page, corner);
      await page.mouse.click(p.x, p.y);
    }
    const panel = page.locator('[data-testid="area-report"][data-total]');
    await panel.waitFor({ timeout: 30_000 });
    id = Number(await panel.getAttribute('data-id'));
    report = await h.json(`/api/area-reports/${id}`);
    expect(Number(await panel.getAttribute('data-total'))).toBe(report.figures.disputes.total);
    expect(report.figures.disputes.total).toBeGreaterThan(0);
    // The rectangle, as drawn (clicks land on whole pixels: within a few metres of the corners).
    const drawn = [106.645, 35.52, 106.695, 35.55];
    (report.definition.bbox as number[]).forEach((v, i) => expect(Math.abs(v - drawn[i])).toBeLessThan(0.0005));
    expect(await panel.textContent()).toContain(String(report.figures.coverage.grids_touched));
    await screenshot(page, 'area-report');
  });

  it('exports a PDF, a CSV and a GeoJSON that hold the same figures', async () => {
    const f = report.figures;
    const { text } = await pdfText(await fetchInPage(page, `/api/area-reports/${id}.pdf`));
    expect(text).toContain('崆峒区矛盾纠纷区域分析报告');
    expect(text).toContain(`区域内排查矛盾纠纷${f.disputes.total}件`);
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await fetchInPage(page, `/api/area-reports/${id}.csv`));
    expect(csv.startsWith('\uFEFF编号,类型,状态')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(f.disputes.total + 1);
    const fc = JSON.parse(new TextDecoder().decode(await fetchInPage(page, `/api/area-reports/${id}.geojson`)));
    const [area, ...points] = fc.features;
    expect(points).toHaveLength(f.disputes.total);
    expect(points.every((p: any) => booleanPointInPolygon(p.geometry.coordinates, area.geometry))).toBe(true);
  });

  it('reports on towns picked by clicking the map', async () => {
    const picker = await openPage(h, '/', { width: 1600, height: 1000 }, 'analyst');
    try {
      await waitForIdleMap(picker);
      await picker.click('[data-testid="area-report-button"]');
      await picker.click('[data-testid="draw-bar"] [data-tool="pick"]');
      // Two towns whose area is free to click (on the canvas, no cluster or point over it).
      const targets: { code: string; x: number; y: number }[] = await picker.evaluate(() => {
        const m = (window as any).__pinganMap;
        const canvas = m.getCanvas() as HTMLCanvasElement;
        const r = canvas.getBoundingClientRect();
        const found = new Map<string, { code: string; x: number; y: number }>();
        for (let y = 60; y < r.height - 60 && found.size < 2; y += 37) {
          for (let x = 60; x < r.width - 60 && found.size < 2; x += 41) {
            if (document.elementFromPoint(r.left + x, r.top + y) !== canvas) continue;
            const near = m.queryRenderedFeatures([[x - 14, y - 14], [x + 14, y + 14]]) as any[];
            if (near.some((f) => !f.layer.id.startsWith('towns-') && f.layer.type !== 'fill' && f.layer.type !== 'line' && f.layer.type !== 'background')) continue;
            const own = m.queryRenderedFeatures([x, y], { layers: ['towns-hit'] }) as any[];
            const code = own.length === 1 ? String(own[0].properties.code) : null;
            if (code && !found.has(code)) found.set(code, { code, x: r.left + x, y: r.top + y });
          }
        }
        return [...found.values()];
      });
      expect(targets).toHaveLength(2);
      for (const t of targets) await picker.mouse.click(t.x, t.y);
      const list = picker.locator('[data-testid="picked-areas"]');
      await picker.locator('[data-testid="picked-areas"][data-count="2"]').waitFor({ timeout: 10_000 });
      expect(await list.locator('.picked-area').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(targets.map((t) => t.code));
      // Picking does not drill down: no area panel opened.
      expect(await picker.locator('[data-testid="area-panel"]').count()).toBe(0);
      // A second click on the first town takes it out again; a third puts it back.
      await picker.mouse.click(targets[0].x, targets[0].y);
      await picker.locator('[data-testid="picked-areas"][data-count="1"]').waitFor({ timeout: 10_000 });
      await picker.mouse.click(targets[0].x, targets[0].y);
      await picker.locator('[data-testid="picked-areas"][data-count="2"]').waitFor({ timeout: 10_000 });
      // Both are outlined on the map (the selection's outline layer draws the picked areas).
      await picker.waitForFunction((codes) => {
        const drawn = ((window as any).__pinganMap.queryRenderedFeatures(undefined, { layers: ['towns-selected'] }) as any[]).map((f) => String(f.properties.code));
        return codes.every((c: string) => drawn.includes(c)) && drawn.every((c) => codes.includes(c));
      }, targets.map((t) => t.code), { timeout: 10_000 });
      await screenshot(picker, 'area-report-picked');
      await picker.click('[data-action="report-picked"]');
      const panel = picker.locator('[data-testid="area-report"][data-total]');
      await panel.waitFor({ timeout: 30_000 });
      const picked = await h.json(`/api/area-reports/${await panel.getAttribute('data-id')}`);
      expect([...picked.definition.shape.areas].sort()).toEqual(targets.map((t) => t.code).sort());
      // Exactly those towns' grids, and their households.
      expect(picked.figures.coverage.towns).toEqual(targets.map((t) => t.code).sort());
      const towns = await Promise.all(targets.map((t) => h.json(`/api/areas/${t.code}`)));
      const households = towns.reduce((n: number, t: any) => n + t.households, 0);
      expect(Math.abs(picked.figures.coverage.households - households)).toBeLessThanOrEqual(households * 0.005);
    } finally {
      await picker.close();
    }
  });

  it('reopens from the page link, with its area outlined', async () => {
    await page.waitForFunction((n) => location.search.includes(`report=${n}`), id);
    const link = await page.evaluate(() => location.pathname + location.search);
    const again = await openPage(h, link, { width: 1600, height: 1000 }, 'analyst');
    try {
      await again.locator(`[data-testid="area-report"][data-id="${id}"][data-total="${report.figures.disputes.total}"]`).waitFor({ timeout: 30_000 });
      await again.locator('[data-testid="area-draw"] polygon.report-area').first().waitFor({ timeout: 10_000 });
    } finally {
      await again.close();
    }
  });
});
