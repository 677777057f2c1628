/**
 * The one definition of the monthly resolution rate (当月调处化解率) and the level shares, as the
 * source document reports them and the generator draws them (seed/dispute-targets.ts):
 *
 *   rate of a month  = disputes reported in that local month AND resolved within that same local month
 *                      ÷ disputes reported in that month (排查/found), in percent to 0.1.
 *   rate of several months (a quarter, a year, a ranking) = the pooled ratio: Σ resolved-in-month ÷ Σ found,
 *                      not the mean of the monthly rates. No disputes found → null (no rate), never 100%.
 *   level shares     = of the disputes found in the months and resolved (as of the moment asked), the
 *                      percentage resolved at village/community, town/subdistrict and department level.
 *
 * Months are local (Asia/Shanghai). The SQL counts these in sql/resolution-stats-sql.ts.
 */
import type { HandlingLevel } from './dispute-types.ts';

/** Counts behind the rate and the shares for one month, one area, or a sum of them. */
export interface ResolutionCounts {
  /** Reported in the month(s): 排查量. */
  found: number;
  /** Of those, resolved within the local month they were reported in. */
  resolved_in_month: number;
  /** Of those, resolved at all (as of now or the as-of instant). */
  resolved: number;
  /** `resolved` by the level that resolved them. */
  resolved_by_level: Record<HandlingLevel, number>;
}

export const ZERO_RESOLUTION: Readonly<ResolutionCounts> = Object.freeze({
  found: 0, resolved_in_month: 0, resolved: 0, resolved_by_level: Object.freeze({ village: 0, town: 0, department: 0 }),
});

/** part ÷ whole in percent, rounded to 0.1; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

/** The monthly resolution rate (当月调处化解率) of these counts, in percent (null when nothing was found). */
export function resolutionRate(c: Pick<ResolutionCounts, 'found' | 'resolved_in_month'>): number | null {
  return percent(c.resolved_in_month, c.found);
}

/** Shares of the resolved disputes by level, in percent (null each when none was resolved). */
export function levelShares(c: Pick<ResolutionCounts, 'resolved' | 'resolved_by_level'>): Record<HandlingLevel, number | null> {
  const { village, town, department } = c.resolved_by_level;
  return { village: percent(village, c.resolved), town: percent(town, c.resolved), department: percent(department, c.resolved) };
}

/** Sums counts (months into a quarter, towns into the district). */
export function sumResolution(list: readonly ResolutionCounts[]): ResolutionCounts {
  const s = { found: 0, resolved_in_month: 0, resolved: 0, resolved_by_level: { village: 0, town: 0, department: 0 } };
  for (const c of list) {
    s.found += c.found; s.resolved_in_month += c.resolved_in_month; s.resolved += c.resolved;
    for (const l of ['village', 'town', 'department'] as const) s.resolved_by_level[l] += c.resolved_by_level[l];
  }
  return s;
}

/** Counts with their rate and level shares, as the API returns them. */
export function withRates(c: ResolutionCounts) {
  return { ...c, resolution_rate: resolutionRate(c), level_shares: levelShares(c) };
}
