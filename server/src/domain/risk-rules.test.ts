import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_THRESHOLDS as D, mergeRiskThresholds, type RiskIndicator } from './risk-config.ts';
import { assessRisk, effectiveThresholds, scoreOf, severity, trendRatio, ZERO_COUNTS, type RiskCounts } from './risk-rules.ts';
import type { RiskLevel } from './risk-levels.ts';

const GRID = { grids: 1, months: 4 };
const counts = (c: Partial<RiskCounts>): RiskCounts => ({ ...ZERO_COUNTS, ...c });

// Every boundary of every count indicator with the default grid thresholds: just below, at, just above.
// open 2/4/6 · overdue 1/2/4 · due_soon 2/4/— · criminal 1/2/3 · repeat 2/3/5 · escalated 2/3/5.
const BOUNDARY_CASES: { title: string; input: Partial<RiskCounts>; expected: { level: RiskLevel; threshold: number | null } }[] = [
  { title: 'open 1, below yellow 2', input: { open: 1 }, expected: { level: 'blue', threshold: null } },
  { title: 'open 2, at yellow', input: { open: 2 }, expected: { level: 'yellow', threshold: 2 } },
  { title: 'open 3, above yellow, below orange 4', input: { open: 3 }, expected: { level: 'yellow', threshold: 2 } },
  { title: 'open 4, at orange', input: { open: 4 }, expected: { level: 'orange', threshold: 4 } },
  { title: 'open 5, above orange, below red 6', input: { open: 5 }, expected: { level: 'orange', threshold: 4 } },
  { title: 'open 6, at red', input: { open: 6 }, expected: { level: 'red', threshold: 6 } },
  { title: 'open 7, above red', input: { open: 7 }, expected: { level: 'red', threshold: 6 } },
  { title: 'overdue 0, below yellow 1', input: { overdue: 0 }, expected: { level: 'blue', threshold: null } },
  { title: 'overdue 1, at yellow (just below orange 2)', input: { overdue: 1 }, expected: { level: 'yellow', threshold: 1 } },
  { title: 'overdue 2, at orange', input: { overdue: 2 }, expected: { level: 'orange', threshold: 2 } },
  { title: 'overdue 3, above orange, below red 4', input: { overdue: 3 }, expected: { level: 'orange', threshold: 2 } },
  { title: 'overdue 4, at red', input: { overdue: 4 }, expected: { level: 'red', threshold: 4 } },
  { title: 'overdue 5, above red', input: { overdue: 5 }, expected: { level: 'red', threshold: 4 } },
  { title: 'due_soon 1, below yellow 2', input: { due_soon: 1 }, expected: { level: 'blue', threshold: null } },
  { title: 'due_soon 2, at yellow', input: { due_soon: 2 }, expected: { level: 'yellow', threshold: 2 } },
  { title: 'due_soon 3, above yellow, below orange 4', input: { due_soon: 3 }, expected: { level: 'yellow', threshold: 2 } },
  { title: 'due_soon 4, at orange', input: { due_soon: 4 }, expected: { level: 'orange', threshold: 4 } },
  { title: 'due_soon 40, never red by itself (red cards are overdue)', input: { due_soon: 40 }, expected: { level: 'orange', threshold: 4 } },
  { title: 'criminal 0, below yellow 1', input: { criminal: 0 }, expected: { level: 'blue', threshold: null } },
  { title: 'criminal 1, at yellow (just below orange 2)', input: { criminal: 1 }, expected: { level: 'yellow', threshold: 1 } },
  { title: 'criminal 2, at orange (just below red 3)', input: { criminal: 2 }, expected: { level: 'orange', threshold: 2 } },
  { title: 'criminal 3, at red', input: { criminal: 3 }, expected: { level: 'red', threshold: 3 } },
  { title: 'criminal 4, above red', input: { criminal: 4 }, expected: { level: 'red', threshold: 3 } },
  { title: 'repeat 1, below yellow 2', input: { repeat: 1 }, expected: { level: 'blue', threshold: null } },
  { title: 'repeat 2, at yellow (just below orange 3)', input: { repeat: 2 }, expected: { level: 'yellow', threshold: 2 } },
  { title: 'repeat 3, at orange', input: { repeat: 3 }, expected: { level: 'orange', threshold: 3 } },
  { title: 'repeat 4, above orange, below red 5', input: { repeat: 4 }, expected: { level: 'orange', threshold: 3 } },
  { title: 'repeat 5, at red', input: { repeat: 5 }, expected: { level: 'red', threshold: 5 } },
  { title: 'repeat 6, above red', input: { repeat: 6 }, expected: { level: 'red', threshold: 5 } },
  { title: 'escalated 1, below yellow 2', input: { escalated: 1 }, expected: { level: 'blue', threshold: null } },
  { title: 'escalated 2, at yellow (just below orange 3)', input: { escalated: 2 }, expected: { level: 'yellow', threshold: 2 } },
  { title: 'escalated 3, at orange', input: { escalated: 3 }, expected: { level: 'orange', threshold: 3 } },
  { title: 'escalated 4, above orange, below red 5', input: { escalated: 4 }, expected: { level: 'orange', threshold: 3 } },
  { title: 'escalated 5, at red', input: { escalated: 5 }, expected: { level: 'red', threshold: 5 } },
  { title: 'escalated 6, above red', input: { escalated: 6 }, expected: { level: 'red', threshold: 5 } },
];

