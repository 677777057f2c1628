/**
 * The figures of an analyst's area report, from the disputes reported inside the area in the period
 * and the grids the area touches (pure: the rows come from sql/area-report-sql.ts).
 *
 *   disputes     by type, status, handling level and local month; open, overdue, at risk of turning
 *                criminal, repeating (repeat_of set)
 *   resolution   the pooled monthly resolution rate and the level shares (domain/resolution-rate.ts)
 *   coverage     grids touched and grids inside (≥ 99% of a grid's area inside the area); households
 *                and residents apportioned by the share of each grid's area inside (grids hold them
 *                evenly as far as we know)
 *   risk         the grids touched by four-colour level, with their apportioned households
 *   cameras      the share of the disputes with a camera within `camera_m` metres, of any programme and
 *                by programme
 *   hotspots     the grids touched by Gi* class (computed over the whole district, domain/hotspots/)
 */
import { DISPUTE_STATUSES, DISPUTE_TYPES, HANDLING_LEVELS, type HandlingLevel } from './dispute-types.ts';
import { monthsBetween } from './parse-period.ts';
import { percent, withRates, type ResolutionCounts } from './resolution-rate.ts';
import { RISK_LEVELS, type RiskLevel } from './risk-levels.ts';

/** One dispute reported inside the area in the period. */
export interface ReportDispute {
  id: number; type: string; status: string; level: string; month: string; resolved: boolean; resolved_in_month: boolean;
  open: boolean; overdue: boolean; criminal_risk: boolean; repeat: boolean; near_camera: boolean; near_xueliang: boolean; near_pingan: boolean;
}

/** One grid the area touches, with the share of its area inside and its risk level. */
export interface ReportGrid {
  code: string; town_code: string; village_code: string; households: number; population: number; share: number; level: RiskLevel;
  /** The grid's Gi* class in the period: hot99, hot95, hot90, cold90, cold95, cold99, or null when not significant. */
  hotspot: string | null;
}

export const INSIDE_SHARE = 0.99;
export const HOTSPOT_CLASSES = ['hot99', 'hot95', 'hot90', 'cold90', 'cold95', 'cold99'] as const;

const countBy = <K extends string>(keys: readonly K[], rows: readonly ReportDispute[], key: (d: ReportDispute) => string): Record<K, number> => {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const d of rows) {
    const k = key(d) as K;
    if (k in out) out[k]++;
  }
  return out;
};

export function areaReportFigures(disputes: readonly ReportDispute[], grids: readonly ReportGrid[], months: { from: string; to: string }, cameraM: number) {
  const resolution = (rows: readonly ReportDispute[]): ResolutionCounts => ({
    found: rows.length,
    resolved_in_month: rows.filter((d) => d.resolved_in_month).length,
    resolved: rows.filter((d) => d.resolved).length,
    resolved_by_level: Object.fromEntries(HANDLING_LEVELS.map((l) => [l, rows.filter((d) => d.resolved && d.level === l).length])) as Record<HandlingLevel, number>,
  });
  const byMonth = monthsBetween(months.from, months.to).map((month) => {
    const rows = disputes.filter((d) => d.month === month);
    const c = resolution(rows);
    return { month, reported: c.found, resolved_in_month: c.resolved_in_month, resolution_rate: withRates(c).resolution_rate };
  });
  const apportion = (f: (g: ReportGrid) => number, gs: readonly ReportGrid[] = grids) => Math.round(gs.reduce((s, g) => s + f(g) * g.share, 0));
  const risk = Object.fromEntries(RISK_LEVELS.map((l) => {
    const gs = grids.filter((g) => g.level === l);
    return [l, { grids: gs.length, households: apportion((g) => g.households, gs) }];
  })) as Record<RiskLevel, { grids: number; households: number }>;
  const covered = (f: (d: ReportDispute) => boolean) => {
    const n = disputes.filter(f).length;
    return { covered: n, share: percent(n, disputes.length) };
  };
  return {
    disputes: {
      total: disputes.length,
      by_type: countBy(DISPUTE_TYPES, disputes, (d) => d.type),
      by_status: countBy(DISPUTE_STATUSES, disputes, (d) => d.status),
      by_level: countBy(HANDLING_LEVELS, disputes, (d) => d.level),
      by_month: byMonth,
      open: disputes.filter((d) => d.open).length,
      overdue: disputes.filter((d) => d.overdue).length,
      criminal_risk: disputes.filter((d) => d.criminal_risk).length,
      repeat: disputes.filter((d) => d.repeat).length,
    },
    resolution: withRates(resolution(disputes)),
    coverage: {
      grids_touched: grids.length,
      grids_inside: grids.filter((g) => g.share >= INSIDE_SHARE).length,
      villages: new Set(grids.map((g) => g.village_code)).size,
      towns: [...new Set(grids.map((g) => g.town_code))].sort(),
      households: apportion((g) => g.households),
      population: apportion((g) => g.population),
    },
    risk,
    cameras: { within_m: cameraM, ...covered((d) => d.near_camera), xueliang: covered((d) => d.near_xueliang), pingan: covered((d) => d.near_pingan) },
    hotspots: {
      hot: grids.filter((g) => g.hotspot?.startsWith('hot')).length,
      cold: grids.filter((g) => g.hotspot?.startsWith('cold')).length,
      by_class: Object.fromEntries(HOTSPOT_CLASSES.map((k) => [k, grids.filter((g) => g.hotspot === k).length])) as Record<(typeof HOTSPOT_CLASSES)[number], number>,
    },
  };
}

export type AreaReportFigures = ReturnType<typeof areaReportFigures>;
