/**
 * Gi* against hand computations. Notation: n areas, X̄ the mean, S = √(Σx²/n − X̄²), an area's
 * neighbourhood its own index plus its neighbours, w its size (binary weights: Σw = Σw² = w),
 * Gi* = (Σ_hood x − X̄·w) / (S·√((n·w − w²)/(n − 1))).
 */
import { describe, expect, it } from 'vitest';
import { classify, giStar } from './gi-star.ts';
import { line } from './test-fixtures.ts';

describe('Gi*', () => {
  // Five areas on a line, x = 1 2 3 4 10: n = 5, X̄ = 4, Σx² = 130, S = √(130/5 − 16) = √10 = 3.16228.
  // Area 4: {3, 4}, w = 2, Σ = 14: (14 − 8) / (√10 · √((10 − 4)/4)) = 6 / 3.87298 = 1.54919.
  // Area 3: {2, 3, 4}, w = 3, Σ = 17: (17 − 12) / (√10 · √((15 − 9)/4)) = 5 / 3.87298 = 1.29099.
  // Area 2: {1, 2, 3}, Σ = 9: −3 / 3.87298 = −0.77460. Area 1: {0, 1, 2}, Σ = 6: −6 / 3.87298 = −1.54919.
  // Area 0: {0, 1}, Σ = 3: (3 − 8) / 3.87298 = −1.29099. None reaches |z| ≥ 1.645.
  it('of 1 2 3 4 10 on a line', () => {
    const g = giStar([1, 2, 3, 4, 10], line(5));
    expect(g.map((a) => a.z)).toEqual([-1.291, -1.5492, -0.7746, 1.291, 1.5492]);
    expect(g[4].p).toBeCloseTo(0.1213, 3); // 2·(1 − Φ(1.54919))
    expect(g.every((a) => a.class === 'none' && a.confidence === 0)).toBe(true);
  });

  // x = 0 0 0 0 8 8: X̄ = 8/3, Σx² = 128, S = √(128/6 − 64/9) = 3.77124.
  // Area 5: {4, 5}, Σ = 16: (16 − 16/3) / (S · √((12 − 4)/5)) = 10.6667 / 4.77031 = 2.23607: hot at 95%.
  // Area 4: {3, 4, 5}, Σ = 16: (16 − 8) / (S · √((18 − 9)/5)) = 8 / 5.05964 = 1.58114: not significant.
  // Area 0: {0, 1}, Σ = 0: (0 − 16/3) / 4.77031 = −1.11803.
  it('finds the cluster of high counts at the end of the line', () => {
    const g = giStar([0, 0, 0, 0, 8, 8], line(6));
    expect(g[5]).toMatchObject({ z: 2.2361, confidence: 95, class: 'hot' });
    expect(g[4]).toMatchObject({ z: 1.5811, confidence: 0, class: 'none' });
    expect(g[0].z).toBe(-1.118);
  });

  // Ten areas on a line. x = 1×8, 5, 5: X̄ = 1.8, Σx² = 58, S = √(5.8 − 3.24) = 1.6; area 9: {8, 9}, Σ = 10:
  // (10 − 3.6) / (1.6 · √((20 − 4)/9)) = 6.4 / 2.13333 = 3.0: hot at 99%, p = 2·(1 − Φ(3)) = 0.0027.
  // x = 1×8, 0, 0: X̄ = 0.8, Σx² = 8, S = √(0.8 − 0.64) = 0.4; area 9: Σ = 0: −1.6 / (0.4 · 4/3) = −3.0: cold at 99%.
  it('at 99% confidence, hot and cold', () => {
    expect(giStar([1, 1, 1, 1, 1, 1, 1, 1, 5, 5], line(10))[9]).toMatchObject({ z: 3, confidence: 99, class: 'hot' });
    expect(giStar([1, 1, 1, 1, 1, 1, 1, 1, 5, 5], line(10))[9].p).toBeCloseTo(0.0027, 4);
    expect(giStar([1, 1, 1, 1, 1, 1, 1, 1, 0, 0], line(10))[9]).toMatchObject({ z: -3, confidence: 99, class: 'cold' });
  });

  // An area with no neighbours is its own neighbourhood (w = 1). Areas 0–1–2 on a line, area 3 alone;
  // x = 1 1 1 5: X̄ = 2, Σx² = 28, S = √(7 − 4) = 1.73205.
  // Area 3: {3}, w = 1: (5 − 2) / (S · √((4 − 1)/3)) = 3 / 1.73205 = 1.73205: hot at 90%, p = 0.0833.
  // Area 1: {0, 1, 2}, w = 3, Σ = 3: (3 − 6) / (S · √((12 − 9)/3)) = −1.73205: cold at 90%.
  // Area 0: {0, 1}, w = 2, Σ = 2: (2 − 4) / (S · √((8 − 4)/3)) = −2 / 2 = −1.
  it('of an area with no neighbours: itself alone', () => {
    const g = giStar([1, 1, 1, 5], [[1], [0, 2], [1], []]);
    expect(g.map((a) => a.z)).toEqual([-1, -1.7321, -1, 1.7321]);
    expect(g[3]).toMatchObject({ confidence: 90, class: 'hot' });
    expect(g[3].p).toBeCloseTo(0.0833, 3);
    expect(g[1]).toMatchObject({ confidence: 90, class: 'cold' });
  });

  // S = 0 (all equal) and w = n (the numerator and the variance term are both 0) leave nothing to test: z = 0, p = 1.
  it('is 0 everywhere when every count is the same, and for an area whose neighbourhood is everything', () => {
    expect(giStar([3, 3, 3], line(3)).map((a) => [a.z, a.p])).toEqual([[0, 1], [0, 1], [0, 1]]);
    expect(giStar([1, 9], [[1], [0]]).map((a) => a.z)).toEqual([0, 0]);
  });

  it('ignores an area listed as its own neighbour', () => {
    expect(giStar([1, 2, 3, 4, 10], [[0, 1], [0, 2], [1, 3], [2, 4], [3, 4]]).map((a) => a.z)).toEqual([-1.291, -1.5492, -0.7746, 1.291, 1.5492]);
  });

  it.each([
    [2.6, 99, 'hot'], [2.576, 99, 'hot'], [2.5, 95, 'hot'], [-2.0, 95, 'cold'], [1.96, 95, 'hot'], [1.7, 90, 'hot'], [-1.645, 90, 'cold'], [1.6, 0, 'none'], [-1.64, 0, 'none'], [0, 0, 'none'],
  ] as const)('classifies z = %s as %s%% %s', (z, c, k) => {
    expect(classify(z)).toEqual({ confidence: c, class: k });
  });
});
