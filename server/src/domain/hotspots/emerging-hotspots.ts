/**
 * Emerging hot spots: each area's Gi* in every monthly bin (the same neighbourhood as gi-star.ts), the
 * Mann–Kendall trend of its z-scores (mann-kendall.ts, significant at p < 0.1), and one class, after
 * ESRI's Emerging Hot Spot Analysis. "Hot" = a significant hot spot (90% confidence or more) in that
 * bin, "cold" likewise; n = the number of bins; the rules are tried in this order, the first that holds
 * wins:
 *
 *   new           hot in the final bin and in no earlier one (earlier cold bins allowed)
 *   consecutive   hot in an uninterrupted run of ≥ 2 bins that ends with the final bin, never hot before
 *                 that run, and hot in fewer than 90% of the n bins
 *   intensifying  hot in ≥ 90% of the n bins, the final one included, and the z-scores trend up
 *   persistent    hot in ≥ 90% of the n bins, the final one included, no significant trend
 *   diminishing   hot in ≥ 90% of the n bins, the final one included, and the z-scores trend down
 *   sporadic      hot in the final bin, on and off before it (< 90% of the n bins), never cold
 *   oscillating   hot in the final bin, < 90% of the n bins, and cold in some earlier bin
 *   historical    not hot in the final bin, but hot in ≥ 90% of the n − 1 bins before it
 *   none          none of these
 *
 * Only hot-spot classes are given (the cold-spot mirror images are not asked for). Emerging hot spots
 * need at least 3 bins (the route refuses fewer); with fewer the trend is "none".
 */
import { giStar, type GiStar } from './gi-star.ts';
import { mannKendall, type Trend } from './mann-kendall.ts';

export const EMERGING_CLASSES = ['new', 'consecutive', 'intensifying', 'persistent', 'diminishing', 'sporadic', 'oscillating', 'historical', 'none'] as const;
export type EmergingClass = (typeof EMERGING_CLASSES)[number];

/** The share of bins an area must be hot in to be intensifying, persistent, diminishing or historical. */
export const HOT_SHARE = 0.9;

/** The class of one area from its per-bin Gi* and the trend of its z-scores. */
export function emergingClass(bins: readonly Pick<GiStar, 'class'>[], trend: Pick<Trend, 'direction'>): EmergingClass {
  const n = bins.length;
  if (n === 0) return 'none';
  const hot = bins.map((b) => b.class === 'hot');
  const hotCount = hot.filter(Boolean).length;
  if (hot[n - 1]) {
    if (hotCount === 1) return 'new';
    let run = 0;
    while (run < n && hot[n - 1 - run]) run++;
    const mostly = hotCount >= HOT_SHARE * n;
    if (!mostly && run === hotCount) return 'consecutive';
    if (mostly) return trend.direction === 'up' ? 'intensifying' : trend.direction === 'down' ? 'diminishing' : 'persistent';
    return bins.some((b) => b.class === 'cold') ? 'oscillating' : 'sporadic';
  }
  return n > 1 && hotCount >= HOT_SHARE * (n - 1) ? 'historical' : 'none';
}

export interface EmergingArea { bins: GiStar[]; trend: Trend; category: EmergingClass; hot_bins: number }

/** `counts[t][i]`: the count of area i in bin t; `neighbours` as for giStar. */
export function emergingHotspots(counts: readonly (readonly number[])[], neighbours: readonly (readonly number[])[]): EmergingArea[] {
  const perBin = counts.map((c) => giStar(c, neighbours));
  const areas = neighbours.length;
  return Array.from({ length: areas }, (_, i) => {
    const bins = perBin.map((b) => b[i]);
    const trend = mannKendall(bins.map((b) => b.z));
    return { bins, trend, category: emergingClass(bins, trend), hot_bins: bins.filter((b) => b.class === 'hot').length };
  });
}
