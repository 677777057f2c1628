/** The daily screening (日排查): GET /api/screening?date=YYYY-MM-DD[&town=] — which grids reported, which were silent. */
import { Router } from 'express';
import { requestScope, requireAreaInScope } from '../http/request-scope.ts';
import { notFound, quoteInput } from '../domain/api-error.ts';
import { parseDay, parseTownCode } from '../domain/parse-report-params.ts';
import { readParams } from '../domain/read-params.ts';
import { sendJson } from '../http/send.ts';
import type { ScreeningService } from '../services/screening-service.ts';

const PARAMS = new Set(['date', 'town']);

export function screeningRoutes(screening: ScreeningService, now: () => Date): Router {
  const r = Router();
  r.get('/screening', async (req, res) => {
    const params = readParams(req.query, PARAMS);
    const day = parseDay('date', params.get('date'), now());
    const town = parseTownCode('town', params.get('town'), false);
    if (town !== null) requireAreaInScope(req, 'town', town);
    const s = await screening.screening(requestScope(req), day, town);
    if (town !== null && s.grids.length === 0) throw notFound('town', `no town or subdistrict has the code ${quoteInput(town)}`);
    const { day: d, has_data, window_days, flag_days, total, towns, grids } = s;
    sendJson(res, { date: d, has_data, window_days, flag_days, total, towns, grids });
  });
  return r;
}
