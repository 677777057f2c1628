/**
 * The four-colour risk thresholds as configuration: defaults here, overridable as a whole or in part
 * through the RISK_THRESHOLDS environment variable (JSON, merged over the defaults and validated by
 * parseRiskThresholds). Pure: the client imports it for the legend. README "Four-colour risk"
 * documents every number below; keep the two in step.
 */
import type { Label } from './risk-levels.ts';

/** What a grid is judged on, over a period [start, end). */
export const RISK_INDICATORS = ['open', 'overdue', 'due_soon', 'criminal', 'repeat', 'escalated', 'trend'] as const;
export type RiskIndicator = (typeof RISK_INDICATORS)[number];

/** Indicators that count disputes: for a parent area their thresholds scale with its number of grids. */
export const COUNT_INDICATORS = ['open', 'overdue', 'due_soon', 'criminal', 'repeat', 'escalated'] as const satisfies readonly RiskIndicator[];
/** Counted over the period (not at its end): for long periods their thresholds also scale with its length. */
export const FLOW_INDICATORS: readonly RiskIndicator[] = ['repeat', 'escalated'];

export const RISK_INDICATOR_NAMES: Record<RiskIndicator, Label> = {
  open: { zh: '未化解纠纷', en: 'Open disputes' },
  overdue: { zh: '超期未化解（红牌）', en: 'Overdue open disputes (red cards)' },
  due_soon: { zh: '临近时限（黄牌）', en: 'Open disputes near their time limit (yellow cards)' },
  criminal: { zh: '有民转刑风险的未化解纠纷', en: 'Open disputes at risk of turning criminal' },
  repeat: { zh: '反复纠纷', en: 'Repeat disputes' },
  escalated: { zh: '上报升级', en: 'Escalations' },
  trend: { zh: '纠纷量环比', en: 'Trend vs previous period' },
};

/** A value at or above a threshold reaches that level; null = the indicator never reaches it. */
export interface LevelThresholds {
  readonly yellow: number | null;
  readonly orange: number | null;
  readonly red: number | null;
}

