/**
 * Periods for the risk map and the panels: `from=YYYY-MM&to=YYYY-MM`, whole local months, both
 * inclusive. The period runs [first instant of `from`, end of `to`), cut at `now` when `to` is the
 * current month. Default: the last 3 complete months and the current month up to now.
 */
import { invalidParameter, quoteInput } from './api-error.ts';
import { localMidnight, localMonth } from './local-time.ts';

export interface Period {
  /** First and last month, inclusive (local, YYYY-MM). */
  from: string;
  to: string;
  /** Months from `from` to `to`, both included. */
  months: number;
  /** [start, end): local midnight of `from` to the end of `to` or now, whichever is earlier. */
  start: Date;
  end: Date;
  /** Start of the previous period of equal length, which ends at `start` (for the trend). */
  previousStart: Date;
}

export const EARLIEST_MONTH = '2000-01';
export const MAX_PERIOD_MONTHS = 120;
/** The default period: this many months, ending with the current one. */
export const DEFAULT_PERIOD_MONTHS = 4;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → months since year 0. */
export const monthNumber = (m: string): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthText = (n: number): string => `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

/** The month `n` months after `month` (negative n goes back). */
/** Every month from `from` to `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  return Array.from({ length: monthNumber(to) - monthNumber(from) + 1 }, (_, i) => addMonths(from, i));
}

export function addMonths(month: string, n: number): string {
  return monthText(monthNumber(month) + n);
}

/** Local midnight at the start of a month (YYYY-MM). */
export function monthStart(month: string): Date {
  return localMidnight(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
}

/** The default period's months: the current local month and the 3 before it. */
export function defaultPeriodMonths(now: Date): { from: string; to: string } {
  const to = localMonth(now);
  return { from: addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1)), to };
}

/** The period of an already valid month range (from ≤ to ≤ current month). */
export function periodOf(from: string, to: string, now: Date): Period {
  const start = monthStart(from);
  const monthEnd = monthStart(addMonths(to, 1));
  const end = new Date(Math.max(start.getTime(), Math.min(monthEnd.getTime(), now.getTime())));
  return {
    from, to, months: monthNumber(to) - monthNumber(from) + 1,
    start, end, previousStart: new Date(start.getTime() - (end.getTime() - start.getTime())),
  };
}

/**
 * One month YYYY-MM from 2000-01 up to the current local month.
 * @throws ApiError 400 naming `name`: not YYYY-MM, before 2000-01 or in the future.
 */
export function parseMonth(name: string, raw: string, now: Date): string {
  const current = localMonth(now);
  if (!MONTH.test(raw)) throw invalidParameter(name, `${name} ${quoteInput(raw)} is not a month YYYY-MM (e.g. ${current})`);
  if (raw < EARLIEST_MONTH) throw invalidParameter(name, `${name} ${raw} is before ${EARLIEST_MONTH}`);
  if (raw > current) throw invalidParameter(name, `${name} ${raw} is in the future (the current month is ${current})`);
  return raw;
}

/**
 * Parses `from` and `to`. Either may be left out: without `from` the period starts 3 months before
 * `to`; without `to` it ends with the current month; without both it is the default.
 * @throws ApiError 400 naming `from` or `to`: not YYYY-MM, before 2000-01, after the current month,
 *   from after to, or longer than 120 months.
 */
export function parsePeriod(fromRaw: string | undefined, toRaw: string | undefined, now: Date): Period {
  const current = localMonth(now);
  const month = (name: 'from' | 'to', raw: string): string => parseMonth(name, raw, now);
  const to = toRaw === undefined ? current : month('to', toRaw);
  const from = fromRaw === undefined ? maxMonth(EARLIEST_MONTH, addMonths(to, -(DEFAULT_PERIOD_MONTHS - 1))) : month('from', fromRaw);
  if (from > to) throw invalidParameter('from', `from ${from} is after to ${to}`);
  const months = monthNumber(to) - monthNumber(from) + 1;
  if (months > MAX_PERIOD_MONTHS) throw invalidParameter('from', `the period ${from}..${to} has ${months} months; at most ${MAX_PERIOD_MONTHS}`);
  return periodOf(from, to, now);
}

const maxMonth = (a: string, b: string) => (a > b ? a : b);
