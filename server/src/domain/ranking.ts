/**
 * The quarterly ranking (季通报排名) of towns/subdistricts or departments by the disputes they found
 * (排查量) and their resolution rate (化解率, the monthly resolution rate pooled over the quarter's
 * months, domain/resolution-rate.ts). The score is a documented composite, 0–100:
 *
 *   score = 0.8 × rate + 0.2 × found index,   found index = 100 × found ÷ the largest `found` ranked
 *
 * so the rate decides and screening effort breaks near-ties; a unit that found nothing has no rate and
 * scores its found index only (0). Order: score, then rate, then found (all descending), then code.
 * Rank is competition ranking on the score to 0.1 (1, 2, 2, 4). The last `bottom` units in that order
 * are flagged `bottom` (named in the circular); ties at the boundary are flagged with them.
 */
import { percent } from './resolution-rate.ts';

export const RATE_WEIGHT = 0.8;
export const FOUND_WEIGHT = 0.2;
export const DEFAULT_BOTTOM = 3;

export interface RankInput { code: string; name: string; found: number; resolved: number }
export interface Ranked extends RankInput { rate: number | null; found_index: number; score: number; rank: number; bottom: boolean }

export function rankUnits(units: readonly RankInput[], bottom = DEFAULT_BOTTOM): Ranked[] {
  const maxFound = Math.max(0, ...units.map((u) => u.found));
  const scored = units.map((u) => {
    const rate = percent(u.resolved, u.found);
    const foundIndex = percent(u.found, maxFound) ?? 0;
    const score = Math.round((RATE_WEIGHT * (rate ?? 0) + FOUND_WEIGHT * foundIndex) * 10) / 10;
    return { ...u, rate, found_index: foundIndex, score, rank: 0, bottom: false };
  });
  scored.sort((a, b) => b.score - a.score || (b.rate ?? -1) - (a.rate ?? -1) || b.found - a.found || (a.code < b.code ? -1 : 1));
  scored.forEach((u, i) => (u.rank = i > 0 && u.score === scored[i - 1].score ? scored[i - 1].rank : i + 1));
  const cut = scored.length - Math.min(bottom, scored.length);
  const cutScore = cut < scored.length ? scored[cut].score : Infinity;
  for (const u of scored) u.bottom = bottom > 0 && u.score <= cutScore;
  return scored;
}
