/**
 * The four-colour overlay as a person sees it: for one grid of each level (from /api/risk), the
 * pixels around a point inside that grid (its label point from /api/labels) are classified by hue to
 * the nearest risk colour, and must come out as that grid's level. Outlines and labels are off
 * (l=risk), so only the basemap, the fill and its pattern are under the point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { monthRange } from '../../client/src/state/months.ts';
import { RISK_LEVEL_COLOURS, RISK_LEVELS, type RiskLevel } from '../../server/src/domain/risk-levels.ts';
import { classifyByHue, decodePng, getHarness, HAS_CHROMIUM, jumpTo, openPage, patch, projectToPage, screenshot, type Harness } from './browser-harness.ts';

/** Inside the grid band of the risk colours (RISK_BANDS.grids starts at 13). */
const ZOOM = 14;
/** An 11 × 11 px patch: ~85 m at z14 here, well inside a grid around its label point. */
const RADIUS = 5;

interface RiskList { period: { from: string; to: string }; totals: Record<RiskLevel, number>; areas: { code: string; level: RiskLevel }[] }

/** The first four-month period whose grids take all four levels (the test data is mostly blue). */
async function periodWithAllLevels(h: Harness): Promise<RiskList> {
  const config = await h.json('/api/config');
  const all = monthRange(config.data.first_month, config.data.last_month);
  for (let i = 3; i < all.length; i++) {
    const r = await h.json<RiskList>(`/api/risk?level=grid&from=${all[i - 3]}&to=${all[i]}`);
    if (RISK_LEVELS.every((l) => r.totals[l] > 0)) return r;
  }
  throw new Error('no four-month period has grids of all four levels');
}

describe.skipIf(!HAS_CHROMIUM)('the four-colour risk overlay, read from the pixels', () => {
  let h: Harness;
  let page: Page;
  let risk: RiskList;
  const points = new Map<string, [number, number]>();

  /** What the map draws within r px of a point: layer id, type and area code of each feature. */
  const drawnAround = (pt: [number, number], r: number) => page.evaluate(({ pt, r }): { layer: string; type: string; code?: string }[] => {
    const m = (window as any).__pinganMap;
    const p = m.project(pt);
    return m.queryRenderedFeatures([[p.x - r, p.y - r], [p.x + r, p.y + r]]).map((f: any) => ({ layer: f.layer.id, type: f.layer.type, code: f.properties?.code }));
  }, { pt, r });

  beforeAll(async () => {
    h = await getHarness();
    risk = await periodWithAllLevels(h);
    const labels = await h.json<GeoJSON.FeatureCollection<GeoJSON.Point>>('/api/labels');
    for (const f of labels.features) if (f.properties!.kind === 'grid') points.set(f.properties!.code, f.geometry.coordinates as [number, number]);
    const first = points.get(risk.areas.find((a) => a.level === 'red')!.code)!;
    page = await openPage(h, `/?c=${first[0]},${first[1]}&z=${ZOOM}&l=risk&from=${risk.period.from}&to=${risk.period.to}`);
  });
  afterAll(async () => { await page?.close(); });

  it.each([...RISK_LEVELS].reverse())('paints a grid the data calls %s in that colour', async (level) => {
    // A grid of this level whose patch holds nothing but it and the basemap's fills (no road, river or
    // neighbour); failing that, the last one tried (a road through the patch is allowed for below).
    const candidates = risk.areas.filter((a) => a.level === level && points.has(a.code)).slice(0, 8);
    let code = '', point: [number, number] = [0, 0];
    for (const a of candidates) {
      [code, point] = [a.code, points.get(a.code)!];
      await jumpTo(page, point, ZOOM);
      const drawn = await drawnAround(point, RADIUS);
      if (drawn.every((f) => (f.layer.startsWith('grids-risk') && f.code === code) || f.layer === 'district-fill' || f.layer === 'counties-fill')) break;
    }
    // The point lies in that grid as drawn, and no label or marker covers the patch.
    expect((await drawnAround(point, 0)).filter((f) => /^grids-risk-(blue|yellow|orange|red)$/.test(f.layer)).map((f) => f.code)).toEqual([code]);
    expect((await drawnAround(point, RADIUS)).filter((f) => f.type === 'symbol' || f.type === 'circle').map((f) => f.layer)).toEqual([]);

    const img = decodePng(await screenshot(page, `risk-colours-${level}`));
    const at = await projectToPage(page, point);
    const pixels = patch(img, at.x, at.y, RADIUS);
    const { counts, winner, saturated } = classifyByHue(pixels, RISK_LEVEL_COLOURS);
    const detail = `grid ${code} at ${point} (${at.x.toFixed(0)}, ${at.y.toFixed(0)}): ${JSON.stringify(counts)} of ${pixels.length} pixels`;
    expect(winner, detail).toBe(level);
    // Nearly every pixel is coloured, and nearly all of those are this level (a road may cross the patch).
    expect(saturated, detail).toBeGreaterThan(0.8 * pixels.length);
    expect(counts[level], detail).toBeGreaterThan(0.8 * saturated);
  });
});
