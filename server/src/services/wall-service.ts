/**
 * The command-centre wall's figures in one answer, in the caller's scope: today's reports, open and
 * overdue disputes now (sql/wall-sql.ts), this month's resolution rate and the share resolved at
 * village level (the one definition, domain/resolution-rate.ts, through the resolution service), the
 * areas of each four-colour level in the default risk period (the risk service, as /api/risk), and
 * the towns in the order the map tours them: highest risk first; and the latest dispute events.
 */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import type { AreaKind } from '../domain/area-kinds.ts';
import { localDate, localMidnight, localMonth } from '../domain/local-time.ts';
import { parsePeriod, type Period } from '../domain/parse-period.ts';
import { withRates, ZERO_RESOLUTION } from '../domain/resolution-rate.ts';
import { RISK_LEVELS, riskRank, type RiskLevel } from '../domain/risk-levels.ts';
import { recentEventsSql, townBoxesSql, wallCountsSql } from '../sql/wall-sql.ts';
import type { ResolutionService } from './resolution-service.ts';
import type { RiskService } from './risk-service.ts';

export interface WallTown { code: string; name: string; level: RiskLevel; score: number; bbox: [number, number, number, number] }

/** A dispute event for the ticker: what happened to which dispute, in which town, and its status after. */
export interface WallEvent { id: number; at: string; code: string; town_code: string; action: string; status: string }

/** Events `recent` holds: as many as the ticker shows. */
export const WALL_RECENT = 8;

export interface WallSummary {
  as_of: string;
  date: string;
  counts: { reported_today: number; open: number; overdue: number };
  month: { month: string } & ReturnType<typeof withRates>;
  risk: { period: Period } & Record<'towns' | 'villages' | 'grids', Record<RiskLevel, number>>;
  tour: WallTown[];
  /** The latest dispute events, newest first: the ticker's rows until the live stream brings new ones. */
  recent: WallEvent[];
}

export interface WallService {
  summary(scope: AccessScope): Promise<WallSummary>;
}

const KINDS: [AreaKind, 'towns' | 'villages' | 'grids'][] = [['town', 'towns'], ['village', 'villages'], ['grid', 'grids']];

export function createWallService(db: Database, resolution: ResolutionService, risk: RiskService, now: () => Date): WallService {
  return {
    async summary(scope) {
      const at = now();
      const date = localDate(at);
      const [y, m, d] = date.split('-').map(Number);
      const month = localMonth(at);
      const period = parsePeriod(undefined, undefined, at);
      const counts = wallCountsSql(scope, localMidnight(y, m, d), at);
      const boxes = townBoxesSql(scope);
      const recent = recentEventsSql(scope, at, WALL_RECENT);
      const [c, byMonth, lists, boxRows, events] = await Promise.all([
        db.query<WallSummary['counts']>(counts.text, counts.values).then((r) => r.rows[0]),
        resolution.counts(scope, month, month, 'month'),
        Promise.all(KINDS.map(([kind]) => risk.list(scope, period, kind))),
        db.query<{ code: string; w: number; s: number; e: number; n: number }>(boxes.text, boxes.values).then((r) => r.rows),
        db.query<WallEvent>(recent.text, recent.values).then((r) => r.rows),
      ]);
      const tally = (areas: { level: RiskLevel }[]) => Object.fromEntries(RISK_LEVELS.map((l) => [l, areas.filter((a) => a.level === l).length])) as Record<RiskLevel, number>;
      const bbox = new Map(boxRows.map((b) => [b.code, [b.w, b.s, b.e, b.n] as [number, number, number, number]]));
      const tour = lists[0].areas
        .filter((t) => bbox.has(t.code))
        .map((t) => ({ code: t.code, name: t.name, level: t.level, score: t.score, bbox: bbox.get(t.code)! }))
        // Highest risk first: level, then score, then code (a stable order for equal ones).
        .sort((a, b) => riskRank(b.level) - riskRank(a.level) || b.score - a.score || a.code.localeCompare(b.code));
      return {
        as_of: at.toISOString(),
        date,
        counts: c,
        month: { month, ...withRates(byMonth.get(month) ?? ZERO_RESOLUTION) },
        risk: { period: lists[0].period, towns: tally(lists[0].areas), villages: tally(lists[1].areas), grids: tally(lists[2].areas) },
        tour,
        recent: events,
      };
    },
  };
}
