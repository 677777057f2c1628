/** The four-colour risk map: /api/risk (every area of one kind) and /api/risk/{areaCode} (one, explained). */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { notFound, quoteInput } from '../domain/api-error.ts';
import { parseAreaCode } from '../domain/area-kinds.ts';
import { parseChoice } from '../domain/parse-cluster-query.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import { readParams } from '../domain/read-params.ts';
import { RISK_LEVELS } from '../domain/risk-levels.ts';
import { periodJson } from '../http/period-json.ts';
import { sendJson } from '../http/send.ts';
import type { RiskService } from '../services/risk-service.ts';

const LIST_PARAMS = new Set(['level', 'from', 'to']);
const AREA_PARAMS = new Set(['from', 'to']);
const KINDS = ['grid', 'village', 'town', 'district'] as const;

export function riskRoutes(risk: RiskService, now: () => Date): Router {
  const r = Router();
  r.get('/risk', async (req, res) => {
    const params = readParams(req.query, LIST_PARAMS);
    const kind = parseChoice('level', params.get('level'), KINDS) ?? 'grid';
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const { period: used, areas } = await risk.list(requestScope(req), period, kind);
    const totals = Object.fromEntries(RISK_LEVELS.map((l) => [l, areas.filter((a) => a.level === l).length]));
    sendJson(res, { period: periodJson(used), level: kind, thresholds: risk.gridThresholds(used), totals, areas });
  });
  r.get('/risk/:areaCode', async (req, res) => {
    const { code } = parseAreaCode(req.params.areaCode, 'areaCode');
    const params = readParams(req.query, AREA_PARAMS);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const found = await risk.area(requestScope(req), period, code);
    if (!found) throw notFound('areaCode', `no district, town, village or grid has the code ${quoteInput(code)}`);
    const a = found.area;
    sendJson(res, {
      period: periodJson(found.period), code: a.code, name: a.name, kind: a.kind, level: a.level, score: a.score,
      reasons: a.reasons, indicators: a.indicators, counts: a.counts, grids: a.grids, red_grids: a.redGrids,
      children: a.children_detail, disputes: a.disputes, disputes_total: a.disputes_total,
    });
  });
  return r;
}
