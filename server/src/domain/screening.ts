/**
 * The daily screening (日排查): "有事报信息、无事报平安" — every grid worker reports each day, an
 * information report when something happened, "all quiet" otherwise. A grid reported on a day when
 * it sent either (quiet_reports + info_reports > 0), and was silent otherwise. `silent_days` counts
 * the consecutive silent days ending on the day, looking back at most `window` days (7 by default);
 * grids silent `flagDays` (3) days or more in a row are flagged for follow-up.
 */
import { percent } from './resolution-rate.ts';

export const SCREENING_WINDOW_DAYS = 7;
export const SILENT_FLAG_DAYS = 3;

export interface ScreeningGridInput {
  code: string; name: string; village_code: string; town_code: string; town: string;
  quiet_reports: number; info_reports: number;
  /** Days (YYYY-MM-DD) in the window that had a report. */
  reported_days: readonly string[];
}

/** The `n` days ending with `day`, oldest first. */
export function daysEnding(day: string, n: number): string[] {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** Consecutive silent days ending on the last of `days` (0 when it reported that day). */
export function silentRun(days: readonly string[], reported: ReadonlySet<string>): number {
  let n = 0;
  for (let i = days.length - 1; i >= 0 && !reported.has(days[i]); i--) n++;
  return n;
}

export function screeningOf(grids: readonly ScreeningGridInput[], day: string, window = SCREENING_WINDOW_DAYS, flagDays = SILENT_FLAG_DAYS) {
  const days = daysEnding(day, window);
  const rows = grids.map((g) => {
    const silentDays = silentRun(days, new Set(g.reported_days));
    return {
      code: g.code, name: g.name, village_code: g.village_code, town_code: g.town_code,
      reported: g.quiet_reports + g.info_reports > 0, quiet_reports: g.quiet_reports, info_reports: g.info_reports,
      silent_days: silentDays, flagged: silentDays >= flagDays,
    };
  });
  const towns = new Map<string, { code: string; name: string; grids: number; reported: number; silent: number; flagged: number; info_reports: number }>();
  for (const [i, r] of rows.entries()) {
    let t = towns.get(r.town_code);
    if (!t) towns.set(r.town_code, (t = { code: r.town_code, name: grids[i].town, grids: 0, reported: 0, silent: 0, flagged: 0, info_reports: 0 }));
    t.grids++; t.info_reports += r.info_reports;
    if (r.reported) t.reported++; else t.silent++;
    if (r.flagged) t.flagged++;
  }
  const withRate = <T extends { grids: number; reported: number }>(t: T) => ({ ...t, rate: percent(t.reported, t.grids) });
  const total = { grids: rows.length, reported: rows.filter((r) => r.reported).length, silent: rows.filter((r) => !r.reported).length,
    flagged: rows.filter((r) => r.flagged).length, info_reports: rows.reduce((s, r) => s + r.info_reports, 0) };
  return { window_days: window, flag_days: flagDays, total: withRate(total), towns: [...towns.values()].map(withRate), grids: rows };
}
