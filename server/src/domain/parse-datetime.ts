/**
 * OGC API Features `datetime`: an RFC 3339 instant or an interval `a/b`, `../b`, `a/..`
 * (an empty bound counts as open too). Bounds are inclusive. A bare date (YYYY-MM-DD) means the
 * whole local calendar day in the district (UTC+8), the way a town leader would read it.
 */
import { invalidParameter, quoteInput } from './api-error.ts';
import { TZ_OFFSET_MS } from './local-time.ts';

/** Inclusive time range; a null end is open. An instant has start === end (or spans one date). */
export interface DatetimeRange {
  start: Date | null;
  end: Date | null;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** One RFC 3339 value → [first, last] millisecond it covers; null when malformed or impossible. */
function parseValue(raw: string): [number, number] | null {
  const d = FULL_DATE.exec(raw);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (!validDate(y, m, day)) return null;
    const start = Date.UTC(y, m - 1, day) - TZ_OFFSET_MS;
    return [start, start + DAY_MS - 1];
  }
  const t = DATE_TIME.exec(raw);
  if (!t) return null;
  const [y, mo, day, h, mi, s] = t.slice(1, 7).map(Number);
  if (!validDate(y, mo, day) || h > 23 || mi > 59 || s > 59) return null;
  const ms = t[7] ? Math.floor(Number(`0${t[7]}`) * 1000) : 0;
  let offset = 0;
  if (t[9]) {
    const [oh, om] = [Number(t[10]), Number(t[11])];
    if (oh > 23 || om > 59) return null;
    offset = (t[9] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const at = Date.UTC(y, mo - 1, day, h, mi, s, ms) - offset;
  return [at, at];
}

const isOpen = (s: string) => s === '..' || s === '';

/**
 * Parses a `datetime` parameter into an inclusive range.
 * @throws ApiError 400 naming `parameter` for malformed values, impossible dates and inverted intervals.
 */
export function parseDatetime(raw: string, parameter = 'datetime'): DatetimeRange {
  const fail = (why: string) =>
    invalidParameter(parameter, `${parameter} ${quoteInput(raw)} ${why}; use an RFC 3339 instant (2022-03-01T08:00:00Z) or an interval (a/b, ../b, a/..)`);
  if (raw === '') throw fail('is empty');
  const parts = raw.split('/');
  if (parts.length > 2) throw fail('has more than one "/"');
  if (parts.length === 1) {
    const v = parseValue(raw);
    if (!v) throw fail('is not a valid date-time');
    return { start: new Date(v[0]), end: new Date(v[1]) };
  }
  const [a, b] = parts;
  const start = isOpen(a) ? null : parseValue(a);
  const end = isOpen(b) ? null : parseValue(b);
  if (!isOpen(a) && !start) throw fail('has an invalid start');
  if (!isOpen(b) && !end) throw fail('has an invalid end');
  if (start && end && start[0] > end[1]) throw fail('starts after it ends');
  return { start: start ? new Date(start[0]) : null, end: end ? new Date(end[1]) : null };
}
