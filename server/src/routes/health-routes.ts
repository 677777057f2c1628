import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { sendJson } from '../http/send.ts';
import { checkHealth } from '../services/health-service.ts';

/** /api/health: 200 with engine and versions when the database answers; otherwise the error handler's 500. */
export function healthRoutes(db: Database): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, await checkHealth(db));
  });
  return r;
}
