/**
 * Hand-computed fixtures for Gi*, Mann–Kendall, the emerging classes and repeat groups. The working
 * is written beside each case so it can be checked with a pocket calculator.
 */
import { describe, expect, it } from 'vitest';
import { emergingClass, emergingHotspots } from './emerging-hotspots.ts';
import { classify, giStar } from './gi-star.ts';
import { mannKendall } from './mann-kendall.ts';
import { normalCdf, twoSidedP } from './normal.ts';
import { keyGroups, pairGroups } from './repeat-groups.ts';

const line = (n: number) => Array.from({ length: n }, (_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n));

describe('the normal distribution', () => {
  it.each([[0, 0.5], [1.96, 0.975], [-1.645, 0.05], [2.576, 0.995]])('Φ(%s) ≈ %s', (z, p) => expect(normalCdf(z)).toBeCloseTo(p, 3));
  it('two-sided p', () => expect(twoSidedP(-1.96)).toBeCloseTo(0.05, 3));
});

describe('Gi*', () => {
  // Five areas on a line, x = 1 2 3 4 10: n = 5, mean 4, Σx² = 130, S = √(130/5 − 16) = √10 = 3.16228.
  // Area 4: neighbourhood {3, 4}, w = 2, Σ = 14, (14 − 4·2) / (√10 · √((5·2 − 2²)/4)) = 6 / 3.87298 = 1.54919.
  // Area 2: {1, 2, 3}, w = 3, Σ = 9, (9 − 12) / (√10 · √((15 − 9)/4)) = −3 / 3.87298 = −0.77460.
  it('of 1 2 3 4 10 on a line', () => {
    const g = giStar([1, 2, 3, 4, 10], line(5));
    expect(g.map((a) => a.z)).toEqual([-1.291, -1.5492, -0.7746, 1.291, 1.5492]);
    expect(g[4].p).toBeCloseTo(0.1213, 3);
    expect(g.every((a) => a.class === 'none')).toBe(true);
  });
  // x = 0 0 0 0 8 8: mean 8/3, Σx² = 128, S = √(128/6 − 64/9) = 3.77124.
  // Area 5: {4, 5}, Σ = 16, (16 − 16/3) / (S · √((12 − 4)/5)) = 10.6667 / 4.77031 = 2.23607 (√5): hot at 95%.
  // Area 4: {3, 4, 5}, Σ = 16, (16 − 8) / (S · √((18 − 9)/5)) = 8 / 5.05964 = 1.58114: not significant.
  it('finds the cluster of high counts at the end of the line', () => {
    const g = giStar([0, 0, 0, 0, 8, 8], line(6));
    expect(g[5]).toMatchObject({ z: 2.2361, confidence: 95, class: 'hot' });
    expect(g[4]).toMatchObject({ z: 1.5811, confidence: 0, class: 'none' });
    expect(g[0].z).toBe(-1.118);
  });
  it('is 0 everywhere when every count is the same, and for an area whose neighbourhood is everything', () => {
    expect(giStar([3, 3, 3], line(3)).map((a) => a.z)).toEqual([0, 0, 0]);
    expect(giStar([1, 9], [[1], [0]]).map((a) => a.z)).toEqual([0, 0]);
  });
  it.each([[2.6, 99, 'hot'], [-2.0, 95, 'cold'], [1.7, 90, 'hot'], [1.6, 0, 'none']] as const)('classifies z = %s', (z, c, k) => {
    expect(classify(z)).toEqual({ confidence: c, class: k });
  });
});

