/**
 * An area's panel (district, town, village or grid): what and where it is, its parents, the grid's
 * contact card (联心卡), its disputes in a period, what is open, and the cameras in and near it.
 * Answers are kept per scope, area and period in a small LRU (periods that ended an hour, periods
 * running up to now a minute); invalidate() after a write to disputes.
 */
import type { Database } from '../db/database.ts';
import { scopeKey, type AccessScope } from '../domain/access-scope.ts';
import type { AreaKind } from '../domain/area-kinds.ts';
import { findCollection } from '../domain/collections.ts';
import type { Period } from '../domain/parse-period.ts';
import { areaCameraCountsSql, areaDisputeCountsSql, areaOpenDisputesSql, areaSql } from '../sql/area-sql.ts';
import { nearestPointsSql } from '../sql/nearest-sql.ts';
import { LruCache } from '../tiles/tile-cache.ts';
import { jsonValue, type Bbox4 } from './row-values.ts';

export const MAX_OPEN_LISTED = 50;
export const NEAREST_CAMERAS = 5;

export interface AreaUnit { kind: AreaKind; code: string; name: string }

export interface NearbyCamera { id: number; code: string; name: string; program: string; lon: number; lat: number; distance_m: number }

export interface AreaSummary {
  code: string;
  name: string;
  kind: AreaKind;
  /** towns: subdistrict/town/township; villages: community/village; grids: urban/rural; district: null. */
  subkind: string | null;
  parents: AreaUnit[];
  bbox: Bbox4;
  households: number;
  population: number;
  contact: unknown | null;
  disputes: { total: number; by_type: Record<string, number>; by_status: Record<string, number> };
  open_disputes: { total: number; items: Record<string, unknown>[] };
  cameras: { total: number; by_program: Record<string, number>; nearest_from: [number, number]; nearest: NearbyCamera[] };
}

const CAMERAS = findCollection('cameras')!;

export interface AreaService {
  /** The panel, or null when no area has that code. */
  summary(scope: AccessScope, kind: AreaKind, code: string, period: Period): Promise<AreaSummary | null>;
  /** Forget kept answers (after disputes changed). */
  invalidate(): void;
}

export const AREA_CACHE_SIZE = 500;

export function createAreaService(db: Database, now: () => Date = () => new Date()): AreaService {
  const cache = new LruCache<Promise<AreaSummary | null>>(AREA_CACHE_SIZE);
  const service: AreaService = {
    summary(scope, kind, code, period) {
      const key = `${scopeKey(scope)}|${code}|${period.from}|${period.to}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const job = compute(scope, kind, code, period);
      cache.set(key, job, period.end.getTime() < now().getTime() ? 3_600_000 : 60_000);
      job.catch(() => cache.deletePrefix(key));
      return job;
    },
    invalidate() {
      cache.clear();
    },
  };
  return service;

  async function compute(scope: AccessScope, kind: AreaKind, code: string, period: Period): Promise<AreaSummary | null> {
    const a = areaSql(scope, kind, code);
    type AreaRow = { code: string; name: string; subkind: string | null; households: number; population: number; parents: unknown; contact: unknown;
      minx: number; miny: number; maxx: number; maxy: number; lon: number; lat: number };
    const row = (await db.query<AreaRow>(a.text, a.values)).rows[0];
    if (!row) return null;

    const c = areaDisputeCountsSql(scope, kind, code, period.start, period.end);
    const counts = (await db.query<{ type: string; status: string; n: number }>(c.text, c.values)).rows;
    const by_type: Record<string, number> = {};
    const by_status: Record<string, number> = {};
    for (const r of counts) {
      by_type[r.type] = (by_type[r.type] ?? 0) + r.n;
      by_status[r.status] = (by_status[r.status] ?? 0) + r.n;
    }

    const o = areaOpenDisputesSql(scope, kind, code, period.end, MAX_OPEN_LISTED);
    const open = (await db.query<Record<string, unknown> & { total: number }>(o.text, o.values)).rows;

    const k = areaCameraCountsSql(scope, kind, code);
    const cams = (await db.query<{ program: string; n: number }>(k.text, k.values)).rows;
    const from: [number, number] = [Number(row.lon), Number(row.lat)];
    const n = nearestPointsSql(scope, CAMERAS, from, NEAREST_CAMERAS);
    const near = (await db.query<{ id: unknown; properties: unknown; lon: number; lat: number; distance_m: number }>(n.text, n.values)).rows;

    return {
      code: row.code, name: row.name, kind, subkind: row.subkind,
      parents: jsonValue(row.parents) as AreaUnit[],
      bbox: [Number(row.minx), Number(row.miny), Number(row.maxx), Number(row.maxy)],
      households: Number(row.households), population: Number(row.population),
      contact: kind === 'grid' ? jsonValue(row.contact) : null,
      disputes: { total: counts.reduce((s, r) => s + r.n, 0), by_type, by_status },
      open_disputes: {
        total: open[0]?.total ?? 0,
        items: open.map(({ total: _t, ...r }) => ({ ...r, id: Number(r.id), repeat_of: r.repeat_of === null ? null : Number(r.repeat_of) })),
      },
      cameras: {
        total: cams.reduce((s, r) => s + r.n, 0),
        by_program: Object.fromEntries(cams.map((r) => [r.program, r.n])),
        nearest_from: from,
        nearest: near.map((r) => {
          const p = jsonValue(r.properties) as { code: string; name: string; program: string };
          return { id: Number(r.id), code: p.code, name: p.name, program: p.program, lon: Number(r.lon), lat: Number(r.lat), distance_m: roundMetres(r.distance_m) };
        }),
      },
    };
  }
}

export const roundMetres = (d: unknown): number => Math.round(Number(d) * 10) / 10;
