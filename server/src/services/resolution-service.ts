/**
 * The monthly resolution rate and level shares (domain/resolution-rate.ts) by month, by town and by
 * department, from one grouped query each (sql/resolution-stats-sql.ts); and the towns they belong to.
 */
import type { Database } from '../db/database.ts';
import { scopeKey, type AccessScope } from '../domain/access-scope.ts';
import { addMonths, monthsBetween, monthStart } from '../domain/parse-period.ts';
import { sumResolution, withRates, ZERO_RESOLUTION, type ResolutionCounts } from '../domain/resolution-rate.ts';
import { resolutionCountsSql, type ResolutionGroup } from '../sql/resolution-stats-sql.ts';
import { townListSql } from '../sql/towns-sql.ts';

export interface Town { code: string; name: string; kind: string; population: number }

export interface ResolutionService {
  /** Counts of the disputes reported in the months from..to (inclusive), keyed by month, town or department name. */
  counts(scope: AccessScope, from: string, to: string, group: ResolutionGroup, town?: string | null): Promise<Map<string, ResolutionCounts>>;
  /** Every month from..to (months without disputes count zero) with its rates, and the total. */
  monthly(scope: AccessScope, from: string, to: string, town?: string | null): Promise<MonthlyResolution>;
  /** The towns, ordered by code (cached: the geography does not change while the server runs). */
  towns(scope: AccessScope): Promise<Town[]>;
}

export type RatedCounts = ReturnType<typeof withRates>;
export interface MonthlyResolution { months: (RatedCounts & { month: string })[]; total: RatedCounts }

export function createResolutionService(db: Database): ResolutionService {
  const towns = new Map<string, Promise<Town[]>>();
  const service: ResolutionService = {
    async counts(scope, from, to, group, town = null) {
      const q = resolutionCountsSql(scope, { start: monthStart(from), end: monthStart(addMonths(to, 1)) }, group, town);
      type Row = { key: string; found: number; resolved_in_month: number; resolved: number; res_village: number; res_town: number; res_department: number };
      const rows = (await db.query<Row>(q.text, q.values)).rows;
      return new Map(rows.map((r) => [r.key, {
        found: r.found, resolved_in_month: r.resolved_in_month, resolved: r.resolved,
        resolved_by_level: { village: r.res_village, town: r.res_town, department: r.res_department },
      }]));
    },
    async monthly(scope, from, to, town = null) {
      const byMonth = await service.counts(scope, from, to, 'month', town);
      const list = monthsBetween(from, to).map((month) => ({ month, counts: byMonth.get(month) ?? ZERO_RESOLUTION }));
      return { months: list.map(({ month, counts }) => ({ month, ...withRates(counts) })), total: withRates(sumResolution(list.map((m) => m.counts))) };
    },
    towns(scope) {
      const key = scopeKey(scope);
      let t = towns.get(key);
      if (!t) {
        const q = townListSql(scope);
        t = db.query<Town>(q.text, q.values).then((r) => r.rows);
        t.catch(() => towns.delete(key));
        towns.set(key, t);
      }
      return t;
    },
  };
  return service;
}