// Trend: reported ÷ max(previous, 1), counted from 6 reported; yellow ×2, orange ×4, never red alone.
const TREND_CASES: { title: string; input: { reported: number; previous: number | null }; expected: { ratio: number | null; level: RiskLevel } }[] = [
  { title: 'no data for the previous period: no trend', input: { reported: 50, previous: null }, expected: { ratio: null, level: 'blue' } },
  { title: '1 → 2 is no alarm (below the minimum count)', input: { reported: 2, previous: 1 }, expected: { ratio: null, level: 'blue' } },
  { title: '0 → 5, one below the minimum count', input: { reported: 5, previous: 0 }, expected: { ratio: null, level: 'blue' } },
  { title: 'at the minimum count, ×1.5: below yellow', input: { reported: 6, previous: 4 }, expected: { ratio: 1.5, level: 'blue' } },
  { title: 'just below yellow (×1.86)', input: { reported: 13, previous: 7 }, expected: { ratio: 1.86, level: 'blue' } },
  { title: 'at yellow (×2)', input: { reported: 8, previous: 4 }, expected: { ratio: 2, level: 'yellow' } },
  { title: 'above yellow (×2.25)', input: { reported: 9, previous: 4 }, expected: { ratio: 2.25, level: 'yellow' } },
  { title: 'just below orange (×3.75)', input: { reported: 15, previous: 4 }, expected: { ratio: 3.75, level: 'yellow' } },
  { title: 'at orange (×4)', input: { reported: 16, previous: 4 }, expected: { ratio: 4, level: 'orange' } },
  { title: 'above orange (×4.25)', input: { reported: 17, previous: 4 }, expected: { ratio: 4.25, level: 'orange' } },
  { title: 'none before: previous counts as 1 (6 → ×6, orange)', input: { reported: 6, previous: 0 }, expected: { ratio: 6, level: 'orange' } },
  { title: 'a hundredfold rise is still only orange', input: { reported: 100, previous: 1 }, expected: { ratio: 100, level: 'orange' } },
  { title: 'a fall is blue', input: { reported: 6, previous: 30 }, expected: { ratio: 0.2, level: 'blue' } },
];

