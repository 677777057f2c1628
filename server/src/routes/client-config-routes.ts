/** What the client needs to start: /api/config */
import { Router } from 'express';
import type { BasemapSettings } from '../config.ts';
import { ALL_SCOPE } from '../domain/access-scope.ts';
import { readParams } from '../domain/read-params.ts';
import type { RiskThresholds } from '../domain/risk-config.ts';
import { clientConfigDocument } from '../http/client-config-document.ts';
import { sendJson } from '../http/send.ts';
import type { ClientConfigService } from '../services/client-config-service.ts';

const NONE = new Set<string>();

export function clientConfigRoutes(service: ClientConfigService, risk: RiskThresholds, basemaps: BasemapSettings, now: () => Date): Router {
  const r = Router();
  r.get('/config', async (req, res) => {
    readParams(req.query, NONE);
    res.setHeader('Cache-Control', 'no-cache');
    sendJson(res, clientConfigDocument(await service.get(ALL_SCOPE), risk, basemaps, now()));
  });
  return r;
}
