/** The command-centre wall: GET /api/wall/summary, its big figures in the caller's scope. */
import { Router } from 'express';
import { readParams } from '../domain/read-params.ts';
import { periodJson } from '../http/period-json.ts';
import { requestScope } from '../http/request-scope.ts';
import { sendJson } from '../http/send.ts';
import type { WallService } from '../services/wall-service.ts';

const NO_PARAMS = new Set<string>();

export function wallRoutes(wall: WallService): Router {
  const r = Router();
  r.get('/wall/summary', async (req, res) => {
    readParams(req.query, NO_PARAMS);
    const s = await wall.summary(requestScope(req));
    sendJson(res, { ...s, risk: { ...s.risk, period: periodJson(s.risk.period) } });
  });
  return r;
}
