/**
 * Wraps a write handler so it honours an Idempotency-Key header: the first request with a key runs
 * the write and stores its answer in the write's own transaction; a retry with the same key and the
 * same method, path and body gets the stored answer (same status and body, `Idempotency-Replayed:
 * true`) and writes nothing; the same key with another request is a 422. Without the header the
 * write runs as before.
 */
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ApiError } from '../domain/api-error.ts';
import { IDEMPOTENCY_HEADER, parseIdempotencyKey } from '../domain/idempotency-key.ts';
import { IdempotencyRace, type IdempotencyService, type Receipt, type StoredAnswer } from '../services/idempotency-service.ts';
import { sendJson, sendJsonText } from './send.ts';

export interface WriteSpec<T> {
  /** Status of a successful answer (201 for a creation, 200 for an action). */
  status: number;
  /** Location header of a successful answer, if any. */
  location?: (req: Request, body: any) => string;
  /** Runs the write; passes `receipt` to the service, which calls it inside its transaction. */
  run: (req: Request, receipt: Receipt | undefined) => Promise<T>;
}

/** Who sent it is part of the request: another user's retry with a leaked key is a 422, never a replay. */
export function fingerprint(req: Request): string {
  const who = req.user ? `user ${req.user.id}` : 'anonymous';
  return createHash('sha256').update(`${who}\n${req.method} ${req.baseUrl}${req.path}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
}

function replay(res: Response, a: StoredAnswer, fp: string): void {
  if (a.fingerprint !== fp) {
    throw new ApiError(422, 'idempotency_key_reused', IDEMPOTENCY_HEADER,
      `this ${IDEMPOTENCY_HEADER} was already used for a different request (method, path or body); use a new key for a new request`);
  }
  res.setHeader('Idempotency-Replayed', 'true');
  if (a.location) res.location(a.location);
  sendJsonText(res, a.body, undefined, a.status);
}

export function idempotentWrite<T>(store: IdempotencyService, spec: WriteSpec<T>): RequestHandler {
  return async (req, res) => {
    const key = parseIdempotencyKey(req.get(IDEMPOTENCY_HEADER));
    const send = (body: T) => {
      if (spec.location) res.location(spec.location(req, body));
      sendJson(res, body, undefined, spec.status);
    };
    // The write's audit entry (http/session-actor.ts) goes into the same transaction as the write.
    const audit = req.writeAudit;
    const withAudit = (r: Receipt | undefined): Receipt | undefined =>
      r && audit ? async (tx, body) => { await r(tx, body); await audit(tx, body); } : r ?? audit;
    if (key === null) return send(await spec.run(req, withAudit(undefined)));
    const fp = fingerprint(req);
    const stored = await store.find(key);
    if (stored) return replay(res, stored, fp);
    try {
      send(await spec.run(req, withAudit(store.receipt(key, fp, spec.status, spec.location ? (b) => spec.location!(req, b) : undefined))));
    } catch (e) {
      // A concurrent duplicate won: it either stored first (the race) or already changed the state this
      // one checked (e.g. a stale version). Either way its stored answer is the answer.
      const winner = e instanceof IdempotencyRace || e instanceof ApiError ? await store.find(key) : null;
      if (winner) return replay(res, winner, fp);
      throw e;
    }
  };
}
