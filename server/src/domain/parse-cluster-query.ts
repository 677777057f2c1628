/** Parameters of the cluster and point endpoints: zoom, and closed sets (type, status, programme). */
import { invalidParameter, quoteInput } from './api-error.ts';
import { DISPUTE_STATUSES, DISPUTE_TYPES, type DisputeStatus, type DisputeType } from './dispute-types.ts';
import { parseStrictNumber } from './parse-number.ts';

export const MAX_CLUSTER_ZOOM = 24;

/** The map's zoom (fractional, as MapLibre has it). @throws ApiError 400 naming `zoom`. */
export function parseZoom(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') throw invalidParameter('zoom', `zoom is required: the map zoom, 0..${MAX_CLUSTER_ZOOM}`);
  const z = parseStrictNumber(raw.trim());
  if (z === null || z < 0 || z > MAX_CLUSTER_ZOOM) throw invalidParameter('zoom', `zoom ${quoteInput(raw)} is not a number in 0..${MAX_CLUSTER_ZOOM}`);
  return z;
}

/** One of `values`, or null when absent. @throws ApiError 400 naming `name`. */
export function parseChoice<T extends string>(name: string, raw: string | undefined, values: readonly T[]): T | null {
  if (raw === undefined) return null;
  if (!(values as readonly string[]).includes(raw)) throw invalidParameter(name, `${name} ${quoteInput(raw)} must be one of ${values.join(', ')}`);
  return raw as T;
}

/** A status filter: one status, or `open` for every status but resolved. */
export type StatusFilter = DisputeStatus | 'open';
export const STATUS_FILTERS: readonly StatusFilter[] = [...DISPUTE_STATUSES, 'open'];

export const parseDisputeType = (raw: string | undefined): DisputeType | null => parseChoice('type', raw, DISPUTE_TYPES);
export const parseStatusFilter = (raw: string | undefined): StatusFilter | null => parseChoice('status', raw, STATUS_FILTERS);

export const CAMERA_PROGRAMS = ['xueliang', 'pingan'] as const;
export type CameraProgram = (typeof CAMERA_PROGRAMS)[number];
