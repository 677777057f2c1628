import { invalidParameter, quoteInput } from './api-error.ts';
import { parseStrictNumber } from './parse-number.ts';

/** [minLng, minLat, maxLng, maxLat] in degrees (CRS84). */
export type Bbox = readonly [number, number, number, number];

const SHAPE = 'must be four comma-separated numbers: minLon,minLat,maxLon,maxLat';

/**
 * Parses an OGC `bbox` parameter, `minLng,minLat,maxLng,maxLat` in CRS84 degrees.
 * Rejects rather than repairs: 3D boxes, inverted latitudes, out-of-range values and boxes that
 * cross the antimeridian (the district is nowhere near it, so such a box is a client bug).
 * @throws ApiError 400 naming `parameter`.
 */
export function parseBbox(raw: string, parameter = 'bbox'): Bbox {
  const parts = raw.split(',');
  if (raw.trim() === '') throw invalidParameter(parameter, `${parameter} is empty; it ${SHAPE}`);
  if (parts.length === 6) throw invalidParameter(parameter, `${parameter} with 6 numbers (3D) is not supported; it ${SHAPE}`);
  if (parts.length !== 4) throw invalidParameter(parameter, `${parameter} has ${parts.length} values; it ${SHAPE}`);
  const nums = parts.map((p) => parseStrictNumber(p.trim()));
  const bad = nums.findIndex((n) => n === null);
  if (bad >= 0) throw invalidParameter(parameter, `${parameter} value ${quoteInput(parts[bad])} is not a finite number; it ${SHAPE}`);
  const [minLng, minLat, maxLng, maxLat] = nums as number[];
  for (const lng of [minLng, maxLng]) {
    if (lng < -180 || lng > 180) throw invalidParameter(parameter, `${parameter} longitude ${lng} is outside -180..180`);
  }
  for (const lat of [minLat, maxLat]) {
    if (lat < -90 || lat > 90) throw invalidParameter(parameter, `${parameter} latitude ${lat} is outside -90..90`);
  }
  if (minLat > maxLat) throw invalidParameter(parameter, `${parameter} is inverted: minLat ${minLat} > maxLat ${maxLat}`);
  if (minLng > maxLng) {
    throw invalidParameter(parameter, `${parameter} has minLon ${minLng} > maxLon ${maxLng} (crossing the antimeridian), which is not supported`);
  }
  return [minLng, minLat, maxLng, maxLat];
}
