import { invalidParameter, quoteInput } from './api-error.ts';
import { parseStrictInteger } from './parse-number.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10_000;
/** Far beyond any table here; keeps OFFSET a sane integer for PostgreSQL. */
export const MAX_OFFSET = 1_000_000_000;

/**
 * Parses `limit` (1..10000, default 100). Out of range is an error rather than a silent clamp,
 * so a client that asked for 50000 learns it did not get them.
 * @throws ApiError 400 naming `limit`.
 */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_LIMIT;
  const v = parseStrictInteger(raw);
  if (v === null) throw invalidParameter('limit', `limit ${quoteInput(raw)} is not a whole number`);
  if (v < 1 || v > MAX_LIMIT) throw invalidParameter('limit', `limit ${v} is outside 1..${MAX_LIMIT}`);
  return v;
}

/**
 * Parses `offset` (0..1e9, default 0): the number of features to skip, for paging.
 * @throws ApiError 400 naming `offset`.
 */
export function parseOffset(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const v = parseStrictInteger(raw);
  if (v === null) throw invalidParameter('offset', `offset ${quoteInput(raw)} is not a whole number ≥ 0`);
  if (v > MAX_OFFSET) throw invalidParameter('offset', `offset ${v} is larger than ${MAX_OFFSET}`);
  return v;
}
