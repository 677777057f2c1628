import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_THRESHOLDS as D } from './risk-config.ts';
import type { RiskLevel } from './risk-levels.ts';
import { childrenRule, rollUpRisk, sumCounts, type GridRiskInput } from './risk-rollup.ts';
import { assessRisk, ZERO_COUNTS, type RiskCounts } from './risk-rules.ts';

const L = (s: string): RiskLevel[] => s.split('').map((c) => ({ b: 'blue', y: 'yellow', o: 'orange', r: 'red' })[c] as RiskLevel);

// Red when ≥ max(2, ⌈25% of children⌉) are red; any red → at least orange; any orange → at least yellow.
const CHILDREN_CASES: { title: string; input: string; expected: { level: RiskLevel; reasons: string[] } }[] = [
  { title: 'no children', input: '', expected: { level: 'blue', reasons: [] } },
  { title: 'all blue', input: 'bbbb', expected: { level: 'blue', reasons: [] } },
  { title: 'yellow children alone do not raise the parent', input: 'yyyy', expected: { level: 'blue', reasons: [] } },
  { title: 'one orange child → yellow', input: 'bbob', expected: { level: 'yellow', reasons: ['child_orange'] } },
  { title: 'one red child → orange', input: 'bbrb', expected: { level: 'orange', reasons: ['child_red'] } },
  { title: 'an only child that is red → orange (the minimum is 2)', input: 'r', expected: { level: 'orange', reasons: ['child_red'] } },
  { title: 'two red of four → red', input: 'rrbb', expected: { level: 'red', reasons: ['children_red'] } },
  { title: 'two red of eight (25%) → red', input: 'rrbbbbbb', expected: { level: 'red', reasons: ['children_red'] } },
  { title: 'two red of nine (needs ⌈2.25⌉ = 3) → orange', input: 'rrbbbbbbb', expected: { level: 'orange', reasons: ['child_red'] } },
  { title: 'three red of nine → red', input: 'rrrbbbbbb', expected: { level: 'red', reasons: ['children_red'] } },
  { title: 'red and orange children: both reasons', input: 'rooy', expected: { level: 'orange', reasons: ['child_red', 'child_orange'] } },
];

describe('roll-up: the children part of the rule', () => {
  it.each(CHILDREN_CASES)('$title → $expected.level', ({ input, expected }) => {
    const r = childrenRule(L(input), D);
    expect(r.level).toBe(expected.level);
    expect(r.reasons.map((x) => x.indicator)).toEqual(expected.reasons);
  });
  it('names the count needed in the red reason', () => {
    const r = childrenRule(L('rrrbbbbbbbbb'), D);
    expect(r.reasons[0]).toMatchObject({ indicator: 'children_red', value: 3, threshold: 3, level: 'red' });
    expect(r.reasons[0].text.zh).toContain('3 个');
  });
});

const grid = (code: string, village: string, town: string, c: Partial<RiskCounts> = {}): GridRiskInput =>
  ({ code, villageCode: village, townCode: town, counts: { ...ZERO_COUNTS, ...c } });

