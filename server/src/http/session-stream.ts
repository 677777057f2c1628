/**
 * A live event stream (GET /api/events) lives as long as its session: every `everyMs` the session is
 * looked up again, and once it is gone (log-out, a revoked display credential, expiry, a disabled
 * account) the stream gets `event: session-ended` and is closed, so nobody keeps receiving after
 * their access ended. The client's EventSource then gets 401 and stops.
 */
import type { RequestHandler } from 'express';
import type { SessionService } from '../services/session-service.ts';

export const SESSION_STREAM_CHECK_MS = 15_000;

export function endStreamsWithSession(sessions: SessionService, everyMs = SESSION_STREAM_CHECK_MS): RequestHandler {
  return (req, res, next) => {
    const s = req.authSession;
    if (req.method !== 'GET' || req.path !== '/events' || !s) return next();
    const timer = setInterval(() => {
      // Not a touch: a map left open does not keep its session from idling out.
      sessions.lookup(s.token, { touch: false }).then((live) => {
        if (live || res.writableEnded) return;
        res.write(`event: session-ended\ndata: ${JSON.stringify({ reason: 'the session ended; log in again' })}\n\n`);
        res.end();
      }, () => undefined);
    }, everyMs);
    timer.unref();
    res.on('close', () => clearInterval(timer));
    next();
  };
}
