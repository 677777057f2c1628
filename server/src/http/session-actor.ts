/**
 * The actor of a workflow write is the logged-in user (domain/user-roles.ts actorOf), never what the
 * body says: before the route's parser runs, this middleware puts the session's actor into the body
 * (`actor` may be left out; one that differs is a 403 naming `actor`). It also hands the write its
 * audit entry (req.writeAudit), which the service appends inside the write's own transaction: a
 * change is never committed without its entry. A retry answered from the idempotency store is
 * recorded as replayed before the answer leaves.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { forbidden } from '../domain/api-error.ts';
import { parseActor } from '../domain/actors.ts';
import { actorOf, sameActor } from '../domain/user-roles.ts';
import type { AuditEntry, AuditService } from '../services/audit-service.ts';
import type { Receipt } from '../services/idempotency-service.ts';
import { jsonBody } from './json-body.ts';

interface WriteRoute { pattern: RegExp; kind: 'dispute' | 'transfer'; verb: string }

/** The workflow's writes: a report, an action on a dispute, a letter, an action on a letter. */
const WRITES: WriteRoute[] = [
  { pattern: /^\/disputes\/?$/, kind: 'dispute', verb: 'report' },
  { pattern: /^\/disputes\/(\d+)\/actions\/?$/, kind: 'dispute', verb: 'action' },
  { pattern: /^\/transfers\/?$/, kind: 'transfer', verb: 'send' },
  { pattern: /^\/transfers\/(\d+)\/actions\/?$/, kind: 'transfer', verb: 'action' },
];

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Appends the write's audit entry; called by the service inside the write's transaction (http/idempotent.ts). */
      writeAudit?: Receipt;
    }
  }
}

function entry(req: Request, route: WriteRoute, pathId: string | undefined, createdId: string | null, status: number, replayed: boolean): AuditEntry {
  const action = route.verb === 'action' && typeof req.body?.action === 'string' ? req.body.action : route.verb;
  return {
    action: `${route.kind}_${action}`, user: req.user, ip: req.ip ?? null, target_kind: route.kind, target_id: pathId ?? createdId,
    detail: { method: req.method, path: `${req.baseUrl}${req.path}`, status, replayed },
  };
}

/** A retry answered from the idempotency store changed nothing; it is still recorded, before the answer leaves. */
function auditReplay(req: Request, res: Response, audit: AuditService, route: WriteRoute, pathId: string | undefined, next: NextFunction): void {
  const send = res.send.bind(res);
  let done = false;
  res.send = (body?: unknown) => {
    if (done || res.statusCode >= 300 || res.get('Idempotency-Replayed') !== 'true') return send(body);
    done = true;
    const created = /\/(\d+)$/.exec(res.get('Location') ?? '')?.[1] ?? null;
    audit.record(entry(req, route, pathId, created, res.statusCode, true)).then(() => send(body), (e) => { done = false; next(e); });
    return res;
  };
}

export function sessionActor(audit: AuditService): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST') return next();
    const route = WRITES.find((w) => w.pattern.test(req.path));
    if (!route || !req.user) return next();
    jsonBody(req, res, (err?: unknown) => {
      if (err) return next(err);
      const actor = actorOf(req.user!);
      if (!actor) return next(forbidden('role', 'this role may only read'));
      const body = req.body as Record<string, unknown> | undefined;
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
        if (body.actor !== undefined && body.actor !== null) {
          let claimed;
          try {
            claimed = parseActor(body.actor);
          } catch (e) {
            return next(e);
          }
          if (!sameActor(actor, claimed)) {
            return next(forbidden('actor', `actor must be the logged-in user (${actor.role} ${actor.unit}) or left out`));
          }
        }
        body.actor = actor;
      }
      const pathId = route.pattern.exec(req.path)?.[1];
      // The entry of a write commits or rolls back with it: the service calls this inside its transaction.
      req.writeAudit = (tx, answer) => {
        const id = (answer as { id?: unknown; dispute?: { id?: unknown }; transfer?: { id?: unknown } } | null);
        const created = id?.id ?? null;
        return audit.record(entry(req, route, pathId, created === null ? null : String(created), route.verb === 'action' ? 200 : 201, false), tx);
      };
      auditReplay(req, res, audit, route, pathId, next);
      next();
    });
  };
}
