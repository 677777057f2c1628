/**
 * Mann–Kendall against hand computations: S = Σ_{i<j} sign(x_j − x_i); Var(S) = [n(n−1)(2n+5) −
 * Σ t(t−1)(2t+5)] / 18 over groups of t ties; Z = (S ∓ 1)/√Var; p two-sided; tau = S / (n(n−1)/2).
 */
import { describe, expect, it } from 'vitest';
import { mannKendall } from './mann-kendall.ts';

describe('Mann–Kendall', () => {
  it.each([
    // 1 2 3 4 5: all 10 pairs rise, S = 10, Var = 5·4·15/18 = 16.6667, Z = 9/4.08248 = 2.20454, p = 0.0275.
    [[1, 2, 3, 4, 5], { s: 10, var_s: 16.6667, z: 2.2045, p: 0.0275, tau: 1, direction: 'up' }],
    [[5, 4, 3, 2, 1], { s: -10, var_s: 16.6667, z: -2.2045, p: 0.0275, tau: -1, direction: 'down' }],
    // 2 2.4914 2.8111 3 (four rising z-scores): S = 6, Var = 4·3·13/18 = 8.6667, Z = 5/2.94392 = 1.69842,
    // p = 2·(1 − Φ(1.69842)) = 0.0894 < 0.1: up.
    [[2, 2.4914, 2.8111, 3], { s: 6, var_s: 8.6667, z: 1.6984, p: 0.0894, tau: 1, direction: 'up' }],
    // 1 1 2: S = 0 + 1 + 1 = 2; one tie of 2: Var = (3·2·11 − 2·1·9)/18 = 48/18 = 2.6667; Z = 1/1.63299 = 0.61237, p = 0.5403.
    [[1, 1, 2], { s: 2, var_s: 2.6667, z: 0.6124, p: 0.5403, tau: 0.6667, direction: 'none' }],
    // 3 1 4 1 5: pairs from 3: − + − +; from 1: + 0 +; from 4: − +; from 1: + → 6 up, 3 down, S = 3.
    // Tie of 2 (the 1s): Var = (5·4·15 − 18)/18 = 15.6667; Z = 2/3.95811 = 0.50529; p = 0.6134; tau = 3/10.
    [[3, 1, 4, 1, 5], { s: 3, var_s: 15.6667, z: 0.5053, p: 0.6134, tau: 0.3, direction: 'none' }],
    // 2 2 2 2: S = 0, one tie of 4: Var = (4·3·13 − 4·3·13)/18 = 0 → Z = 0, p = 1.
    [[2, 2, 2, 2], { s: 0, var_s: 0, z: 0, p: 1, tau: 0, direction: 'none' }],
  ] as const)('of %j', (x, want) => {
    const t = mannKendall(x);
    expect([t.s, t.tau, t.direction]).toEqual([want.s, want.tau, want.direction]);
    expect(t.var_s).toBeCloseTo(want.var_s, 4);
    expect(t.z).toBeCloseTo(want.z, 4);
    expect(t.p).toBeCloseTo(want.p, 3);
  });

  it('uses the significance level given', () => {
    // 1 2 3 4 5 has p = 0.0275: a trend at α = 0.05, none at α = 0.01.
    expect(mannKendall([1, 2, 3, 4, 5], 0.05).direction).toBe('up');
    expect(mannKendall([1, 2, 3, 4, 5], 0.01).direction).toBe('none');
  });
});
