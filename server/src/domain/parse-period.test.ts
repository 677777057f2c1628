import { describe, expect, it } from 'vitest';
import { addMonths, defaultPeriodMonths, parsePeriod } from './parse-period.ts';
import { apiErrorOf } from './test-helpers.ts';

// 2026-11-28 09:30 in 崆峒区 (UTC+8).
const NOW = new Date('2026-11-28T01:30:00Z');

const VALID = [
  { title: 'the default: three complete months and this month up to now', from: undefined, to: undefined,
    expected: { from: '2026-08', to: '2026-11', months: 4, start: '2026-07-31T16:00:00.000Z', end: '2026-11-28T01:30:00.000Z', previousStart: '2026-04-03T06:30:00.000Z' } },
  { title: 'one past month, whole', from: '2026-02', to: '2026-02',
    expected: { from: '2026-02', to: '2026-02', months: 1, start: '2026-01-31T16:00:00.000Z', end: '2026-02-28T16:00:00.000Z', previousStart: '2026-01-03T16:00:00.000Z' } },
  { title: 'a year across the year end', from: '2024-07', to: '2025-06',
    expected: { from: '2024-07', to: '2025-06', months: 12, start: '2024-06-30T16:00:00.000Z', end: '2025-06-30T16:00:00.000Z' } },
  { title: 'only to: the 4 months ending then', from: undefined, to: '2025-02',
    expected: { from: '2024-11', to: '2025-02', months: 4 } },
  { title: 'only from: up to now', from: '2026-10', to: undefined, expected: { from: '2026-10', to: '2026-11', months: 2, end: '2026-11-28T01:30:00.000Z' } },
  { title: 'the earliest month', from: '2000-01', to: '2000-01', expected: { months: 1 } },
  { title: '120 months', from: '2016-12', to: '2026-11', expected: { months: 120 } },
];

const INVALID = [
  { title: 'a date, not a month', from: '2026-01-01', to: undefined, parameter: 'from', why: /not a month YYYY-MM/ },
  { title: 'month 13', from: undefined, to: '2026-13', parameter: 'to', why: /not a month/ },
  { title: 'month 0', from: '2026-00', to: undefined, parameter: 'from', why: /not a month/ },
  { title: 'one-digit month', from: '2026-1', to: undefined, parameter: 'from', why: /not a month/ },
  { title: 'empty', from: '', to: undefined, parameter: 'from', why: /not a month/ },
  { title: 'SQL', from: "2026-01' OR '1'='1", to: undefined, parameter: 'from', why: /not a month/ },
  { title: 'before 2000', from: '1999-12', to: '2000-02', parameter: 'from', why: /before 2000-01/ },
  { title: 'a future to', from: '2026-11', to: '2026-12', parameter: 'to', why: /in the future/ },
  { title: 'a future from', from: '2027-01', to: undefined, parameter: 'from', why: /in the future/ },
  { title: 'from after to', from: '2025-05', to: '2025-03', parameter: 'from', why: /after to/ },
  { title: '121 months', from: '2016-11', to: '2026-11', parameter: 'from', why: /at most 120/ },
];

describe('parsePeriod', () => {
  it.each(VALID)('accepts $title', ({ from, to, expected }) => {
    const p = parsePeriod(from, to, NOW);
    const iso = { ...p, start: p.start.toISOString(), end: p.end.toISOString(), previousStart: p.previousStart.toISOString() };
    expect(iso).toMatchObject(expected);
    // The previous period has the same length and ends where this one starts.
    expect(p.start.getTime() - p.previousStart.getTime()).toBe(p.end.getTime() - p.start.getTime());
  });
  it.each(INVALID)('rejects $title naming $parameter', ({ from, to, parameter, why }) => {
    const e = apiErrorOf(() => parsePeriod(from, to, NOW));
    expect([e.status, e.code, e.parameter]).toEqual([400, 'invalid_parameter', parameter]);
    expect(e.message).toMatch(why);
  });
  it('uses local months: 2026-11-30T17:00Z is already December in 崆峒区', () => {
    expect(defaultPeriodMonths(new Date('2026-11-30T17:00:00Z'))).toEqual({ from: '2026-09', to: '2026-12' });
  });
  it('adds months across year ends', () => {
    expect([addMonths('2026-11', 2), addMonths('2026-01', -1), addMonths('2026-03', -15)]).toEqual(['2027-01', '2025-12', '2024-12']);
  });
});
