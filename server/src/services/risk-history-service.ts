/**
 * An area's four-colour risk month by month: each month is a one-month period of the risk service
 * (one grid query per month, cached there; the rules are domain/risk-rules.ts and risk-rollup.ts),
 * and the trend over them (domain/risk-trend.ts).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { periodOf, type Period } from '../domain/parse-period.ts';
import type { RiskLevel } from '../domain/risk-levels.ts';
import { riskTrend } from '../domain/risk-trend.ts';
import { monthsBetween } from '../domain/parse-period.ts';
import type { RiskService } from './risk-service.ts';

/** At most this many months per request: each costs one query over every grid. */
export const MAX_HISTORY_MONTHS = 36;

export interface RiskHistoryService {
  /** null when no area has the code. */
  history(scope: AccessScope, code: string, period: Period): Promise<ReturnType<typeof buildHistory> | null>;
}

function buildHistory(code: string, name: string, kind: string, months: { month: string; level: RiskLevel; score: number; [k: string]: unknown }[]) {
  return { code, name, kind, months, trend: riskTrend(months) };
}

export function createRiskHistoryService(risk: RiskService, now: () => Date): RiskHistoryService {
  return {
    async history(scope, code, period) {
      const t = now();
      const last = await risk.area(scope, periodOf(period.to, period.to, t), code);
      if (!last) return null;
      const months = [];
      // Sequential: PGlite serialises queries anyway, and a real server is spared a burst of 36 scans.
      for (const month of monthsBetween(period.from, period.to)) {
        const m = await risk.map(periodOf(month, month, t));
        const a = m.tree.areas.get(code)!;
        months.push({ month, level: a.level, score: a.score, indicators: a.indicators, reasons: a.reasons, counts: a.counts });
      }
      return buildHistory(code, last.area.name, last.area.kind, months);
    },
  };
}
