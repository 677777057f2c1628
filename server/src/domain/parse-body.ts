/** Small validators for JSON request bodies: each failure is a 400 naming the field and the reason. */
import { invalidParameter, quoteInput } from './api-error.ts';

export type Body = Record<string, unknown>;

/** The body as an object with only the allowed fields. */
export function bodyObject(raw: unknown, allowed: readonly string[]): Body {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidParameter('body', 'the body must be a JSON object (Content-Type: application/json)');
  const unknown = Object.keys(raw).find((k) => !allowed.includes(k));
  if (unknown !== undefined) throw invalidParameter(unknown.slice(0, 60), `unknown field ${quoteInput(unknown)}; known: ${allowed.join(', ')}`);
  return raw as Body;
}

/** A trimmed string of min..max characters; undefined/null when optional and absent. */
export function text(b: Body, field: string, min: number, max: number, required: true): string;
export function text(b: Body, field: string, min: number, max: number, required?: false): string | null;
export function text(b: Body, field: string, min: number, max: number, required = false): string | null {
  const v = b[field];
  if (v === undefined || v === null) {
    if (required) throw invalidParameter(field, `${field} is required`);
    return null;
  }
  if (typeof v !== 'string') throw invalidParameter(field, `${field} must be a string`);
  const s = v.trim();
  if ([...s].length < min || [...s].length > max) throw invalidParameter(field, `${field} must have ${min}–${max} characters, got ${[...s].length}`);
  // Control characters would corrupt a ledger export or a log line.
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)) throw invalidParameter(field, `${field} contains control characters`);
  return s;
}

/** One of a fixed list of strings. */
export function oneOf<T extends string>(b: Body, field: string, values: readonly T[], required: true): T;
export function oneOf<T extends string>(b: Body, field: string, values: readonly T[], required?: false): T | null;
export function oneOf<T extends string>(b: Body, field: string, values: readonly T[], required = false): T | null {
  const v = b[field];
  if (v === undefined || v === null) {
    if (required) throw invalidParameter(field, `${field} is required: one of ${values.join(', ')}`);
    return null;
  }
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw invalidParameter(field, `${field} must be one of ${values.join(', ')}${typeof v === 'string' ? `, got ${quoteInput(v)}` : ''}`);
  }
  return v as T;
}

/** A positive whole number (ids, versions). */
export function positiveInt(b: Body, field: string, required = false): number | null {
  const v = b[field];
  if (v === undefined || v === null) {
    if (required) throw invalidParameter(field, `${field} is required (a positive whole number)`);
    return null;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) throw invalidParameter(field, `${field} must be a positive whole number`);
  return v;
}

/** [lng, lat] from a GeoJSON Point or {lng, lat}: finite degrees in range. */
export function lngLat(b: Body, field: string): [number, number] {
  const v = b[field] as Record<string, unknown> | undefined;
  const how = `${field} must be a GeoJSON Point {"type":"Point","coordinates":[lng,lat]} or {"lng":…,"lat":…}`;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidParameter(field, how);
  let xy: unknown[];
  if (v.type === 'Point' && Array.isArray(v.coordinates)) xy = v.coordinates;
  else if ('lng' in v && 'lat' in v && Object.keys(v).length === 2) xy = [v.lng, v.lat];
  else throw invalidParameter(field, how);
  if (xy.length !== 2 || !xy.every((n) => typeof n === 'number' && Number.isFinite(n))) throw invalidParameter(field, `${field}: coordinates must be two finite numbers [lng, lat]`);
  const [lng, lat] = xy as [number, number];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) throw invalidParameter(field, `${field}: [${lng}, ${lat}] is not a longitude and latitude in degrees`);
  return [lng, lat];
}
