import { describe, expect, it } from 'vitest';
import { daysEnding, screeningOf, silentRun } from './screening.ts';

const G = (code: string, town: string, quiet: number, info: number, days: string[]) =>
  ({ code, name: code, village_code: `${town}001`, town_code: town, town: `T${town}`, quiet_reports: quiet, info_reports: info, reported_days: days });

describe('daily screening', () => {
  it('lists the window days oldest first, across a month end', () => {
    expect(daysEnding('2026-03-02', 3)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
  });
  it('counts consecutive silent days back from the day', () => {
    const days = daysEnding('2026-11-28', 7);
    expect(silentRun(days, new Set(['2026-11-28']))).toBe(0);
    expect(silentRun(days, new Set(['2026-11-25']))).toBe(3);
    expect(silentRun(days, new Set())).toBe(7);
  });
  it('summarises towns: reported, silent, rate and flagged grids', () => {
    const s = screeningOf([
      G('a1', 'A', 1, 0, ['2026-11-27', '2026-11-28']), // reported (all quiet)
      G('a2', 'A', 0, 2, ['2026-11-28']), //               reported (2 information reports)
      G('a3', 'A', 0, 0, ['2026-11-25']), //               silent 3 days → flagged
      G('b1', 'B', 0, 0, ['2026-11-27']), //               silent 1 day
    ], '2026-11-28');
    expect(s.grids.map((g) => [g.code, g.reported, g.silent_days, g.flagged])).toEqual([
      ['a1', true, 0, false], ['a2', true, 0, false], ['a3', false, 3, true], ['b1', false, 1, false],
    ]);
    // A: 2 of 3 reported → 66.7%; B: 0 of 1 → 0%; district: 2 of 4 → 50%
    expect(s.towns).toEqual([
      { code: 'A', name: 'TA', grids: 3, reported: 2, silent: 1, flagged: 1, info_reports: 2, rate: 66.7 },
      { code: 'B', name: 'TB', grids: 1, reported: 0, silent: 1, flagged: 0, info_reports: 0, rate: 0 },
    ]);
    expect(s.total).toEqual({ grids: 4, reported: 2, silent: 2, flagged: 1, info_reports: 2, rate: 50 });
  });
});
