/**
 * The five working systems' write side in one router: the dispute workflow, deadline cards,
 * transfer letters and the live event stream. After every committed write it invalidates each
 * cache in app.locals (anything with invalidate(), given the collection that changed) and only then
 * publishes the event, so a client that refetches on the event sees the new counts.
 */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { DEFAULT_TIME_LIMITS, type TimeLimits } from '../domain/time-limits.ts';
import { createCardsService } from '../services/cards-service.ts';
import { createDisputeWorkflowService } from '../services/dispute-workflow-service.ts';
import { createIdempotencyService } from '../services/idempotency-service.ts';
import { createLiveEvents, type DisputeLive, type LiveEvents, type TransferLive } from '../services/live-events.ts';
import { createTransferService } from '../services/transfer-service.ts';
import { liveRoutes } from './live-routes.ts';
import type { AuditService } from '../services/audit-service.ts';
import { transferRoutes } from './transfer-routes.ts';
import { workflowRoutes } from './workflow-routes.ts';

export interface WorkflowApiDeps {
  db: Database;
  now: () => Date;
  limits?: TimeLimits;
  /** app.locals: its caches are invalidated after writes; the event bus is put there as `live`. */
  locals: Record<string, unknown>;
  /** Where reads of unmasked personal data are recorded. */
  audit: AuditService;
}

type Cache = { invalidate(collection?: string): void };
const isCache = (v: unknown): v is Cache => typeof (v as Cache | null)?.invalidate === 'function';

export function workflowApi(deps: WorkflowApiDeps): Router {
  const { db, now, locals } = deps;
  const limits = deps.limits ?? DEFAULT_TIME_LIMITS;
  const bus: LiveEvents = createLiveEvents(now);
  locals.live = bus;
  const invalidate = (collection: string) => {
    for (const v of Object.values(locals)) if (isCache(v)) v.invalidate(collection);
  };
  const flow = createDisputeWorkflowService({ db, now, limits, changed: (d: DisputeLive) => (invalidate('disputes'), bus.publish('dispute', d)) });
  const transfers = createTransferService({ db, now, limits, changed: (t: TransferLive) => (invalidate('transfers'), bus.publish('transfer', t)) });
  const r = Router();
  const keys = createIdempotencyService(db);
  r.use(workflowRoutes(flow, createCardsService(db, now, limits), keys, deps.audit));
  r.use(transferRoutes(transfers, keys));
  r.use(liveRoutes(bus));
  return r;
}
