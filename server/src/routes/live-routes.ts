/**
 * GET /api/events: server-sent events of every write (`dispute`, `transfer`), each with an
 * incrementing id. A client reconnecting with Last-Event-ID (header, or `last_event_id` for clients
 * that cannot set it) first gets what it missed from the ring buffer, or a `reset` event when that
 * fell out of the buffer (refetch everything). A comment line every 15 s keeps proxies from closing it.
 * When the server shuts down every stream gets a last `shutdown` event and ends (clients reconnect
 * after `retry` to the next server). A stream carries only the events whose dispute the session's
 * scope may see (ids keep counting across all events, so a gap in ids is normal).
 */
import { Router, type Response } from 'express';
import { invalidParameter } from '../domain/api-error.ts';
import { parseStrictInteger } from '../domain/parse-number.ts';
import { readParams } from '../domain/read-params.ts';
import { disputeInScope, type AccessScope } from '../domain/access-scope.ts';
import { requestScope } from '../http/request-scope.ts';
import type { LiveEvent, LiveEvents } from '../services/live-events.ts';

export const HEARTBEAT_MS = 15_000;
export const RETRY_MS = 3_000;
const PARAMS = new Set(['last_event_id']);

/** Sends the event when the scope may see its dispute (domain/access-scope.ts), without the place it was judged by. */
function write(res: Response, scope: AccessScope, e: LiveEvent): void {
  const { place, ...data } = e.data;
  if (!disputeInScope(scope, place)) return;
  res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ ...data, at: e.at })}\n\n`);
}

export function liveRoutes(bus: LiveEvents, heartbeatMs = HEARTBEAT_MS): Router {
  const r = Router();
  r.get('/events', (req, res) => {
    const params = readParams(req.query, PARAMS);
    const scope = requestScope(req);
    const raw = req.get('last-event-id') ?? params.get('last_event_id');
    const last = raw === undefined || raw === '' ? null : parseStrictInteger(raw.trim());
    if (raw !== undefined && raw !== '' && last === null) throw invalidParameter('Last-Event-ID', 'Last-Event-ID must be a whole number');
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: ${RETRY_MS}\n: connected, last event ${bus.lastId}\n\n`);
    if (last !== null) {
      const missed = bus.since(last);
      if (!missed.complete) res.write(`event: reset\ndata: ${JSON.stringify({ reason: 'missed events are no longer buffered; refetch' })}\n\n`);
      for (const e of missed.events) write(res, scope, e);
    }
    const off = bus.subscribe((e) => write(res, scope, e));
    const beat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const stop = () => {
      clearInterval(beat);
      off();
      offClose();
    };
    const offClose = bus.onClose(() => {
      stop();
      res.end(`event: shutdown\ndata: ${JSON.stringify({ reason: 'the server is shutting down; reconnect shortly' })}\n\n`);
    });
    if (bus.closed) bus.close();
    req.on('close', stop);
  });
  return r;
}
