/**
 * The emerging classes: first each rule on a series of bin classes (H hot, C cold, . neither) and a
 * trend; then end to end, from monthly counts on ten areas in a line through Gi* and Mann–Kendall to
 * the class of the last area (area 9, neighbourhood {8, 9}, w = 2, n = 10; the denominator's factor
 * √((n·w − w²)/(n − 1)) = √(16/9) = 4/3).
 */
import { describe, expect, it } from 'vitest';
import { EMERGING_CLASSES, emergingClass, emergingHotspots } from './emerging-hotspots.ts';
import { line } from './test-fixtures.ts';

const b = (s: string) => [...s].map((c) => ({ class: c === 'H' ? 'hot' as const : c === 'C' ? 'cold' as const : 'none' as const }));
const up = { direction: 'up' as const }, flat = { direction: 'none' as const }, down = { direction: 'down' as const };

describe('emergingClass', () => {
  it.each([
    ['.........H', flat, 'new'],
    ['C........H', flat, 'new'],
    ['........HH', flat, 'consecutive'],
    ['.C...HHHHH', up, 'consecutive'],
    ['.HHHHHHHHH', up, 'intensifying'], // 9 of 10 = 90%
    ['HHHHHHHHHH', up, 'intensifying'],
    ['HHHHHHHHHH', flat, 'persistent'],
    ['H.HHHHHHHH', flat, 'persistent'],
    ['HHHHHHHHHH', down, 'diminishing'],
    ['..HHHHHHHH', up, 'consecutive'], // 8 of 10 < 90%, one run at the end
    ['.H..H...HH', flat, 'sporadic'],
    ['H.HHHHH.HH', up, 'sporadic'], // 8 of 10 < 90%, on and off
    ['.C..H...HH', flat, 'oscillating'],
    ['HHHHHHHHH.', down, 'historical'],
    ['HH.HHHHHHHHHHHHHHHHH.', flat, 'historical'], // 19 of the 20 before the last
    ['HH.HHHHHH.', flat, 'none'], // 8 of the 9 before the last < 90%
    ['H.H.H.H...', flat, 'none'],
    ['..........', flat, 'none'],
    ['CCCCCCCCCC', down, 'none'],
  ] as const)('%s (trend %o) → %s', (series, trend, cls) => expect(emergingClass(b(series), trend)).toBe(cls));

  it('names only the listed classes', () => expect(EMERGING_CLASSES).toContain(emergingClass(b('H'), flat)));
});

// Monthly counts of the ten areas and area 9's Gi*:
//   A = 1×9, 5:    X̄ 1.4, Σx² 34, S = √(3.4 − 1.96) = 1.2;         Σhood 6:  (6 − 2.8) / (1.2·4/3) = 3.2/1.6 = 2.0 (hot 95)
//   B = 1×8, 2, 5: X̄ 1.5, Σx² 37, S = √(3.7 − 2.25) = 1.20416;     Σhood 7:  (7 − 3) / 1.60555 = 2.49136 (hot 95)
//   C = 1×8, 3, 5: X̄ 1.6, Σx² 42, S = √(4.2 − 2.56) = 1.28062;     Σhood 8:  (8 − 3.2) / 1.70750 = 2.81113 (hot 99)
//   D = 1×8, 5, 5: X̄ 1.8, Σx² 58, S = √(5.8 − 3.24) = 1.6;         Σhood 10: (10 − 3.6) / 2.13333 = 3.0 (hot 99)
//   E = 1×7, 2, 6, 6: X̄ 2.1, Σx² 83, S = √(8.3 − 4.41) = 1.97231;  Σhood 12: (12 − 4.2) / 2.62975 = 2.96606 (hot 99)
//   O = 1×10:      S = 0 → z = 0 everywhere
//   K = 1×8, 0, 0: X̄ 0.8, Σx² 8, S = 0.4;                          Σhood 0:  −1.6 / 0.53333 = −3.0 (cold 99)
// Trends (Mann–Kendall on area 9's z): A B C D rises in all 6 pairs: S = 6, Var = 8.6667, Z = 5/2.94392
// = 1.6984, p = 0.0894 < 0.1 → up; D C B A → down. A C D B: pairs + + + | + − | −: S = 2,
// Z = 1/2.94392 = 0.3397 → none. A C D E (z 2, 2.8111, 3, 2.9661): + + + | + + | − : S = 4, Z = 3/2.94392 = 1.0190,
// p = 0.308 → none.
const A = [1, 1, 1, 1, 1, 1, 1, 1, 1, 5], B = [1, 1, 1, 1, 1, 1, 1, 1, 2, 5], C = [1, 1, 1, 1, 1, 1, 1, 1, 3, 5];
const D = [1, 1, 1, 1, 1, 1, 1, 1, 5, 5], E = [1, 1, 1, 1, 1, 1, 1, 2, 6, 6], O = Array(10).fill(1), K = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0];

describe('emergingHotspots, from counts', () => {
  it('computes area 9’s Gi* in each month as by hand', () => {
    const r = emergingHotspots([A, B, C, D, E, O, K], line(10))[9];
    expect(r.bins.map((x) => x.z)).toEqual([2, 2.4914, 2.8111, 3, 2.9661, 0, -3]);
    expect(r.bins.map((x) => `${x.class}${x.confidence}`)).toEqual(['hot95', 'hot95', 'hot99', 'hot99', 'hot99', 'none0', 'cold99']);
  });

  it.each([
    ['A B C D', [A, B, C, D], 'intensifying', { s: 6, direction: 'up' }],
    ['D C B A', [D, C, B, A], 'diminishing', { s: -6, direction: 'down' }],
    ['A C D B', [A, C, D, B], 'persistent', { s: 2, direction: 'none' }],
    ['A C D E', [A, C, D, E], 'persistent', { s: 4, z: 1.019, direction: 'none' }],
    ['A B C D O', [A, B, C, D, O], 'historical', {}],
    ['O O O A', [O, O, O, A], 'new', {}],
    ['O O A A', [O, O, A, A], 'consecutive', {}],
    ['A O A O A', [A, O, A, O, A], 'sporadic', {}],
    ['K A O A', [K, A, O, A], 'oscillating', {}],
    ['A O O O', [A, O, O, O], 'none', {}],
  ] as const)('%s → %s', (_, months, cls, trend) => {
    const r = emergingHotspots(months, line(10));
    expect(r[9].category).toBe(cls);
    expect(r[9].trend).toMatchObject(trend);
    expect(r[9].hot_bins).toBe(r[9].bins.filter((x) => x.class === 'hot').length);
    expect(r[0].category).toBe('none'); // the other end of the line is never hot
  });

  it('finds the trend of A B C D as by hand', () => {
    const t = emergingHotspots([A, B, C, D], line(10))[9].trend;
    expect(t.z).toBeCloseTo(1.6984, 4);
    expect(t.p).toBeCloseTo(0.0894, 3);
  });
});
