/**
 * The four-colour rule for one area over a period [start, end):
 *
 *   1. Each indicator is compared with its thresholds: a value at or above a level's threshold
 *      reaches that level (red, then orange, then yellow; otherwise blue).
 *   2. The area takes the highest indicator level.
 *   3. Combination: `orangeForRed` indicators at orange or above make it red; `yellowForOrange`
 *      indicators at yellow or above make it at least orange.
 *
 * Thresholds are per grid and per period of up to `flowReferenceMonths` months. A parent area with n
 * grids compares its summed counts with the count thresholds × n^gridScaleExponent; periods longer than
 * the reference scale the flow thresholds (repeat, escalated) by months ÷ reference. Scaled count
 * thresholds are rounded up (counts are whole, so "≥ 2.4" and "≥ 3" mean the same). The trend is a
 * ratio and never scales; it only counts from `trendMinReported` disputes, so 1 → 2 is no alarm, and
 * only when the data covers the previous period (no trend for a period starting with the data).
 *
 * Score (0–100): 25 per colour step, plus up to 25 for how far all indicators are along their scales,
 * so areas of one colour sort by how much is wrong. Every non-blue indicator is a reason.
 */
import { COUNT_INDICATORS, FLOW_INDICATORS, RISK_INDICATORS, type LevelThresholds, type RiskIndicator, type RiskThresholds } from './risk-config.ts';
import { riskRank, type Label, type RiskLevel } from './risk-levels.ts';
import { reasonText, type ReasonKind } from './risk-text.ts';

/** What the database counts for an area and a period. */
export interface RiskCounts {
  /** Open at the period's end (reported before it, not resolved by it). */
  open: number;
  /** Of those, past their deadline (due_at before the end): the red cards. */
  overdue: number;
  /** Of those, not yet past it but in the last YELLOW_SHARE of their level's time limit: the yellow cards (domain/deadline-cards.ts). */
  due_soon: number;
  /** Of those, flagged as at risk of turning criminal. */
  criminal: number;
  /** Reported in the period and repeating: repeat_of set, or the same parties or place more than once in it. */
  repeat: number;
  /** Escalation events (village → town → department) in the period. */
  escalated: number;
  /** Reported in the period, and in the previous period of equal length (null when the data does not cover it). */
  reported: number;
  previous: number | null;
}

export interface RiskScale {
  /** Grids in the area (1 for a grid). */
  grids: number;
  /** Months in the period (inclusive month range). */
  months: number;
}

export interface RiskReason {
  indicator: ReasonKind;
  value: number;
  threshold: number;
  level: RiskLevel;
  text: Label;
}

export interface IndicatorResult {
  /** The count, or for trend the ratio (null when too few disputes were reported). */
  value: number | null;
  level: RiskLevel;
  /** The effective thresholds this area was judged by. */
  thresholds: LevelThresholds;
}

export interface RiskAssessment {
  level: RiskLevel;
  score: number;
  reasons: RiskReason[];
  indicators: Record<RiskIndicator, IndicatorResult>;
}

export const ZERO_COUNTS: Readonly<RiskCounts> = Object.freeze({ open: 0, overdue: 0, due_soon: 0, criminal: 0, repeat: 0, escalated: 0, reported: 0, previous: 0 });

const scaleUp = (t: number | null, f: number): number | null => (t === null ? null : Math.ceil(t * f - 1e-9));

/** The thresholds an area of this size is judged by over a period of this length. */
export function effectiveThresholds(config: RiskThresholds, scale: RiskScale): Record<RiskIndicator, LevelThresholds> {
  const size = Math.max(1, scale.grids) ** config.rollup.gridScaleExponent;
  const time = Math.max(1, scale.months / config.flowReferenceMonths);
  const out = {} as Record<RiskIndicator, LevelThresholds>;
  for (const k of RISK_INDICATORS) {
    const t = config.indicators[k];
    const isCount = (COUNT_INDICATORS as readonly string[]).includes(k);
    const f = isCount ? size * (FLOW_INDICATORS.includes(k) ? time : 1) : 1;
    out[k] = f === 1 ? t : { yellow: scaleUp(t.yellow, f), orange: scaleUp(t.orange, f), red: scaleUp(t.red, f) };
  }
  return out;
}