describe('Mann–Kendall', () => {
  // 1 2 3 4 5: S = 10, Var = 5·4·15/18 = 16.667, Z = (10 − 1)/4.08248 = 2.20454, p = 0.0275, tau = 1.
  it('of a rising series', () => {
    expect(mannKendall([1, 2, 3, 4, 5])).toMatchObject({ s: 10, z: 2.2045, tau: 1, direction: 'up' });
    expect(mannKendall([1, 2, 3, 4, 5]).p).toBeCloseTo(0.0275, 3);
    expect(mannKendall([5, 4, 3, 2, 1]).direction).toBe('down');
  });
  // 1 1 2: S = 0 + 1 + 1 = 2; a tie of 2: Var = (3·2·11 − 2·1·9)/18 = 48/18 = 2.6667; Z = 1/1.63299 = 0.61237.
  it('with ties', () => {
    expect(mannKendall([1, 1, 2])).toMatchObject({ s: 2, z: 0.6124, tau: 0.6667, direction: 'none' });
    expect(mannKendall([1, 1, 2]).var_s).toBeCloseTo(2.6667, 4);
  });
  it('of a flat series', () => expect(mannKendall([2, 2, 2, 2])).toMatchObject({ s: 0, z: 0, p: 1, direction: 'none' }));
});

describe('emerging classes', () => {
  const b = (s: string) => [...s].map((c) => ({ class: c === 'H' ? 'hot' as const : c === 'C' ? 'cold' as const : 'none' as const }));
  const up = { direction: 'up' as const }, none = { direction: 'none' as const }, down = { direction: 'down' as const };
  it.each([
    ['.........H', none, 'new'],
    ['HHHHHHHHHH', up, 'intensifying'],
    ['HHHHHHHHHH', none, 'persistent'],
    ['H.HHHHHHHH', none, 'persistent'],
    ['HHHHHHHHHH', down, 'diminishing'],
    ['.H..H...HH', none, 'sporadic'],
    ['.C..H...HH', none, 'oscillating'],
    ['HHHHHHHHH.', down, 'historical'],
    ['H.H.H.H...', none, 'none'],
    ['..........', none, 'none'],
  ] as const)('%s → %s', (series, trend, cls) => expect(emergingClass(b(series), trend)).toBe(cls));

  it('put together: a cluster at the end of a line, month by month', () => {
    // Ten areas on a line; month 1: x = 1×9, 5 → n 10, mean 1.4, Σx² = 34, S = √(3.4 − 1.96) = 1.2;
    // area 9: {8, 9}, Σ = 6, (6 − 2.8) / (1.2 · √((20 − 4)/9)) = 3.2 / 1.6 = 2.0: hot at 95%.
    const counts = [[1, 1, 1, 1, 1, 1, 1, 1, 1, 5], [1, 1, 1, 1, 1, 1, 1, 1, 3, 5], [1, 1, 1, 1, 1, 1, 1, 1, 5, 5], [1, 1, 1, 1, 1, 1, 1, 2, 6, 6]];
    const r = emergingHotspots(counts, line(10));
    expect(r[9].bins[0]).toMatchObject({ z: 2, class: 'hot', confidence: 95 });
    expect(r[9].bins.every((x) => x.class === 'hot')).toBe(true);
    // z 2, 2.81, 3, 2.97: S = 4 of 6 pairs up, Var = 4·3·13/18 = 8.667, Z = 3/2.944 = 1.019, p = 0.31: no trend.
    expect(r[9].trend).toMatchObject({ s: 4, z: 1.019, direction: 'none' });
    expect(r[9].category).toBe('persistent');
    expect(r[0].category).toBe('none');
  });
});

describe('repeat groups', () => {
  const day = 86_400_000;
  it('groups the same key within the window, and splits at a gap', () => {
    const rows = [
      { id: 1, key: 'a', at: 0 }, { id: 2, key: 'a', at: 10 * day }, { id: 3, key: 'a', at: 50 * day }, { id: 4, key: 'a', at: 55 * day },
      { id: 5, key: 'b', at: 0 }, { id: 6, key: 'c', at: 1 * day }, { id: 7, key: 'c', at: 2 * day }, { id: 8, key: 'c', at: 3 * day },
    ];
    expect(keyGroups(rows, 30 * day)).toEqual([[6, 7, 8], [1, 2], [3, 4]]);
  });
  it('joins pairs into connected groups', () => {
    expect(pairGroups([[1, 2], [2, 3], [7, 9], [4, 5], [5, 1]])).toEqual([[1, 2, 3, 4, 5], [7, 9]]);
  });
});
