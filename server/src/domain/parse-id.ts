import { invalidParameter, quoteInput } from './api-error.ts';
import { parseStrictInteger } from './parse-number.ts';

/** A table's positive integer id from a path. @throws ApiError 400 naming `parameter`. */
export function parsePositiveId(raw: string, parameter: string): number {
  const v = parseStrictInteger(raw);
  if (v === null || v < 1) throw invalidParameter(parameter, `${parameter} ${quoteInput(raw)} is not a positive integer`);
  return v;
}
