/**
 * The reporting side of the five working systems, wired once: the monthly ledger (月调度), the
 * resolution figures and the quarterly ranking (季通报), the supervision report (常态督导), the risk
 * history and the daily screening (日排查). app.ts mounts this one router.
 */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { createLedgerService } from '../services/ledger-service.ts';
import { createRankingService } from '../services/ranking-service.ts';
import { createResolutionService } from '../services/resolution-service.ts';
import { createRiskHistoryService } from '../services/risk-history-service.ts';
import { createScreeningService } from '../services/screening-service.ts';
import { createSupervisionReportService } from '../services/supervision-report-service.ts';
import type { RiskService } from '../services/risk-service.ts';
import { ledgerRoutes } from './ledger-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { riskHistoryRoutes } from './risk-history-routes.ts';
import { screeningRoutes } from './screening-routes.ts';
import { statsRoutes } from './stats-routes.ts';

export function reportingRoutes(db: Database, risk: RiskService, now: () => Date): Router {
  const stats = createResolutionService(db);
  const ranking = createRankingService(db, stats, now);
  const ledgers = createLedgerService(db, stats.towns, now);
  const r = Router();
  r.use(ledgerRoutes(ledgers, now));
  r.use(statsRoutes(stats, ranking, now));
  r.use(screeningRoutes(createScreeningService(db), now));
  r.use(riskHistoryRoutes(createRiskHistoryService(risk, now), now));
  r.use(reportRoutes(createSupervisionReportService(db, { ledgers, stats, ranking, risk, now }), now));
  return r;
}
