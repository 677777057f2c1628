/**
 * The last two middlewares: unknown routes → 404 JSON; errors → ApiError's 4xx JSON, or a generic
 * 500 with the request id (details only in the log, never SQL text or stacks to the client); an
 * unreachable database → 503 database_unavailable with Retry-After.
 */
import type { NextFunction, Request, Response } from 'express';
import { ApiError, quoteInput } from '../domain/api-error.ts';
import { isDatabaseUnavailable } from '../domain/database-errors.ts';
import { sendJson } from './send.ts';

export interface Logger {
  error(...args: unknown[]): void;
}

export function notFoundHandler(req: Request, res: Response): void {
  const path = req.path.length > 80 ? `${req.path.slice(0, 80)}…` : req.path;
  sendJson(res, { code: 'not_found', parameter: 'path', message: `no such resource: ${req.method} ${quoteInput(path)}` }, undefined, 404);
}

/** The answer while the database cannot be reached: 503, try again in `retryAfterS` seconds. */
export function sendDatabaseUnavailable(res: Response, retryAfterS: number, requestId: string): void {
  res.setHeader('Retry-After', String(retryAfterS));
  res.setHeader('Cache-Control', 'no-store');
  sendJson(res, { code: 'database_unavailable', parameter: null, message: `the database cannot be reached; try again in ${retryAfterS} s`, request_id: requestId }, undefined, 503);
}

export function errorHandler(log: Logger, retryAfterS = 5) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    if (err instanceof ApiError) return sendJson(res, err.toJSON(), undefined, err.status);
    // Express and its parsers flag malformed requests (bad %-encoding in a path) with a 4xx status.
    const status = (err as { status?: unknown; statusCode?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendJson(res, { code: 'bad_request', parameter: 'path', message: 'the request is malformed (bad %-encoding?)' }, undefined, status);
    }
    const requestId = String(res.locals.requestId ?? 'unknown');
    if (isDatabaseUnavailable(err)) {
      log.error(`[${requestId}] ${req.method} ${req.path}: database unavailable (${(err as Error).message}) → 503`);
      return sendDatabaseUnavailable(res, retryAfterS, requestId);
    }
    log.error(`[${requestId}] ${req.method} ${req.originalUrl} failed:`, err);
    sendJson(res, { code: 'internal_error', parameter: null, message: 'internal server error', request_id: requestId }, undefined, 500);
  };
}