const COMBINATION_CASES: { title: string; input: Partial<RiskCounts>; expected: { level: RiskLevel; combination: number | null } }[] = [
  { title: 'one orange, one yellow: orange', input: { open: 4, overdue: 1 }, expected: { level: 'orange', combination: null } },
  { title: 'two oranges make red', input: { open: 4, overdue: 2 }, expected: { level: 'red', combination: 2 } },
  { title: 'three oranges make red', input: { open: 4, overdue: 2, criminal: 2 }, expected: { level: 'red', combination: 3 } },
  { title: 'red and orange: red by itself, no combination reason', input: { open: 6, overdue: 2 }, expected: { level: 'red', combination: null } },
  { title: 'two yellows: yellow', input: { open: 2, overdue: 1 }, expected: { level: 'yellow', combination: null } },
  { title: 'three yellows make orange', input: { open: 2, overdue: 1, repeat: 2 }, expected: { level: 'orange', combination: 3 } },
  { title: 'one orange and two yellows make orange (no change in level, still a reason)', input: { open: 4, overdue: 1, repeat: 2 }, expected: { level: 'orange', combination: null } },
  { title: 'trend counts in combinations', input: { open: 4, reported: 6, previous: 0 }, expected: { level: 'red', combination: 2 } },
];

const levelIn = (c: Partial<RiskCounts>, k: RiskIndicator) => assessRisk(counts(c), D, GRID).indicators[k];

describe('four-colour rule for one grid', () => {
  it.each(BOUNDARY_CASES)('$title → $expected.level', ({ input, expected }) => {
    const r = assessRisk(counts(input), D, GRID);
    expect(r.level).toBe(expected.level);
    const k = Object.keys(input)[0] as RiskIndicator;
    expect(r.indicators[k].level).toBe(expected.level);
    if (expected.threshold === null) {
      expect(r.reasons).toEqual([]);
    } else {
      expect(r.reasons).toHaveLength(1);
      expect(r.reasons[0]).toMatchObject({ indicator: k, value: input[k as keyof RiskCounts], threshold: expected.threshold, level: expected.level });
      expect(r.reasons[0].text.zh).toContain(String(expected.threshold));
      expect(r.reasons[0].text.en).toContain(`${expected.level} threshold ${expected.threshold}`);
    }
  });

  it.each(TREND_CASES)('trend: $title', ({ input, expected }) => {
    expect(trendRatio(input.reported, input.previous, D.trendMinReported)).toBe(expected.ratio);
    const t = levelIn(input, 'trend');
    expect([t.value, t.level]).toEqual([expected.ratio, expected.level]);
    const r = assessRisk(counts(input), D, GRID);
    expect(r.level).toBe(expected.level);
    if (expected.level !== 'blue') expect(r.reasons[0].text.zh).toContain(`${input.reported} 件`);
  });

  it.each(COMBINATION_CASES)('combination: $title', ({ input, expected }) => {
    const r = assessRisk(counts(input), D, GRID);
    expect(r.level).toBe(expected.level);
    const comb = r.reasons.find((x) => x.indicator === 'combination');
    expect(comb?.value ?? null).toBe(expected.combination);
    if (comb) expect(comb.level).toBe(expected.level);
    // Every level above blue is explained by a reason at that level.
    if (r.level !== 'blue') expect(r.reasons[0].level).toBe(r.level);
  });

  it('can switch the combinations off', () => {
    const off = mergeRiskThresholds(D, { combination: { orangeForRed: 0, yellowForOrange: 0 } });
    expect(assessRisk(counts({ open: 4, overdue: 2 }), off, GRID).level).toBe('orange');
    expect(assessRisk(counts({ open: 2, overdue: 1, repeat: 2 }), off, GRID).level).toBe('yellow');
  });

  it('a quiet grid is blue with score 0 and no reasons', () => {
    expect(assessRisk(ZERO_COUNTS, D, GRID)).toMatchObject({ level: 'blue', score: 0, reasons: [] });
  });

  it('orders reasons from the highest level down', () => {
    const r = assessRisk(counts({ open: 2, overdue: 2, repeat: 3 }), D, GRID);
    expect(r.reasons.map((x) => [x.indicator, x.level])).toEqual([['combination', 'red'], ['overdue', 'orange'], ['repeat', 'orange'], ['open', 'yellow']]);
  });
});

