import { describe, expect, it } from 'vitest';
import { normalCdf, twoSidedP } from './normal.ts';

describe('the normal distribution', () => {
  // Table values of Φ.
  it.each([[0, 0.5], [1, 0.8413], [1.96, 0.975], [-1.645, 0.05], [2.576, 0.995], [-3, 0.00135]])('Φ(%s) ≈ %s', (z, p) => expect(normalCdf(z)).toBeCloseTo(p, 4));
  it.each([[-1.96, 0.05], [1.645, 0.1], [2.576, 0.01], [0, 1]])('two-sided p of %s ≈ %s', (z, p) => expect(twoSidedP(z)).toBeCloseTo(p, 3));
});
