/**
 * An analyst's area report, end to end in the browser: draw a rectangle on the map, the report opens
 * with the figures the API gives for that area, its PDF, CSV and GeoJSON exports hold those figures,
 * and the page's link reopens the same report with its area outlined.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { getHarness, HAS_CHROMIUM, openPage, projectToPage, screenshot, type Harness } from './browser-harness.ts';

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
