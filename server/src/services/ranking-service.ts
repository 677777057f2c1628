/**
 * The quarterly ranking (季通报排名) of the towns or the departments (domain/ranking.ts) from one grouped
 * count (services/resolution-service.ts), and the town outlines to colour a map by rank.
 */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { DEPARTMENTS } from '../domain/departments.ts';
import { localMonth } from '../domain/local-time.ts';
import type { Quarter } from '../domain/parse-report-params.ts';
import { rankUnits, type Ranked } from '../domain/ranking.ts';
import { ZERO_RESOLUTION } from '../domain/resolution-rate.ts';
import { outlinesSql } from '../sql/towns-sql.ts';
import type { ResolutionService } from './resolution-service.ts';

export type RankingOf = 'towns' | 'departments';
/** Degrees: ≈200 m, plenty for a town choropleth of the district. */
export const OUTLINE_TOLERANCE = 0.002;

export interface Ranking extends Quarter {
  of: RankingOf;
  /** False while the quarter runs: its figures are up to now. */
  complete: boolean;
  bottom: number;
  units: Ranked[];
}

export interface RankingService {
  rank(scope: AccessScope, quarter: Quarter, of: RankingOf, bottom: number): Promise<Ranking>;
  /** Town outlines (GeoJSON geometry text) by code. */
  townOutlines(scope: AccessScope): Promise<Map<string, string>>;
}

export function createRankingService(db: Database, stats: ResolutionService, now: () => Date): RankingService {
  return {
    async rank(scope, quarter, of, bottom) {
      const current = localMonth(now());
      const to = quarter.to < current ? quarter.to : current;
      const counts = await stats.counts(scope, quarter.from, to, of === 'towns' ? 'town' : 'department');
      const units = of === 'towns'
        ? (await stats.towns(scope)).map((t) => ({ code: t.code, name: t.name, c: counts.get(t.code) ?? ZERO_RESOLUTION }))
        : DEPARTMENTS.map((d) => ({ code: d.code, name: d.name, c: counts.get(d.name) ?? ZERO_RESOLUTION }));
      const ranked = rankUnits(units.map((u) => ({ code: u.code, name: u.name, found: u.c.found, resolved: u.c.resolved_in_month })), bottom);
      return { ...quarter, of, complete: quarter.to < current, bottom, units: ranked };
    },
    async townOutlines(scope) {
      const q = outlinesSql(scope, 'towns', OUTLINE_TOLERANCE);
      const rows = (await db.query<{ code: string; geometry: string }>(q.text, q.values)).rows;
      return new Map(rows.map((r) => [r.code, r.geometry]));
    },
  };
}