describe('roll-up: grids → villages → towns → district', () => {
  // Town A: village A1 with one red grid (overdue 4) and a quiet one; village A2 with two red grids.
  // Town B: village B1 with one orange grid, and a quiet village B2. Town C: quiet, with 20 grids.
  const GRIDS = [
    grid('A1-1', 'A1', 'A', { overdue: 4, open: 4 }), grid('A1-2', 'A1', 'A'),
    grid('A2-1', 'A2', 'A', { criminal: 3, open: 3 }), grid('A2-2', 'A2', 'A', { escalated: 5 }), grid('A2-3', 'A2', 'A'),
    grid('B1-1', 'B1', 'B', { repeat: 3 }), grid('B1-2', 'B1', 'B'), grid('B2-1', 'B2', 'B'), grid('B2-2', 'B2', 'B'),
    ...Array.from({ length: 20 }, (_, i) => grid(`C1-${i + 1}`, 'C1', 'C')),
  ];
  const tree = rollUpRisk(GRIDS, 'D', D, 4);
  const level = (code: string) => tree.areas.get(code)!.level;

  const TREE_CASES = [
    { title: 'a red grid', input: 'A1-1', expected: 'red' },
    { title: 'a village with one red grid of two is orange', input: 'A1', expected: 'orange' },
    { title: 'a village with two red grids is red', input: 'A2', expected: 'red' },
    { title: 'a town with one red village (of two; red needs two) is orange', input: 'A', expected: 'orange' },
    { title: 'a village with an orange grid is yellow', input: 'B1', expected: 'yellow' },
    { title: 'a town with only a yellow village stays blue (its 3 repeats are below 4 grids × 2)', input: 'B', expected: 'blue' },
    { title: 'a quiet town is blue', input: 'C', expected: 'blue' },
    { title: 'the district with one orange town is yellow', input: 'D', expected: 'yellow' },
  ];
  it.each(TREE_CASES)('$title', ({ input, expected }) => {
    expect(level(input)).toBe(expected);
  });

  it('sums the counts and the grids up the tree', () => {
    const a = tree.areas.get('A')!;
    expect(a.counts).toEqual(sumCounts(GRIDS.filter((g) => g.townCode === 'A').map((g) => g.counts)));
    expect([a.grids, tree.areas.get('D')!.grids, tree.areas.get('A2')!.grids]).toEqual([5, 29, 3]);
    expect(a.children).toEqual(['A1', 'A2']);
    expect(tree.areas.get('D')!.children).toEqual(['A', 'B', 'C']);
    expect(tree.areas.get('D')!.kind).toBe('district');
  });

  it('sums a missing previous period as missing', () => {
    expect(sumCounts([{ ...ZERO_COUNTS, previous: 3 }, { ...ZERO_COUNTS, previous: null }]).previous).toBeNull();
    expect(sumCounts([{ ...ZERO_COUNTS, previous: 3, reported: 1 }, { ...ZERO_COUNTS, previous: 4, reported: 2 }])).toMatchObject({ previous: 7, reported: 3 });
  });

  it('a parent equals the rule applied to its children and its own summed counts', () => {
    for (const a of tree.areas.values()) {
      if (a.kind === 'grid') continue;
      const own = assessRisk(a.counts, D, { grids: a.grids, months: 4 }).level;
      const kids = childrenRule(a.children.map((c) => tree.areas.get(c)!.level), D).level;
      const deep: RiskLevel = a.kind !== 'village' && a.redGrids > 0 ? 'yellow' : 'blue';
      const rank = (l: RiskLevel) => ['blue', 'yellow', 'orange', 'red'].indexOf(l);
      expect(a.level, a.code).toBe([own, kids, deep].sort((x, y) => rank(y) - rank(x))[0]);
    }
  });

  it('says why the district is yellow: an orange town and 3 red grids inside', () => {
    expect(tree.areas.get('D')!.reasons.map((r) => [r.indicator, r.value, r.level])).toEqual([['child_orange', 1, 'yellow'], ['grid_red', 3, 'yellow']]);
    expect(tree.areas.get('D')!.redGrids).toBe(3);
  });

  it('a red grid is never hidden: its town and the district are at least yellow', () => {
    const t = rollUpRisk([grid('X-1', 'X', 'T', { overdue: 4 }), grid('X-2', 'X', 'T'), ...Array.from({ length: 9 }, (_, i) => grid(`Y-${i}`, 'Y', 'T'))], 'D', D, 4);
    expect(['X-1', 'X', 'T', 'D'].map((c) => t.areas.get(c)!.level)).toEqual(['red', 'orange', 'yellow', 'yellow']);
  });

  it('a parent rises on its own counts when all its grids are orange: 4 × 2 overdue ≥ 4 grids × 2', () => {
    const t = rollUpRisk([1, 2, 3, 4].map((i) => grid(`V-${i}`, 'V', 'T', { overdue: 2 })), 'D', D, 4);
    expect(t.areas.get('V-1')!.level).toBe('orange');
    const v = t.areas.get('V')!;
    expect(v.counts.overdue).toBe(8);
    expect(v.reasons.map((r) => [r.indicator, r.value, r.threshold, r.level])).toEqual([['overdue', 8, 8, 'orange'], ['child_orange', 4, 1, 'yellow']]);
    expect(v.level).toBe('orange');
  });

  it('keeps scores inside the colour bands', () => {
    for (const a of tree.areas.values()) {
      const r = ['blue', 'yellow', 'orange', 'red'].indexOf(a.level);
      expect(a.score).toBeGreaterThanOrEqual(25 * r);
      expect(a.score).toBeLessThan(25 * (r + 1));
    }
  });
});
