/** GET /api/risk/{areaCode}/history?from=&to=: an area's four-colour level per month, with reasons and the trend. */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { invalidParameter, notFound, quoteInput } from '../domain/api-error.ts';
import { parseAreaCode } from '../domain/area-kinds.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import { readParams } from '../domain/read-params.ts';
import { sendJson } from '../http/send.ts';
import { MAX_HISTORY_MONTHS, type RiskHistoryService } from '../services/risk-history-service.ts';

const PARAMS = new Set(['from', 'to']);

export function riskHistoryRoutes(history: RiskHistoryService, now: () => Date): Router {
  const r = Router();
  r.get('/risk/:areaCode/history', async (req, res) => {
    const { code } = parseAreaCode(req.params.areaCode, 'areaCode');
    const params = readParams(req.query, PARAMS);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    if (period.months > MAX_HISTORY_MONTHS) throw invalidParameter('from', `the history ${period.from}..${period.to} has ${period.months} months; at most ${MAX_HISTORY_MONTHS}`);
    const h = await history.history(requestScope(req), code, period);
    if (!h) throw notFound('areaCode', `no district, town, village or grid has the code ${quoteInput(code)}`);
    sendJson(res, { from: period.from, to: period.to, ...h });
  });
  return r;
}
