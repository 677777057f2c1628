/** An area's panel: /api/areas/{code}?from=&to= */
import { Router } from 'express';
import { ALL_SCOPE } from '../domain/access-scope.ts';
import { notFound, quoteInput } from '../domain/api-error.ts';
import { parseAreaCode } from '../domain/area-kinds.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import { readParams } from '../domain/read-params.ts';
import { periodJson } from '../http/period-json.ts';
import { sendJson } from '../http/send.ts';
import type { AreaService } from '../services/area-service.ts';

const PARAMS = new Set(['from', 'to']);

export function areaRoutes(areas: AreaService, now: () => Date): Router {
  const r = Router();
  r.get('/areas/:code', async (req, res) => {
    const { code, kind } = parseAreaCode(req.params.code, 'code');
    const params = readParams(req.query, PARAMS);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const summary = await areas.summary(ALL_SCOPE, kind, code, period);
    if (!summary) throw notFound('code', `no ${kind} has the code ${quoteInput(code)}`);
    sendJson(res, { ...summary, period: periodJson(period) });
  });
  return r;
}
