/** The district keeps China Standard Time (UTC+8, no daylight saving): months and days are local. */
export const TZ_OFFSET_MS = 8 * 3_600_000;
export const TIME_ZONE = 'Asia/Shanghai';

/** UTC instant of local midnight starting the given local date (month is 1-based). */
export function localMidnight(year: number, month: number, day = 1): Date {
  return new Date(Date.UTC(year, month - 1, day) - TZ_OFFSET_MS);
}

/** Local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(t: Date): string {
  return new Date(t.getTime() + TZ_OFFSET_MS).toISOString().slice(0, 10);
}

/** Local month (YYYY-MM) of an instant. */
export function localMonth(t: Date): string {
  return localDate(t).slice(0, 7);
}

/** Local calendar year and month (1-based) of an instant. */
export function localYearMonth(t: Date): [number, number] {
  const l = new Date(t.getTime() + TZ_OFFSET_MS);
  return [l.getUTCFullYear(), l.getUTCMonth() + 1];
}

/** UTC instant of local midnight starting the month after the one `t` falls in. */
export function localMonthEnd(t: Date): Date {
  const [y, m] = localYearMonth(t);
  return localMidnight(y, m + 1, 1);
}

/** Local date and time as 'YYYY-MM-DD HH:mm'. */
export function localDateTime(t: Date): string {
  return new Date(t.getTime() + TZ_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
