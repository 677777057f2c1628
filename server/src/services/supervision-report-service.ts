/**
 * The data of a town's monthly supervision report (常态督导), for its responsible county leader: the
 * ledger's statistics table and open cases, the villages' four-colour levels for the month (risk
 * service), the last 12 months' resolution figures, and the town's place in the quarter's ranking.
 * The PDF is drawn from this by pdf/supervision-pdf.ts.
 */
import type { Database } from '../db/database.ts';
import { ALL_SCOPE, type AccessScope } from '../domain/access-scope.ts';
import type { LedgerRow } from '../domain/ledger-rows.ts';
import type { LedgerStats } from '../domain/ledger-stats.ts';
import { addMonths, monthStart, periodOf } from '../domain/parse-period.ts';
import { quarterOf } from '../domain/parse-report-params.ts';
import { DEFAULT_BOTTOM, type Ranked } from '../domain/ranking.ts';
import type { RiskLevel } from '../domain/risk-levels.ts';
import { townLeader, type TownLeader } from '../domain/town-leaders.ts';
import type { GeoJsonArea } from '../pdf/fit-projection.ts';
import { outlinesSql } from '../sql/towns-sql.ts';
import type { LedgerService } from './ledger-service.ts';
import type { RankingService } from './ranking-service.ts';
import type { MonthlyResolution, ResolutionService } from './resolution-service.ts';
import type { RiskService } from './risk-service.ts';

export const OPEN_CASES_LISTED = 15;
export const TREND_MONTHS = 12;
/** Degrees: ≈50 m, fine for a village map a page wide. */
const VILLAGE_TOLERANCE = 0.0005;

export interface SupervisionReport {
  town: { code: string; name: string };
  month: string;
  as_of: string;
  leader: TownLeader;
  villages: { code: string; name: string; level: RiskLevel; geometry: GeoJsonArea }[];
  stats: LedgerStats;
  open_cases: LedgerRow[];
  open_total: number;
  trend: MonthlyResolution['months'];
  ranking: { quarter: string; complete: boolean; of: number; unit: Ranked | null };
}

export interface SupervisionReportService {
  /** null when no town has that code. */
  report(scope: AccessScope, town: string, month: string): Promise<SupervisionReport | null>;
}

/** Open cases, most pressing first: overdue, then the earliest due date. */
export function pressingFirst(rows: readonly LedgerRow[]): LedgerRow[] {
  return rows.filter((r) => r.status !== 'resolved')
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id - b.id));
}

export function createSupervisionReportService(db: Database, deps: { ledgers: LedgerService; stats: ResolutionService; ranking: RankingService; risk: RiskService; now: () => Date }): SupervisionReportService {
  return {
    async report(scope, town, month) {
      const ledger = await deps.ledgers.ledger(scope, town, month);
      if (!ledger) return null;
      const t = deps.now();
      const q = outlinesSql(scope, 'villages', VILLAGE_TOLERANCE, town);
      const [outlines, risk, trend, ranking] = await Promise.all([
        db.query<{ code: string; name: string; geometry: string }>(q.text, q.values),
        deps.risk.map(periodOf(month, month, t)),
        deps.stats.monthly(scope, addMonths(month, -(TREND_MONTHS - 1)), month, town),
        deps.ranking.rank(ALL_SCOPE, quarterOf(monthStart(month)), 'towns', DEFAULT_BOTTOM),
      ]);
      const villages = outlines.rows.map((v) => ({ code: v.code, name: v.name, level: risk.tree.areas.get(v.code)?.level ?? 'blue', geometry: JSON.parse(v.geometry) as GeoJsonArea }));
      const open = pressingFirst(ledger.rows);
      return {
        town: ledger.town, month, as_of: ledger.as_of, leader: townLeader(town), villages, stats: ledger.stats,
        open_cases: open.slice(0, OPEN_CASES_LISTED), open_total: open.length, trend: trend.months,
        ranking: { quarter: ranking.quarter, complete: ranking.complete, of: ranking.units.length, unit: ranking.units.find((u) => u.code === town) ?? null },
      };
    },
  };
}
