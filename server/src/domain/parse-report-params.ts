/**
 * Parameters of the reporting endpoints: a town code, a quarter (2026Q3), a day (YYYY-MM-DD) and
 * small whole numbers. Shape errors are 400s; whether a town exists is the database's question (404).
 */
import { invalidParameter, quoteInput } from './api-error.ts';
import { areaKindOfCode } from './area-kinds.ts';
import { localDate, localMonth, localYearMonth } from './local-time.ts';
import { addMonths, EARLIEST_MONTH } from './parse-period.ts';
import { parseStrictInteger } from './parse-number.ts';

/** A town code (9 digits). @throws ApiError 400 naming `name`. */
export function parseTownCode(name: string, raw: string | undefined, required: true): string;
export function parseTownCode(name: string, raw: string | undefined, required: false): string | null;
export function parseTownCode(name: string, raw: string | undefined, required: boolean): string | null {
  if (raw === undefined) {
    if (required) throw invalidParameter(name, `${name} is required: a town code of 9 digits (e.g. 620802001)`);
    return null;
  }
  if (areaKindOfCode(raw) !== 'town') throw invalidParameter(name, `${name} ${quoteInput(raw)} is not a town code of 9 digits`);
  return raw;
}

export interface Quarter { quarter: string; from: string; to: string }

const QUARTER = /^(\d{4})Q([1-4])$/;

/** The quarter `t` falls in (local time). */
export function quarterOf(t: Date): Quarter {
  const [y, m] = localYearMonth(t);
  return quarterFrom(y, Math.ceil(m / 3));
}

function quarterFrom(y: number, q: number): Quarter {
  const from = `${y}-${String(q * 3 - 2).padStart(2, '0')}`;
  return { quarter: `${y}Q${q}`, from, to: addMonths(from, 2) };
}

/**
 * `quarter=YYYYQn`; default the last complete quarter before now.
 * @throws ApiError 400 naming `quarter`: malformed, before 2000 or starting in the future.
 */
export function parseQuarter(raw: string | undefined, now: Date): Quarter {
  const current = quarterOf(now);
  if (raw === undefined) {
    const [y, q] = [Number(current.quarter.slice(0, 4)), Number(current.quarter.slice(5))];
    return q === 1 ? quarterFrom(y - 1, 4) : quarterFrom(y, q - 1);
  }
  const m = QUARTER.exec(raw);
  if (!m) throw invalidParameter('quarter', `quarter ${quoteInput(raw)} is not a quarter YYYYQn (e.g. ${current.quarter})`);
  const q = quarterFrom(Number(m[1]), Number(m[2]));
  if (q.from < EARLIEST_MONTH) throw invalidParameter('quarter', `quarter ${raw} is before ${EARLIEST_MONTH}`);
  if (q.from > localMonth(now)) throw invalidParameter('quarter', `quarter ${raw} is in the future (the current quarter is ${current.quarter})`);
  return q;
}

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * A local calendar day YYYY-MM-DD (default today); a real date, from 2000 up to today.
 * @throws ApiError 400 naming `name`.
 */
export function parseDay(name: string, raw: string | undefined, now: Date): string {
  const today = localDate(now);
  if (raw === undefined) return today;
  if (!DATE.test(raw) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) {
    throw invalidParameter(name, `${name} ${quoteInput(raw)} is not a date YYYY-MM-DD (e.g. ${today})`);
  }
  if (raw < `${EARLIEST_MONTH}-01`) throw invalidParameter(name, `${name} ${raw} is before ${EARLIEST_MONTH}-01`);
  if (raw > today) throw invalidParameter(name, `${name} ${raw} is in the future (today is ${today})`);
  return raw;
}

/** A whole number in [min, max], or `fallback` when absent. @throws ApiError 400 naming `name`. */
export function parseIntInRange(name: string, raw: string | undefined, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const v = parseStrictInteger(raw);
  if (v === null || v < min || v > max) throw invalidParameter(name, `${name} ${quoteInput(raw)} is not a whole number in ${min}..${max}`);
  return v;
}