export interface RiskThresholds {
  /** Per grid. Counts for open/overdue/due_soon/criminal (at the period's end), repeat/escalated (in it); trend is a ratio. */
  readonly indicators: Readonly<Record<RiskIndicator, LevelThresholds>>;
  /** The trend only counts when the area had at least this many disputes reported in the period. */
  readonly trendMinReported: number;
  /** Flow thresholds hold for periods of up to this many months; longer periods scale them by months ÷ this. */
  readonly flowReferenceMonths: number;
  readonly combination: {
    /** This many indicators at orange or above make the area red (0 = off). */
    readonly orangeForRed: number;
    /** This many indicators at yellow or above make the area at least orange (0 = off). */
    readonly yellowForOrange: number;
  };
  readonly rollup: {
    /** A parent's count thresholds are the grid thresholds × (its grids)^exponent: 0 = as a grid, 1 = as its average grid. */
    readonly gridScaleExponent: number;
    /** Red when at least max(redChildrenMin, ⌈redChildrenShare × children⌉) children are red. */
    readonly redChildrenMin: number;
    readonly redChildrenShare: number;
  };
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = deepFreeze({
  indicators: {
    open: { yellow: 2, orange: 4, red: 6 },
    overdue: { yellow: 1, orange: 2, red: 4 },
    // Near the limit is a warning: overdue (red cards) is what makes an area red.
    due_soon: { yellow: 2, orange: 4, red: null },
    criminal: { yellow: 1, orange: 2, red: 3 },
    repeat: { yellow: 2, orange: 3, red: 5 },
    escalated: { yellow: 2, orange: 3, red: 5 },
    // A rise alone is an early warning, never red by itself.
    trend: { yellow: 2, orange: 4, red: null },
  },
  trendMinReported: 6,
  flowReferenceMonths: 4,
  combination: { orangeForRed: 2, yellowForOrange: 3 },
  rollup: { gridScaleExponent: 1, redChildrenMin: 2, redChildrenShare: 0.25 },
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') for (const v of Object.values(o)) deepFreeze(v);
  return Object.freeze(o);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads RISK_THRESHOLDS: a JSON object with any part of RiskThresholds, merged over the defaults,
 * e.g. `{"indicators":{"open":{"yellow":3}},"trendMinReported":8}`.
 * @throws Error naming the offending key (unknown keys, wrong types, thresholds not ascending).
 */
export function parseRiskThresholds(json: string, base: RiskThresholds = DEFAULT_RISK_THRESHOLDS): RiskThresholds {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`is not valid JSON (${(e as Error).message})`);
  }
  return deepFreeze(mergeRiskThresholds(base, raw));
}

/** Merges a partial override over base, checking every key and value. @throws Error naming the key. */
export function mergeRiskThresholds(base: RiskThresholds, override: unknown): RiskThresholds {
  const top = objectOf(override, '(top level)', ['indicators', 'trendMinReported', 'flowReferenceMonths', 'combination', 'rollup']);
  const ind = top.indicators === undefined ? {} : objectOf(top.indicators, 'indicators', RISK_INDICATORS);
  const indicators = {} as Record<RiskIndicator, LevelThresholds>;
  for (const k of RISK_INDICATORS) {
    const o = ind[k] === undefined ? {} : objectOf(ind[k], `indicators.${k}`, ['yellow', 'orange', 'red']);
    const t = { ...base.indicators[k] } as { yellow: number | null; orange: number | null; red: number | null };
    for (const lv of ['yellow', 'orange', 'red'] as const) {
      if (o[lv] !== undefined) t[lv] = thresholdOf(o[lv], `indicators.${k}.${lv}`);
    }
    const set = [t.yellow, t.orange, t.red].filter((v): v is number => v !== null);
    if (set.some((v, i) => i > 0 && v <= set[i - 1])) {
      throw new Error(`indicators.${k} must ascend (yellow < orange < red), got ${JSON.stringify(t)}`);
    }
    indicators[k] = t;
  }
  const comb = top.combination === undefined ? {} : objectOf(top.combination, 'combination', ['orangeForRed', 'yellowForOrange']);
  const roll = top.rollup === undefined ? {} : objectOf(top.rollup, 'rollup', ['gridScaleExponent', 'redChildrenMin', 'redChildrenShare']);
  const combinationCount = (v: unknown, def: number, name: string) => {
    const n = v === undefined ? def : integerOf(v, name, 0, 6);
    if (n === 1) throw new Error(`${name} must be 0 (off) or 2..6, got 1`);
    return n;
  };
  return {
    indicators,
    trendMinReported: top.trendMinReported === undefined ? base.trendMinReported : integerOf(top.trendMinReported, 'trendMinReported', 1, 10_000),
    flowReferenceMonths: top.flowReferenceMonths === undefined ? base.flowReferenceMonths : integerOf(top.flowReferenceMonths, 'flowReferenceMonths', 1, 120),
    combination: {
      orangeForRed: combinationCount(comb.orangeForRed, base.combination.orangeForRed, 'combination.orangeForRed'),
      yellowForOrange: combinationCount(comb.yellowForOrange, base.combination.yellowForOrange, 'combination.yellowForOrange'),
    },
    rollup: {
      gridScaleExponent: roll.gridScaleExponent === undefined ? base.rollup.gridScaleExponent : numberOf(roll.gridScaleExponent, 'rollup.gridScaleExponent', 0, 1),
      redChildrenMin: roll.redChildrenMin === undefined ? base.rollup.redChildrenMin : integerOf(roll.redChildrenMin, 'rollup.redChildrenMin', 1, 1000),
      redChildrenShare: roll.redChildrenShare === undefined ? base.rollup.redChildrenShare : numberOf(roll.redChildrenShare, 'rollup.redChildrenShare', 0, 1),
    },
  };
}

function objectOf(v: unknown, name: string, keys: readonly string[]): Json {
  if (!isObject(v)) throw new Error(`${name} must be a JSON object`);
  const unknown = Object.keys(v).find((k) => !keys.includes(k));
  if (unknown !== undefined) throw new Error(`${name === '(top level)' ? '' : `${name}.`}${unknown} is not a setting; known: ${keys.join(', ')}`);
  return v;
}

function numberOf(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new Error(`${name} must be a number in [${min}, ${max}], got ${JSON.stringify(v)}`);
  return v;
}

function integerOf(v: unknown, name: string, min: number, max: number): number {
  const n = numberOf(v, name, min, max);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number, got ${n}`);
  return n;
}

function thresholdOf(v: unknown, name: string): number | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new Error(`${name} must be a positive number or null, got ${JSON.stringify(v)}`);
  return v;
}
