/**
 * The Mann–Kendall trend test of a series: S = Σ_{i<j} sign(x_j − x_i); with ties grouped in sizes t,
 * Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)] / 18; Z = (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0,
 * 0 otherwise; two-sided p from the normal; Kendall's tau = S / (n(n−1)/2).
 */
import { twoSidedP } from './normal.ts';

export interface Trend { s: number; var_s: number; z: number; p: number; tau: number; direction: 'up' | 'down' | 'none' }

export function mannKendall(x: readonly number[], alpha = 0.1): Trend {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(x[j] - x[i]);
  const ties = new Map<number, number>();
  for (const v of x) ties.set(v, (ties.get(v) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of ties.values()) if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  const z = varS > 0 ? (s > 0 ? (s - 1) / Math.sqrt(varS) : s < 0 ? (s + 1) / Math.sqrt(varS) : 0) : 0;
  const p = varS > 0 ? twoSidedP(z) : 1;
  const pairs = (n * (n - 1)) / 2;
  return {
    s, var_s: varS, z: Math.round(z * 10_000) / 10_000, p: Math.round(p * 100_000) / 100_000, tau: pairs ? Math.round((s / pairs) * 10_000) / 10_000 : 0,
    direction: p < alpha ? (s > 0 ? 'up' : 'down') : 'none',
  };
}
