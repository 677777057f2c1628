import { describe, expect, it } from 'vitest';
import { addMonths, monthRange, monthsBetween } from './months.ts';

describe('months', () => {
  it('adds across year ends in both directions', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
  });
  it('counts months between', () => expect(monthsBetween('2025-11', '2026-02')).toBe(3));
  it('lists an inclusive range, empty when inverted', () => {
    expect(monthRange('2025-11', '2026-01')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
  });
});
