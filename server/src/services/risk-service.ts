/**
 * The four-colour risk map: counts every grid's indicators for a period (one query), judges them
 * and rolls them up (domain/risk-rules.ts, domain/risk-rollup.ts). Results are cached per period in
 * a small LRU: periods that ended are kept an hour, periods running up to now a minute; call
 * invalidate() after any write to disputes. Levels are always computed from every dispute (an area's
 * level must not depend on who asks); a scope sees the areas it may (domain/access-scope.ts
 * areaInScope), and the disputes behind an area only as far as it may see them.
 */
import type { Database } from '../db/database.ts';
import { areaInScope, type AccessScope } from '../domain/access-scope.ts';
import { forbiddenScope } from '../domain/api-error.ts';
import type { AreaKind } from '../domain/area-kinds.ts';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from '../domain/time-limits.ts';
import type { Period } from '../domain/parse-period.ts';
import type { RiskThresholds } from '../domain/risk-config.ts';
import { rollUpRisk, type AreaRisk, type RiskTree } from '../domain/risk-rollup.ts';
import { effectiveThresholds } from '../domain/risk-rules.ts';
import type { RiskLevel } from '../domain/risk-levels.ts';
import { areaNamesSql, gridRiskCountsSql, riskDisputesSql } from '../sql/risk-sql.ts';
import { LruCache } from '../tiles/tile-cache.ts';

export const RISK_CACHE_SIZE = 16;
const ENDED_TTL_MS = 3_600_000;
const RUNNING_TTL_MS = 60_000;
export const MAX_RISK_DISPUTES = 100;

export interface RiskMap {
  period: Period;
  tree: RiskTree;
}

export interface RiskDispute {
  id: number; code: string; type: string; status: string; level: string; reported_at: string; due_at: string;
  criminal_risk: boolean; repeat_of: number | null; open: boolean; overdue: boolean; repeat: boolean; escalations: number;
}

export interface AreaRiskDetail extends AreaRisk {
  name: string;
  children_detail: { code: string; name: string; level: RiskLevel; score: number }[];
  disputes: RiskDispute[];
  disputes_total: number;
}

export interface RiskService {
  readonly config: RiskThresholds;
  /** Every area's risk for the period (cached; internal: callers filter by the scope's areas). */
  map(period: Period): Promise<RiskMap>;
  /** Compact list of one kind of area: code, name, level, score (ordered by code). */
  list(scope: AccessScope, period: Period, kind: AreaKind): Promise<{ period: Period; areas: { code: string; name: string; level: RiskLevel; score: number }[] }>;
  /** One area with reasons, children (those in scope) and the disputes behind its indicators (those in scope); null when the code is unknown.
   *  @throws ApiError 403 out_of_scope when the area is outside the scope. */
  area(scope: AccessScope, period: Period, code: string): Promise<{ period: Period; area: AreaRiskDetail } | null>;
  /** The per-grid thresholds for a period (what the legend shows). */
  gridThresholds(period: Period): ReturnType<typeof effectiveThresholds>;
  /** Forget cached results (after disputes or their history changed). */
  invalidate(): void;
}

interface AreaName { kind: AreaKind; name: string }

/** `limits`: the handling time limits, for the yellow-card indicator (due_soon). */
export function createRiskService(db: Database, config: RiskThresholds, now: () => Date = () => new Date(), limits: TimeLimits = DEFAULT_TIME_LIMITS): RiskService {
  const cache = new LruCache<Promise<RiskMap>>(RISK_CACHE_SIZE);
  let names: Promise<Map<string, AreaName>> | null = null;

  const namesFor = () => {
    if (!names) {
      const q = areaNamesSql();
      const n = db.query<{ kind: AreaKind; code: string; name: string }>(q.text, q.values)
        .then((r) => new Map(r.rows.map((x) => [x.code, { kind: x.kind, name: x.name }])));
      n.catch(() => { names = null; });
      names = n;
    }
    return names;
  };

  async function compute(period: Period): Promise<RiskMap> {
    const q = gridRiskCountsSql(period, limits);
    type Row = { code: string; village_code: string; town_code: string; open: number; overdue: number; due_soon: number; criminal: number; repeat: number; escalated: number; reported: number; previous: number | null };
    const rows = (await db.query<Row>(q.text, q.values)).rows;
    const grids = rows.map((r) => ({
      code: r.code, villageCode: r.village_code, townCode: r.town_code,
      counts: { open: r.open, overdue: r.overdue, due_soon: r.due_soon, criminal: r.criminal, repeat: r.repeat, escalated: r.escalated, reported: r.reported, previous: r.previous },
    }));
    const district = [...(await namesFor()).entries()].find(([, v]) => v.kind === 'district')?.[0] ?? 'district';
    return { period, tree: rollUpRisk(grids, district, config, period.months) };
  }

  const service: RiskService = {
    config,
    map(period) {
      const key = `${period.from}|${period.to}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const job = compute(period);
      const ended = period.end.getTime() < now().getTime();
      cache.set(key, job, ended ? ENDED_TTL_MS : RUNNING_TTL_MS);
      job.catch(() => cache.deletePrefix(key));
      return job;
    },
    async list(scope, period, kind) {
      const [m, n] = await Promise.all([service.map(period), namesFor()]);
      const areas = [];
      for (const a of m.tree.areas.values()) {
        if (a.kind === kind && areaInScope(scope, a.code)) areas.push({ code: a.code, name: n.get(a.code)?.name ?? a.code, level: a.level, score: a.score });
      }
      areas.sort((x, y) => (x.code < y.code ? -1 : 1));
      return { period: m.period, areas };
    },
    async area(scope, period, code) {
      const n = await namesFor();
      const name = n.get(code);
      if (!name) return null;
      if (!areaInScope(scope, code)) throw forbiddenScope('areaCode', code);
      const m = await service.map(period);
      const a = m.tree.areas.get(code);
      if (!a) return null;
      const q = riskDisputesSql(scope, m.period, { kind: a.kind, code }, MAX_RISK_DISPUTES);
      type Row = Omit<RiskDispute, 'repeat' | 'id' | 'repeat_of'> & { id: unknown; repeat_of: unknown; is_repeat: boolean; total: number };
      const rows = (await db.query<Row>(q.text, q.values)).rows;
      const disputes = rows.map(({ is_repeat, total: _t, ...r }) => ({
        ...r, id: Number(r.id), repeat_of: r.repeat_of === null ? null : Number(r.repeat_of), repeat: is_repeat,
      }));
      const children_detail = a.children.filter((c) => areaInScope(scope, c)).map((c) => {
        const x = m.tree.areas.get(c)!;
        return { code: c, name: n.get(c)?.name ?? c, level: x.level, score: x.score };
      });
      return { period: m.period, area: { ...a, name: name.name, children_detail, disputes, disputes_total: rows[0]?.total ?? 0 } };
    },
    gridThresholds(period) {
      return effectiveThresholds(config, { grids: 1, months: period.months });
    },
    invalidate() {
      cache.clear();
    },
  };
  return service;
}
