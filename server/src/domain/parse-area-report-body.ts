/**
 * The body of POST /api/area-reports: an area drawn (`geometry`: a polygon, a multipolygon, a
 * rectangle as a polygon, or {type: "Circle", center, radius_m}) or picked (`areas`: town, village or
 * grid codes), the period (`from`, `to` as YYYY-MM; default the last four months), the distance at
 * which a camera covers a dispute (`camera_m`, default 100) and an optional `title`.
 */
import { invalidParameter } from './api-error.ts';
import { parseAreaCode } from './area-kinds.ts';
import { bodyObject, text } from './parse-body.ts';
import { parseAreaGeometry, type AreaGeometry } from './parse-area-geometry.ts';
import { parsePeriod, type Period } from './parse-period.ts';

export const DEFAULT_CAMERA_M = 100;
export const MAX_PICKED_AREAS = 50;

export interface AreaReportInput {
  /** What was drawn (checked), or null when areas were picked. */
  geometry: AreaGeometry | null;
  /** Picked area codes, or null when an area was drawn. */
  areas: string[] | null;
  period: Period;
  camera_m: number;
  title: string | null;
  /** The shape as sent (the drawn geometry or {areas}), kept with the definition. */
  shape: unknown;
}

export function parseAreaReportBody(raw: unknown, now: Date): AreaReportInput {
  const b = bodyObject(raw, ['geometry', 'areas', 'from', 'to', 'camera_m', 'title']);
  const drawn = b.geometry !== undefined && b.geometry !== null;
  const picked = b.areas !== undefined && b.areas !== null;
  if (drawn === picked) throw invalidParameter('geometry', 'give either geometry (an area drawn) or areas (codes picked), not both');
  let geometry: AreaGeometry | null = null;
  let areas: string[] | null = null;
  if (drawn) geometry = parseAreaGeometry(b.geometry);
  else {
    if (!Array.isArray(b.areas) || b.areas.length === 0 || b.areas.length > MAX_PICKED_AREAS) {
      throw invalidParameter('areas', `areas must be a list of 1–${MAX_PICKED_AREAS} town, village or grid codes`);
    }
    areas = [...new Set(b.areas.map((c, i) => {
      if (typeof c !== 'string') throw invalidParameter(`areas[${i}]`, `areas[${i}] must be a code`);
      return parseAreaCode(c, `areas[${i}]`).code;
    }))];
    if (areas.some((c) => c.length === 6)) throw invalidParameter('areas', 'pick towns, villages or grids (for the whole district, draw nothing and use the district reports)');
  }
  const month = (name: 'from' | 'to') => {
    const v = b[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw invalidParameter(name, `${name} must be a month YYYY-MM`);
    return v;
  };
  const period = parsePeriod(month('from'), month('to'), now);
  const cm = b.camera_m ?? DEFAULT_CAMERA_M;
  if (typeof cm !== 'number' || !Number.isInteger(cm) || cm < 10 || cm > 2000) throw invalidParameter('camera_m', 'camera_m must be a whole number of metres in 10..2000');
  return { geometry, areas, period, camera_m: cm, title: text(b, 'title', 1, 80), shape: drawn ? b.geometry : { areas } };
}
