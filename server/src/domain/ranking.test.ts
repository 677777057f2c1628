import { describe, expect, it } from 'vitest';
import { rankUnits } from './ranking.ts';

// score = 0.8 × rate + 0.2 × (100 × found ÷ max found); max found = 100 (A)
const UNITS = [
  { code: 'a', name: 'A', found: 100, resolved: 98 }, // rate 98.0, index 100 → 78.4 + 20 = 98.4
  { code: 'b', name: 'B', found: 50, resolved: 50 }, //  rate 100,  index 50  → 80 + 10 = 90.0
  { code: 'c', name: 'C', found: 80, resolved: 76 }, //  rate 95.0, index 80  → 76 + 16 = 92.0
  { code: 'd', name: 'D', found: 0, resolved: 0 }, //    no rate,   index 0   → 0
  { code: 'e', name: 'E', found: 40, resolved: 36 }, //  rate 90.0, index 40  → 72 + 8 = 80.0
  { code: 'f', name: 'F', found: 25, resolved: 25 }, //  rate 100,  index 25  → 80 + 5 = 85.0
  { code: 'g', name: 'G', found: 50, resolved: 50 }, //  same as B: 90.0, after B by code
];

describe('rankUnits', () => {
  it('orders by the composite score with competition ranks for ties', () => {
    const r = rankUnits(UNITS);
    expect(r.map((u) => [u.code, u.score, u.rank])).toEqual([
      ['a', 98.4, 1], ['c', 92, 2], ['b', 90, 3], ['g', 90, 3], ['f', 85, 5], ['e', 80, 6], ['d', 0, 7],
    ]);
    expect(r.map((u) => u.rate)).toEqual([98, 95, 100, 100, 100, 90, null]);
  });
  it('flags the bottom three', () => {
    expect(rankUnits(UNITS).filter((u) => u.bottom).map((u) => u.code)).toEqual(['f', 'e', 'd']);
  });
  it('flags units tied with the last bottom place too', () => {
    // bottom 4 starts at G (90.0), which ties with B
    expect(rankUnits(UNITS, 4).filter((u) => u.bottom).map((u) => u.code)).toEqual(['b', 'g', 'f', 'e', 'd']);
  });
  it('flags nothing with bottom 0 and everything when bottom exceeds the list', () => {
    expect(rankUnits(UNITS, 0).some((u) => u.bottom)).toBe(false);
    expect(rankUnits(UNITS.slice(0, 2), 3).every((u) => u.bottom)).toBe(true);
  });
  it('ranks an empty list as empty', () => {
    expect(rankUnits([])).toEqual([]);
  });
  it('breaks equal scores by rate before found', () => {
    // X: rate 80, index 100 → 64 + 20 = 84; Y: rate 100, index 20 → 80 + 4 = 84
    const r = rankUnits([{ code: 'x', name: 'X', found: 100, resolved: 80 }, { code: 'y', name: 'Y', found: 20, resolved: 20 }]);
    expect(r.map((u) => [u.code, u.score, u.rank])).toEqual([['y', 84, 1], ['x', 84, 1]]);
  });
});
