import { describe, expect, it } from 'vitest';
import { card, type CardInput } from './deadline-cards.ts';
import { DEFAULT_TIME_LIMITS, parseTimeLimits } from './time-limits.ts';

const NOW = new Date('2026-11-20T00:00:00Z');
const H = 3_600_000;
const due = (hoursLeft: number) => new Date(NOW.getTime() + hoursLeft * H);
const d = (level: CardInput['level'], hoursLeft: number, status = 'mediating'): CardInput => ({ status, level, type: 'debt', due_at: due(hoursLeft) });

describe('deadline cards', () => {
  it.each([
    { title: 'village, 4 days left: none', input: d('village', 96), expected: null },
    { title: 'village, exactly 3 days (20% of 15) left: yellow', input: d('village', 72), expected: 'yellow' },
    { title: 'village, 1 hour left: yellow', input: d('village', 1), expected: 'yellow' },
    { title: 'due right now: still yellow', input: d('village', 0), expected: 'yellow' },
    { title: 'one second late: red', input: d('village', -1 / 3600), expected: 'red' },
    { title: 'town, 7 days left (of 30): none', input: d('town', 168), expected: null },
    { title: 'town, 6 days left: yellow', input: d('town', 144), expected: 'yellow' },
    { title: 'department, 12 days left (of 60): yellow', input: d('department', 288), expected: 'yellow' },
    { title: 'department, 13 days left: none', input: d('department', 312), expected: null },
    { title: 'resolved, long overdue: none', input: d('village', -1000, 'resolved'), expected: null },
  ])('$title', ({ input, expected }) => {
    expect(card(input, NOW, DEFAULT_TIME_LIMITS)).toBe(expected);
  });

  it('follows a per-type limit: 20% of a 40-day village limit is 8 days', () => {
    const limits = parseTimeLimits('{"types":{"debt":{"village":40}}}');
    expect(card(d('village', 8 * 24), NOW, limits)).toBe('yellow');
    expect(card(d('village', 8 * 24 + 1), NOW, limits)).toBe(null);
  });
});

describe('TIME_LIMITS', () => {
  it('merges over the defaults', () => {
    const l = parseTimeLimits('{"levels":{"village":10},"types":{"labour":{"department":45}},"transfers":{"assist":20}}');
    expect(l).toEqual({ levels: { village: 10, town: 30, department: 60 }, types: { labour: { department: 45 } }, transfers: { prompt: 10, assist: 20 } });
  });

  it.each([
    { raw: 'nope', message: /JSON/ },
    { raw: '{"level":{}}', message: /level is not a setting/ },
    { raw: '{"levels":{"village":0}}', message: /levels.village/ },
    { raw: '{"types":{"feud":{}}}', message: /types.feud/ },
    { raw: '{"types":{"debt":{"city":3}}}', message: /types.debt.city/ },
    { raw: '{"transfers":{"assist":"5"}}', message: /transfers.assist/ },
  ])('rejects $raw', ({ raw, message }) => {
    expect(() => parseTimeLimits(raw)).toThrow(message);
  });
});