describe('thresholds for larger areas and longer periods', () => {
  const SQRT = mergeRiskThresholds(D, { rollup: { gridScaleExponent: 0.5 } });
  const SCALE_CASES = [
    { title: 'a grid over 4 months: as configured', config: D, scale: { grids: 1, months: 4 }, expected: { open: [2, 4, 6], repeat: [2, 3, 5], trend: [2, 4, null] } },
    { title: 'a grid over 1 month: flow thresholds are not lowered', config: D, scale: { grids: 1, months: 1 }, expected: { open: [2, 4, 6], repeat: [2, 3, 5], trend: [2, 4, null] } },
    { title: 'a grid over 8 months: flow thresholds double', config: D, scale: { grids: 1, months: 8 }, expected: { open: [2, 4, 6], repeat: [4, 6, 10], trend: [2, 4, null] } },
    { title: 'a village of 4 grids: ×4 (its average grid)', config: D, scale: { grids: 4, months: 4 }, expected: { open: [8, 16, 24], repeat: [8, 12, 20], trend: [2, 4, null] } },
    { title: '9 grids over 12 months: ×9 for stock, ×27 for flow', config: D, scale: { grids: 9, months: 12 }, expected: { open: [18, 36, 54], repeat: [54, 81, 135], trend: [2, 4, null] } },
    { title: 'exponent 0.5, 4 grids: ×2', config: SQRT, scale: { grids: 4, months: 4 }, expected: { open: [4, 8, 12], repeat: [4, 6, 10], trend: [2, 4, null] } },
    { title: 'exponent 0.5, 2 grids: ×1.41, rounded up', config: SQRT, scale: { grids: 2, months: 4 }, expected: { open: [3, 6, 9], repeat: [3, 5, 8], trend: [2, 4, null] } },
  ];
  it.each(SCALE_CASES)('$title', ({ config, scale, expected }) => {
    const t = effectiveThresholds(config, scale);
    for (const [k, v] of Object.entries(expected)) expect([t[k as RiskIndicator].yellow, t[k as RiskIndicator].orange, t[k as RiskIndicator].red], k).toEqual(v);
  });

  it('judges a parent by its scaled thresholds: 15 open in 4 grids is yellow, 16 is orange', () => {
    expect(assessRisk(counts({ open: 15 }), D, { grids: 4, months: 4 }).level).toBe('yellow');
    const r = assessRisk(counts({ open: 16 }), D, { grids: 4, months: 4 });
    expect(r.level).toBe('orange');
    expect(r.reasons[0]).toMatchObject({ indicator: 'open', value: 16, threshold: 16 });
  });

  it('does not scale the trend minimum count with the area', () => {
    expect(assessRisk(counts({ reported: 6, previous: 1 }), D, { grids: 100, months: 4 }).indicators.trend).toMatchObject({ value: 6, level: 'orange' });
  });
});

describe('score', () => {
  it('stays inside its colour band and grows with the indicators', () => {
    const levels: RiskLevel[] = ['blue', 'yellow', 'orange', 'red'];
    levels.forEach((l, i) => {
      expect(scoreOf(l, 0)).toBe(25 * i);
      expect(scoreOf(l, 0.999)).toBeLessThan(25 * (i + 1));
    });
    const a = assessRisk(counts({ open: 4 }), D, GRID).score;
    const b = assessRisk(counts({ open: 5 }), D, GRID).score;
    const c = assessRisk(counts({ open: 5, repeat: 1 }), D, GRID).score;
    expect(a).toBeGreaterThanOrEqual(50);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    expect(b).toBeLessThan(75);
  });
  it('places a value between its thresholds on a 0–4 scale', () => {
    const t = D.indicators.open;
    expect([severity(0, t), severity(1, t), severity(2, t), severity(3, t), severity(6, t)]).toEqual([0, 0.5, 1, 1.5, 3]);
    expect(severity(12, t)).toBeCloseTo(3.5);
    expect(severity(null, D.indicators.trend)).toBe(0);
  });
});
