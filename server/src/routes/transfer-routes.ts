/**
 * Two-way transfer letters over HTTP: send (POST /transfers), act (POST /transfers/{id}/actions), one
 * with its history (GET /transfers/{id}), a unit's inbox or outbox (GET /transfers?unit=&box=&status=)
 * and the open letters as flow lines (GET /transfers/flows). Every read and write sees only the letters
 * whose dispute is in the caller's scope (others are 404, as if absent).
 */
import { Router } from 'express';
import { notFound } from '../domain/api-error.ts';
import { parseChoice } from '../domain/parse-cluster-query.ts';
import { parsePositiveId } from '../domain/parse-id.ts';
import { parseLimit, parseOffset } from '../domain/parse-paging.ts';
import { parseTransferActionBody, parseTransferBody } from '../domain/parse-workflow-body.ts';
import { readParams } from '../domain/read-params.ts';
import { invalidParameter } from '../domain/api-error.ts';
import { TRANSFER_STATUSES } from '../domain/transfer-types.ts';
import { idempotentWrite } from '../http/idempotent.ts';
import { jsonBody } from '../http/json-body.ts';
import { requestScope } from '../http/request-scope.ts';
import { GEOJSON_TYPE, sendJson } from '../http/send.ts';
import type { IdempotencyService } from '../services/idempotency-service.ts';
import type { TransferService } from '../services/transfer-service.ts';

const NONE = new Set<string>();
const LIST_PARAMS = new Set(['unit', 'box', 'status', 'dispute_id', 'limit', 'offset']);
const STATUS_FILTERS = [...TRANSFER_STATUSES, 'open', 'overdue'] as const;

export function transferRoutes(transfers: TransferService, keys: IdempotencyService): Router {
  const r = Router();
  r.post('/transfers', jsonBody, idempotentWrite(keys, {
    status: 201,
    location: (req, t) => `${req.baseUrl}/transfers/${t.id}`,
    run: async (req, receipt) => {
      readParams(req.query, NONE);
      return transfers.send(parseTransferBody(req.body), requestScope(req), receipt);
    },
  }));
  r.get('/transfers', async (req, res) => {
    const params = readParams(req.query, LIST_PARAMS);
    const unit = params.get('unit') ?? null;
    if (unit !== null && !/^(620802\d{3}|[a-z]{2,20})$/.test(unit)) throw invalidParameter('unit', 'unit must be a town code (9 digits) or a department code');
    const box = parseChoice('box', params.get('box'), ['inbox', 'outbox', 'all'] as const) ?? (unit ? 'inbox' : 'all');
    const id = params.get('dispute_id');
    const filter = {
      unit, box, status: parseChoice('status', params.get('status'), STATUS_FILTERS), dispute_id: id === undefined ? null : parsePositiveId(id, 'dispute_id'),
      limit: parseLimit(params.get('limit')), offset: parseOffset(params.get('offset')),
    };
    const page = await transfers.list(requestScope(req), filter);
    sendJson(res, { unit, box, status: filter.status, limit: filter.limit, offset: filter.offset, ...page });
  });
  r.get('/transfers/flows', async (req, res) => {
    readParams(req.query, NONE);
    sendJson(res, await transfers.flows(requestScope(req)), GEOJSON_TYPE);
  });
  r.get('/transfers/:id', async (req, res) => {
    const id = parsePositiveId(String(req.params.id), 'id');
    readParams(req.query, NONE);
    const t = await transfers.get(requestScope(req), id);
    if (!t) throw notFound('id', `no transfer has the id ${id}`);
    sendJson(res, t);
  });
  r.post('/transfers/:id/actions', jsonBody, idempotentWrite(keys, {
    status: 200,
    run: async (req, receipt) => {
      const id = parsePositiveId(String(req.params.id), 'id');
      readParams(req.query, NONE);
      return transfers.act(requestScope(req), id, parseTransferActionBody(req.body), receipt);
    },
  }));
  return r;
}
