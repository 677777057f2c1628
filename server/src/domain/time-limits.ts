/**
 * Time limits (days) for handling a dispute at each level, with per-type overrides, and for answering
 * a transfer letter of each kind. Defaults here; TIME_LIMITS (JSON, config.ts) is merged over them,
 * e.g. {"levels":{"village":10},"types":{"land_boundary":{"village":20}},"transfers":{"assist":20}}.
 */
import { DISPUTE_TYPES, HANDLING_LEVELS, type DisputeType, type HandlingLevel } from './dispute-types.ts';
import { TRANSFER_KINDS, type TransferKind } from './transfer-types.ts';

export interface TimeLimits {
  levels: Record<HandlingLevel, number>;
  /** Per dispute type, limits that differ from `levels`. */
  types: Partial<Record<DisputeType, Partial<Record<HandlingLevel, number>>>>;
  /** Days a receiving unit has to finish a prompt (提示函) or assistance (协办函) letter. */
  transfers: Record<TransferKind, number>;
}

export const TIME_LIMIT_DAYS: Record<HandlingLevel, number> = { village: 15, town: 30, department: 60 };

/** No per-type override by default, so the seeded deadlines follow the level limits exactly. */
export const DEFAULT_TIME_LIMITS: TimeLimits = Object.freeze({
  levels: TIME_LIMIT_DAYS,
  types: {},
  transfers: { prompt: 10, assist: 15 },
});

const DAY_MS = 86_400_000;

/** The limit in days for a dispute of `type` handled at `level` (type override first). */
export function limitDays(level: HandlingLevel, type?: DisputeType, limits: TimeLimits = DEFAULT_TIME_LIMITS): number {
  return (type && limits.types[type]?.[level]) ?? limits.levels[level];
}

export function dueAt(from: Date, level: HandlingLevel, type?: DisputeType, limits: TimeLimits = DEFAULT_TIME_LIMITS): Date {
  return new Date(from.getTime() + limitDays(level, type, limits) * DAY_MS);
}

export function transferDueAt(from: Date, kind: TransferKind, limits: TimeLimits = DEFAULT_TIME_LIMITS): Date {
  return new Date(from.getTime() + limits.transfers[kind] * DAY_MS);
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function days(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 3650) throw new Error(`${name} must be a number of days in (0, 3650], got ${JSON.stringify(v)}`);
  return v;
}

function objectOf(v: unknown, name: string, keys: readonly string[]): Json {
  if (!isObject(v)) throw new Error(`${name} must be a JSON object`);
  const unknown = Object.keys(v).find((k) => !keys.includes(k));
  if (unknown !== undefined) throw new Error(`${name}.${unknown} is not a setting; known: ${keys.join(', ')}`);
  return v;
}

function levelDays(v: unknown, name: string, base: Partial<Record<HandlingLevel, number>>): Partial<Record<HandlingLevel, number>> {
  const o = objectOf(v, name, HANDLING_LEVELS);
  const out = { ...base };
  for (const l of HANDLING_LEVELS) if (o[l] !== undefined) out[l] = days(o[l], `${name}.${l}`);
  return out;
}

/** TIME_LIMITS JSON merged over the defaults. @throws Error naming the bad setting. */
export function parseTimeLimits(raw: string, base: TimeLimits = DEFAULT_TIME_LIMITS): TimeLimits {
  let top: unknown;
  try {
    top = JSON.parse(raw);
  } catch {
    throw new Error('is not valid JSON');
  }
  const o = objectOf(top, 'TIME_LIMITS', ['levels', 'types', 'transfers']);
  const levels = o.levels === undefined ? base.levels : (levelDays(o.levels, 'levels', base.levels) as Record<HandlingLevel, number>);
  const types: TimeLimits['types'] = { ...base.types };
  if (o.types !== undefined) {
    for (const [t, v] of Object.entries(objectOf(o.types, 'types', DISPUTE_TYPES))) types[t as DisputeType] = levelDays(v, `types.${t}`, base.types[t as DisputeType] ?? {});
  }
  const transfers = { ...base.transfers };
  if (o.transfers !== undefined) {
    const tr = objectOf(o.transfers, 'transfers', TRANSFER_KINDS);
    for (const k of TRANSFER_KINDS) if (tr[k] !== undefined) transfers[k] = days(tr[k], `transfers.${k}`);
  }
  return { levels, types, transfers };
}
