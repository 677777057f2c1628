import { describe, expect, it } from 'vitest';
import { riskTrend } from './risk-trend.ts';
import type { RiskLevel } from './risk-levels.ts';

const M = (scores: [RiskLevel, number][]) => scores.map(([level, score], i) => ({ month: `2026-0${i + 1}`, level, score }));

const CASES = [
  // 6 months → thirds of 2: early mean of the first 2, recent mean of the last 2
  { title: 'rising scores', months: M([['blue', 5], ['blue', 10], ['blue', 12], ['yellow', 30], ['yellow', 35], ['yellow', 40]]), trend: 'rising', change: 30 },
  { title: 'falling scores', months: M([['orange', 60], ['orange', 55], ['yellow', 40], ['yellow', 35], ['blue', 20], ['blue', 10]]), trend: 'falling', change: -42.5 },
  { title: 'steady within one colour', months: M([['yellow', 30], ['yellow', 34], ['yellow', 31], ['yellow', 29], ['yellow', 33], ['yellow', 35]]), trend: 'steady', change: 2 },
  { title: 'a level rise with a small score rise', months: M([['blue', 20], ['yellow', 26], ['yellow', 28]]), trend: 'rising', change: 8 },
  { title: 'a single month', months: M([['red', 90]]), trend: 'steady', change: 0 },
];

describe('riskTrend', () => {
  it.each(CASES)('$title → $trend', ({ months, trend, change }) => {
    const t = riskTrend(months);
    expect([t.trend, t.score_change]).toEqual([trend, change]);
  });
});
