/**
 * The dispute workflow over HTTP: report (POST /disputes), act (POST /disputes/{id}/actions), read one
 * with the actions an actor may take (GET /disputes/{id}?role=&unit=), its history, and the deadline
 * cards per area (GET /cards). Until login exists the actor comes from the body (`actor`) or the query.
 */
import { Router } from 'express';
import { ALL_SCOPE } from '../domain/access-scope.ts';
import { notFound } from '../domain/api-error.ts';
import { parseActor } from '../domain/actors.ts';
import { parseAreaCode } from '../domain/area-kinds.ts';
import { parseChoice } from '../domain/parse-cluster-query.ts';
import { parsePositiveId } from '../domain/parse-id.ts';
import { parseDisputeActionBody, parseReportBody } from '../domain/parse-workflow-body.ts';
import { readParams } from '../domain/read-params.ts';
import { jsonBody } from '../http/json-body.ts';
import { sendJson } from '../http/send.ts';
import type { CardsService } from '../services/cards-service.ts';
import type { DisputeWorkflowService } from '../services/dispute-workflow-service.ts';

const NONE = new Set<string>();
const ACTOR_PARAMS = new Set(['role', 'unit']);
const CARD_PARAMS = new Set(['level', 'code']);

export function workflowRoutes(flow: DisputeWorkflowService, cards: CardsService): Router {
  const r = Router();
  r.post('/disputes', jsonBody, async (req, res) => {
    readParams(req.query, NONE);
    const d = await flow.report(ALL_SCOPE, parseReportBody(req.body));
    res.location(`${req.baseUrl}/disputes/${d.id}`);
    sendJson(res, d, undefined, 201);
  });
  r.post('/disputes/:id/actions', jsonBody, async (req, res) => {
    const id = parsePositiveId(String(req.params.id), 'id');
    readParams(req.query, NONE);
    sendJson(res, await flow.act(ALL_SCOPE, id, parseDisputeActionBody(req.body)));
  });
  r.get('/disputes/:id/history', async (req, res) => {
    const id = parsePositiveId(String(req.params.id), 'id');
    readParams(req.query, NONE);
    const events = await flow.history(ALL_SCOPE, id);
    if (!events) throw notFound('id', `no dispute has the id ${id}`);
    sendJson(res, { id, events });
  });
  r.get('/disputes/:id', async (req, res) => {
    const id = parsePositiveId(String(req.params.id), 'id');
    const params = readParams(req.query, ACTOR_PARAMS);
    const actor = params.size ? parseActor({ role: params.get('role'), unit: params.get('unit') }, '') : null;
    const d = await flow.get(ALL_SCOPE, id, actor);
    if (!d) throw notFound('id', `no dispute has the id ${id}`);
    sendJson(res, d);
  });
  r.get('/cards', async (req, res) => {
    const params = readParams(req.query, CARD_PARAMS);
    const level = parseChoice('level', params.get('level'), ['town', 'village', 'grid'] as const) ?? 'town';
    const code = params.get('code');
    sendJson(res, await cards.counts(ALL_SCOPE, level, code === undefined ? null : parseAreaCode(code, 'code')));
  });
  return r;
}
