/** Small conversions of database values that differ between the engines (JSON as text or object). */

/** [minLng, minLat, maxLng, maxLat]. */
export type Bbox4 = [number, number, number, number];

/** A json column: an object from pg, sometimes text from PGlite. */
export function jsonValue(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}
