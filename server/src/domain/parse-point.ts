import { invalidParameter, quoteInput } from './api-error.ts';
import { parseStrictNumber } from './parse-number.ts';

/**
 * Parses a point given as separate `lon` and `lat` query parameters into [lng, lat] (CRS84 degrees).
 * @throws ApiError 400 naming `lon` or `lat` when missing, not a number, or out of range.
 */
export function parsePoint(lonRaw: string | undefined, latRaw: string | undefined): [number, number] {
  const one = (name: 'lon' | 'lat', raw: string | undefined, limit: number): number => {
    if (raw === undefined || raw.trim() === '') throw invalidParameter(name, `${name} is required (decimal degrees)`);
    const v = parseStrictNumber(raw.trim());
    if (v === null) throw invalidParameter(name, `${name} ${quoteInput(raw)} is not a finite number`);
    if (v < -limit || v > limit) throw invalidParameter(name, `${name} ${v} is outside -${limit}..${limit}`);
    return v;
  };
  return [one('lon', lonRaw, 180), one('lat', latRaw, 90)];
}
