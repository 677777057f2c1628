/**
 * Emerging hot spots: each area's Gi* in every monthly bin (the same neighbourhood), the Mann–Kendall
 * trend of its z-scores, and one of these classes (after ESRI's Emerging Hot Spot Analysis; "hot" =
 * a significant hot spot at 90% or more in that bin):
 *
 *   new           hot in the final bin and in no earlier one
 *   intensifying  hot in ≥ 90% of the bins, the final one included, and the z-scores trend up (p < 0.1)
 *   persistent    hot in ≥ 90% of the bins, the final one included, no significant trend
 *   diminishing   hot in ≥ 90% of the bins, the final one included, and the z-scores trend down
 *   sporadic      hot in the final bin, in fewer than 90% of the bins, never a significant cold spot
 *   oscillating   hot in the final bin, and a significant cold spot in some earlier bin
 *   historical    not hot in the final bin, but hot in ≥ 90% of the bins before it
 *   none          none of these
 *
 * "≥ 90% of the bins" is counted over the whole series (n bins), or over the n − 1 earlier bins for
 * historical. At least 3 bins are needed for a trend.
 */
import { giStar, type GiStar } from './gi-star.ts';
import { mannKendall, type Trend } from './mann-kendall.ts';

export const EMERGING_CLASSES = ['new', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical', 'none'] as const;
export type EmergingClass = (typeof EMERGING_CLASSES)[number];

export const HOT_SHARE = 0.9;

/** The class of one area from its per-bin Gi* and the trend of its z-scores. */
export function emergingClass(bins: readonly Pick<GiStar, 'class'>[], trend: Pick<Trend, 'direction'>): EmergingClass {
  const n = bins.length;
  if (n === 0) return 'none';
  const hot = bins.map((b) => b.class === 'hot');
  const cold = bins.map((b) => b.class === 'cold');
  const hotCount = hot.filter(Boolean).length;
  const finalHot = hot[n - 1];
  if (finalHot) {
    if (hotCount === 1) return 'new';
    if (hotCount >= HOT_SHARE * n) return trend.direction === 'up' ? 'intensifying' : trend.direction === 'down' ? 'diminishing' : 'persistent';
    return cold.some(Boolean) ? 'oscillating' : 'sporadic';
  }
  return n > 1 && hotCount >= HOT_SHARE * (n - 1) ? 'historical' : 'none';
}

export interface EmergingArea { bins: GiStar[]; trend: Trend; category: EmergingClass; hot_bins: number }

/** `counts[t][i]`: the count of area i in bin t. */
export function emergingHotspots(counts: readonly (readonly number[])[], neighbours: readonly (readonly number[])[]): EmergingArea[] {
  const perBin = counts.map((c) => giStar(c, neighbours));
  const areas = neighbours.length;
  return Array.from({ length: areas }, (_, i) => {
    const bins = perBin.map((b) => b[i]);
    const trend = mannKendall(bins.map((b) => b.z));
    return { bins, trend, category: emergingClass(bins, trend), hot_bins: bins.filter((b) => b.class === 'hot').length };
  });
}