/** Reported ÷ max(previous, 1), to 2 decimals; null below the minimum count or without a previous period. */
export function trendRatio(reported: number, previous: number | null, minReported: number): number | null {
  if (reported < minReported || previous === null) return null;
  return Math.round((reported / Math.max(previous, 1)) * 100) / 100;
}

/** The level a value reaches and the threshold it reached (null for blue). */
export function levelOf(value: number | null, t: LevelThresholds): { level: RiskLevel; threshold: number | null } {
  if (value !== null) {
    if (t.red !== null && value >= t.red) return { level: 'red', threshold: t.red };
    if (t.orange !== null && value >= t.orange) return { level: 'orange', threshold: t.orange };
    if (t.yellow !== null && value >= t.yellow) return { level: 'yellow', threshold: t.yellow };
  }
  return { level: 'blue', threshold: null };
}

/** Position on the indicator's scale in [0, 4): the level's rank plus the way to the next threshold. */
export function severity(value: number | null, t: LevelThresholds): number {
  if (value === null || value <= 0) return 0;
  const { level, threshold } = levelOf(value, t);
  const r = riskRank(level);
  const lower = threshold ?? 0;
  const upper = [t.yellow, t.orange, t.red].slice(r).find((v): v is number => v !== null && v > lower);
  const frac = upper !== undefined ? (value - lower) / (upper - lower) : lower > 0 ? 1 - lower / value : 0;
  return r + Math.min(0.999, Math.max(0, frac));
}

/** Judges one area on its own counts (a grid, or a parent before its children are considered). */
export function assessRisk(counts: RiskCounts, config: RiskThresholds, scale: RiskScale): RiskAssessment {
  const thresholds = effectiveThresholds(config, scale);
  const trend = trendRatio(counts.reported, counts.previous, config.trendMinReported);
  const indicators = {} as Record<RiskIndicator, IndicatorResult>;
  const reasons: RiskReason[] = [];
  let level: RiskLevel = 'blue';
  let severitySum = 0;
  for (const k of RISK_INDICATORS) {
    const value = k === 'trend' ? trend : counts[k];
    const reached = levelOf(value, thresholds[k]);
    indicators[k] = { value, level: reached.level, thresholds: thresholds[k] };
    severitySum += severity(value, thresholds[k]);
    if (reached.threshold === null || value === null) continue;
    if (riskRank(reached.level) > riskRank(level)) level = reached.level;
    const facts = { kind: k, value, threshold: reached.threshold, level: reached.level, reported: counts.reported, previous: counts.previous ?? 0 };
    reasons.push({ indicator: k, value, threshold: reached.threshold, level: reached.level, text: reasonText(facts) });
  }
  const combined = combine(reasons, config, level);
  if (combined) {
    level = combined.level;
    reasons.push(combined);
  }
  return { level, score: scoreOf(level, severitySum / (4 * RISK_INDICATORS.length)), reasons: sortReasons(reasons), indicators };
}

/** The combination reason when several indicators together raise the level; null otherwise. */
function combine(reasons: RiskReason[], config: RiskThresholds, level: RiskLevel): RiskReason | null {
  const { orangeForRed, yellowForOrange } = config.combination;
  const orange = reasons.filter((r) => riskRank(r.level) >= riskRank('orange')).length;
  const yellow = reasons.length;
  const make = (value: number, threshold: number, to: RiskLevel): RiskReason =>
    ({ indicator: 'combination', value, threshold, level: to, text: reasonText({ kind: 'combination', value, threshold, level: to }) });
  if (orangeForRed > 0 && orange >= orangeForRed && level !== 'red') return make(orange, orangeForRed, 'red');
  if (yellowForOrange > 0 && yellow >= yellowForOrange && riskRank(level) < riskRank('orange')) return make(yellow, yellowForOrange, 'orange');
  return null;
}

/** 25 × rank + up to 24.9 for `fraction` in [0, 1), to one decimal. */
export function scoreOf(level: RiskLevel, fraction: number): number {
  return Math.round((25 * riskRank(level) + 24.9 * Math.min(1, Math.max(0, fraction))) * 10) / 10;
}

/** Highest level first; within a level, in indicator order (stable). */
export function sortReasons(reasons: RiskReason[]): RiskReason[] {
  return [...reasons].sort((a, b) => riskRank(b.level) - riskRank(a.level));
}
