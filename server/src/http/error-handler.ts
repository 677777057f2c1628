/**
 * The last two middlewares: unknown routes → 404 JSON; errors → ApiError's 4xx JSON, or a generic
 * 500 with the request id (details only in the log, never SQL text or stacks to the client).
 */
import type { NextFunction, Request, Response } from 'express';
import { ApiError, quoteInput } from '../domain/api-error.ts';
import { sendJson } from './send.ts';

export interface Logger {
  error(...args: unknown[]): void;
}

export function notFoundHandler(req: Request, res: Response): void {
  const path = req.path.length > 80 ? `${req.path.slice(0, 80)}…` : req.path;
  sendJson(res, { code: 'not_found', parameter: 'path', message: `no such resource: ${req.method} ${quoteInput(path)}` }, undefined, 404);
}

export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    if (err instanceof ApiError) return sendJson(res, err.toJSON(), undefined, err.status);
    // Express and its parsers flag malformed requests (bad %-encoding in a path) with a 4xx status.
    const status = (err as { status?: unknown; statusCode?: unknown })?.status ?? (err as { statusCode?: unknown })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return sendJson(res, { code: 'bad_request', parameter: 'path', message: 'the request is malformed (bad %-encoding?)' }, undefined, status);
    }
    const requestId = String(res.locals.requestId ?? 'unknown');
    log.error(`[${requestId}] ${req.method} ${req.originalUrl} failed:`, err);
    sendJson(res, { code: 'internal_error', parameter: null, message: 'internal server error', request_id: requestId }, undefined, 500);
  };
}
