import { describe, expect, it } from 'vitest';
import { addQuarters, formatCount, formatPercent, gridShortName, monthLabel, quarterLabel, rateFloor, recentMonths, recentQuarters } from './ledger-format.ts';

describe('formatPercent', () => {
  const CASES = [
    { title: 'keeps one decimal on a whole rate', value: 100, expected: '100.0%' },
    { title: 'shows the API’s tenth', value: 99.7, expected: '99.7%' },
    { title: 'zero is a rate, not missing', value: 0, expected: '0.0%' },
    { title: 'null (nothing found) is a dash, never 100%', value: null, expected: '—' },
  ];
  for (const c of CASES) it(c.title, () => expect(formatPercent(c.value, 'zh')).toBe(c.expected));
});

describe('formatCount', () => {
  it('groups thousands for zh-CN', () => expect(formatCount(30512, 'zh')).toBe('30,512'));
  it('shows a dash for a missing count', () => expect(formatCount(null)).toBe('—'));
});

describe('months and quarters', () => {
  it('lists recent months newest first across a year boundary', () => expect(recentMonths('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']));
  it('names months in both languages', () => {
    expect(monthLabel('2026-03', 'zh')).toBe('2026年3月');
    expect(monthLabel('2026-03', 'en')).toBe('Mar 2026');
  });
  it('shifts quarters across years', () => {
    expect(addQuarters('2026Q1', -1)).toBe('2025Q4');
    expect(addQuarters('2025Q4', 1)).toBe('2026Q1');
  });
  it('offers the current quarter first, then the default and earlier ones', () =>
    expect(recentQuarters('2026Q3', 2)).toEqual(['2026Q4', '2026Q3', '2026Q2', '2026Q1']));
  it('names quarters in Chinese', () => expect(quarterLabel('2026Q3', 'zh')).toBe('2026年第三季度'));
});

describe('gridShortName', () => {
  it('drops the village prefix', () => expect(gridShortName('东郊社区第二十二网格', '东郊社区')).toBe('第二十二网格'));
  it('keeps a name that does not start with the village', () => expect(gridShortName('第一网格', '东郊社区')).toBe('第一网格'));
  it('keeps a name equal to the village', () => expect(gridShortName('东郊社区', '东郊社区')).toBe('东郊社区'));
});

describe('rateFloor', () => {
  it('shows at least 90–100 when every rate is near 100', () => expect(rateFloor([99.5, 100, null])).toBe(90));
  it('reaches under the lowest rate', () => expect(rateFloor([70, 99.7])).toBe(65));
  it('with no rate at all, still draws 90–100', () => expect(rateFloor([null, null])).toBe(90));
  it('never goes below zero', () => expect(rateFloor([0])).toBe(0));
});
