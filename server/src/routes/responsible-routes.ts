/** "Who is responsible here": /api/responsible?lon=&lat= */
import { Router } from 'express';
import { ALL_SCOPE } from '../domain/access-scope.ts';
import { parsePoint } from '../domain/parse-point.ts';
import { checkFormat, readParams } from '../domain/read-params.ts';
import { sendJson } from '../http/send.ts';
import type { ResponsibleService } from '../services/responsible-service.ts';

const PARAMS = new Set(['lon', 'lat', 'f']);

export function responsibleRoutes(responsible: ResponsibleService): Router {
  const r = Router();
  r.get('/responsible', async (req, res) => {
    const params = readParams(req.query, PARAMS);
    checkFormat(params.get('f'));
    const point = parsePoint(params.get('lon'), params.get('lat'));
    sendJson(res, await responsible.lookup(ALL_SCOPE, point));
  });
  return r;
}
