/**
 * The dispute workflow over HTTP: report (POST /disputes), act (POST /disputes/{id}/actions), read one
 * with the actions an actor may take (GET /disputes/{id}?role=&unit=; its parties with ?include=parties), its history, and the deadline
 * cards per area (GET /cards). Until login exists the actor comes from the body (`actor`) or the query.
 */
import { Router } from 'express';
import { requestScope, requireAreaInScope } from '../http/request-scope.ts';
import { notFound } from '../domain/api-error.ts';
import { parseActor } from '../domain/actors.ts';
import { actorOf } from '../domain/user-roles.ts';
import { parseAreaCode } from '../domain/area-kinds.ts';
import { parseChoice } from '../domain/parse-cluster-query.ts';
import { parsePositiveId } from '../domain/parse-id.ts';
import { parseDisputeActionBody, parseReportBody } from '../domain/parse-workflow-body.ts';
import { readParams } from '../domain/read-params.ts';
import { idempotentWrite } from '../http/idempotent.ts';
import { jsonBody } from '../http/json-body.ts';
import { sendJson } from '../http/send.ts';
import { applyPersonalPolicy, PARTY_FIELDS } from '../domain/personal-data.ts';
import { auditPersonalRead, policyOfRequest } from '../http/personal-reads.ts';
import type { AuditService } from '../services/audit-service.ts';
import type { CardsService } from '../services/cards-service.ts';
import type { DisputeWorkflowService } from '../services/dispute-workflow-service.ts';
import type { IdempotencyService } from '../services/idempotency-service.ts';

const NONE = new Set<string>();
const DETAIL_PARAMS = new Set(['role', 'unit', 'include']);
const CARD_PARAMS = new Set(['level', 'code']);

export function workflowRoutes(flow: DisputeWorkflowService, cards: CardsService, keys: IdempotencyService, audit: AuditService): Router {
  const r = Router();
  r.post('/disputes', jsonBody, idempotentWrite(keys, {
    status: 201,
    location: (req, d) => `${req.baseUrl}/disputes/${d.id}`,
    run: async (req, receipt) => {
      readParams(req.query, NONE);
      return flow.report(requestScope(req), parseReportBody(req.body), receipt);
    },
  }));
  r.post('/disputes/:id/actions', jsonBody, idempotentWrite(keys, {
    status: 200,
    run: async (req, receipt) => {
      const id = parsePositiveId(String(req.params.id), 'id');
      readParams(req.query, NONE);
      return flow.act(requestScope(req), id, parseDisputeActionBody(req.body), receipt);
    },
  }));
  r.get('/disputes/:id/history', async (req, res) => {
    const id = parsePositiveId(String(req.params.id), 'id');
    readParams(req.query, NONE);
    const events = await flow.history(requestScope(req), id);
    if (!events) throw notFound('id', `no dispute has the id ${id}`);
    sendJson(res, { id, events });
  });
  r.get('/disputes/:id', async (req, res) => {
    const id = parsePositiveId(String(req.params.id), 'id');
    const params = readParams(req.query, DETAIL_PARAMS);
    const include = parseChoice('include', params.get('include'), ['parties'] as const);
    // Without role/unit, the actions are those of the logged-in user (none for analysts and displays).
    const actor = params.has('role') || params.has('unit') ? parseActor({ role: params.get('role'), unit: params.get('unit') }, '') : req.user ? actorOf(req.user) : null;
    const d = await flow.get(requestScope(req), id, actor);
    if (!d) throw notFound('id', `no dispute has the id ${id}`);
    if (include !== 'parties') return void sendJson(res, d);
    // The parties only when asked for (?include=parties), under the caller's personal-data policy;
    // an unmasked read is audited before it leaves.
    const policy = policyOfRequest(req);
    const stored = policy === 'none' ? [] : ((await flow.parties(requestScope(req), id)) ?? []);
    const parties = stored.map((p) => applyPersonalPolicy(policy, p, PARTY_FIELDS));
    if (parties.some((p) => p.personal)) await auditPersonalRead(audit, req, 'dispute', [id], Object.keys(PARTY_FIELDS));
    sendJson(res, { ...d, parties: policy === 'none' ? null : parties.map((p) => p.value) });
  });
  r.get('/cards', async (req, res) => {
    const params = readParams(req.query, CARD_PARAMS);
    const level = parseChoice('level', params.get('level'), ['town', 'village', 'grid'] as const) ?? 'town';
    const code = params.get('code');
    const within = code === undefined ? null : parseAreaCode(code, 'code');
    if (within) requireAreaInScope(req, 'code', within.code);
    sendJson(res, await cards.counts(requestScope(req), level, within));
  });
  return r;
}
