/**
 * The actor of a workflow write is the logged-in user (domain/user-roles.ts actorOf), never what the
 * body says: before the route's parser runs, this middleware puts the session's actor into the body
 * (`actor` may be left out; one that differs is a 403 naming `actor`). Once the write succeeds, it
 * appends an audit entry before the answer leaves, so a client that saw the answer finds the entry.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { forbidden } from '../domain/api-error.ts';
import { parseActor } from '../domain/actors.ts';
import { actorOf, sameActor } from '../domain/user-roles.ts';
import type { AuditService } from '../services/audit-service.ts';
import { jsonBody } from './json-body.ts';

interface WriteRoute { pattern: RegExp; kind: 'dispute' | 'transfer'; verb: string }

/** The workflow's writes: a report, an action on a dispute, a letter, an action on a letter. */
const WRITES: WriteRoute[] = [
  { pattern: /^\/disputes\/?$/, kind: 'dispute', verb: 'report' },
  { pattern: /^\/disputes\/(\d+)\/actions\/?$/, kind: 'dispute', verb: 'action' },
  { pattern: /^\/transfers\/?$/, kind: 'transfer', verb: 'send' },
  { pattern: /^\/transfers\/(\d+)\/actions\/?$/, kind: 'transfer', verb: 'action' },
];

function auditAfter(req: Request, res: Response, audit: AuditService, route: WriteRoute, pathId: string | undefined, next: NextFunction): void {
  const send = res.send.bind(res);
  let done = false;
  res.send = (body?: unknown) => {
    if (done || res.statusCode >= 300) return send(body);
    done = true;
    const action = route.verb === 'action' && typeof req.body?.action === 'string' ? req.body.action : route.verb;
    const created = /\/(\d+)$/.exec(res.get('Location') ?? '')?.[1];
    audit.record({
      action: `${route.kind}_${action}`, user: req.user, ip: req.ip ?? null, target_kind: route.kind, target_id: pathId ?? created ?? null,
      detail: { method: req.method, path: `${req.baseUrl}${req.path}`, status: res.statusCode, replayed: res.get('Idempotency-Replayed') === 'true' },
    }).then(() => send(body), (e) => { done = false; next(e); });
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
      auditAfter(req, res, audit, route, route.pattern.exec(req.path)?.[1], next);
      next();
    });
  };
}
