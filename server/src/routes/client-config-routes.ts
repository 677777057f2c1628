/** What the client needs to start: /api/config (also written into index.html, see http/client-static.ts). */
import { Router } from 'express';
import { readParams } from '../domain/read-params.ts';
import { sendJson } from '../http/send.ts';

const NONE = new Set<string>();

export function clientConfigRoutes(configDocument: () => Promise<unknown>): Router {
  const r = Router();
  r.get('/config', async (req, res) => {
    readParams(req.query, NONE);
    res.setHeader('Cache-Control', 'no-cache');
    sendJson(res, await configDocument());
  });
  return r;
}
