import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { sendDatabaseUnavailable } from '../http/error-handler.ts';
import { sendJson } from '../http/send.ts';
import { checkHealth } from '../services/health-service.ts';

/** /api/health: 200 with engine and versions when the database answers; 503 database_unavailable when it does not. */
export function healthRoutes(db: Database, retryAfterS = 5): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    let health;
    try {
      health = await checkHealth(db);
    } catch {
      return sendDatabaseUnavailable(res, retryAfterS, String(res.locals.requestId ?? 'unknown'));
    }
    sendJson(res, health);
  });
  return r;
}
