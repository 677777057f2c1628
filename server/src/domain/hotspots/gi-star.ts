/**
 * Getis–Ord Gi* (Ord & Getis 1995) of counts over areas, with binary weights: an area's neighbourhood
 * is itself and the areas that share a boundary with it (queen contiguity). For area i,
 *
 *   Gi* = (Σj wij xj − X̄ Σj wij) / ( S √[ (n Σj wij² − (Σj wij)²) / (n − 1) ] )
 *
 * with X̄ the mean and S = √(Σ x² / n − X̄²) the standard deviation of all n areas. Gi* is a z-score:
 * large and positive where high counts cluster (a hot spot), large and negative where low ones do (a
 * cold spot). When every area has the same count (S = 0), or an area's neighbourhood is every area,
 * its z is 0. An area with no neighbours is its own neighbourhood (a lone high count is not a cluster
 * of high counts, but it still weighs as one area).
 */
import { twoSidedP } from './normal.ts';

/** 99%, 95% and 90% confidence: |z| at least 2.576, 1.960, 1.645 (two-sided). */
export const CONFIDENCE_Z: readonly [number, number][] = [[99, 2.576], [95, 1.96], [90, 1.645]];

export interface GiStar { z: number; p: number; confidence: 99 | 95 | 90 | 0; class: 'hot' | 'cold' | 'none' }

/** The confidence bin and class of a z-score. */
export function classify(z: number): Pick<GiStar, 'confidence' | 'class'> {
  for (const [c, limit] of CONFIDENCE_Z) if (Math.abs(z) >= limit) return { confidence: c as 99 | 95 | 90, class: z > 0 ? 'hot' : 'cold' };
  return { confidence: 0, class: 'none' };
}

/**
 * Gi* of every area. `neighbours[i]` lists the indexes of i's neighbours (not i itself; symmetric
 * lists are expected but not required).
 */
export function giStar(x: readonly number[], neighbours: readonly (readonly number[])[]): GiStar[] {
  const n = x.length;
  if (n < 2) return x.map(() => ({ z: 0, p: 1, ...classify(0) }));
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const s = Math.sqrt(Math.max(0, x.reduce((a, v) => a + v * v, 0) / n - mean * mean));
  return x.map((_, i) => {
    const hood = [i, ...neighbours[i].filter((j) => j !== i)];
    const w = hood.length; // Σ wij = Σ wij² with binary weights
    const sum = hood.reduce((a, j) => a + x[j], 0);
    const denom = s * Math.sqrt(Math.max(0, (n * w - w * w) / (n - 1)));
    const z = denom > 0 ? (sum - mean * w) / denom : 0;
    const r = Math.round(z * 10_000) / 10_000;
    return { z: r, p: Math.round(twoSidedP(z) * 100_000) / 100_000, ...classify(z) };
  });
}
