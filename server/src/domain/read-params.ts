import { ApiError, invalidParameter, quoteInput } from './api-error.ts';

/** A query string as Express parses it: a key maps to a string, or to an array when repeated. */
export type RawQuery = Record<string, unknown>;

/**
 * Checks that every parameter is one this endpoint knows and appears once, and returns them as
 * plain strings. Unknown parameters are an error, not ignored: a typo like `bbx=` must not
 * silently return the whole collection.
 * @throws ApiError 400 naming the first unknown or repeated parameter.
 */
export function readParams(query: RawQuery, allowed: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(query)) {
    const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
    if (!allowed.has(name)) {
      const known = [...allowed].join(', ') || 'none';
      throw new ApiError(400, 'unknown_parameter', shown, `unknown query parameter ${quoteInput(name)}; known: ${known}`);
    }
    if (typeof value !== 'string') throw new ApiError(400, 'repeated_parameter', shown, `${name} must be given once`);
    out.set(name, value);
  }
  return out;
}

/** The output formats every endpoint accepts through `f` (all JSON; there is no HTML view). */
const FORMATS = new Set(['json', 'geojson', 'application/json', 'application/geo+json']);

/**
 * Validates the OGC `f` parameter.
 * @throws ApiError 400 naming `f` for anything but JSON.
 */
export function checkFormat(f: string | undefined): void {
  if (f !== undefined && !FORMATS.has(f)) throw invalidParameter('f', `f ${quoteInput(f)} is not supported; use f=json`);
}
