/**
 * Disputes on the map: clusters (/api/disputes/clusters), points for hotspot modes
 * (/api/disputes/points) and one dispute's context (/api/disputes/{id}/context).
 */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { notFound } from '../domain/api-error.ts';
import { parseBbox, type Bbox } from '../domain/parse-bbox.ts';
import { parseDisputeType, parseStatusFilter, parseZoom } from '../domain/parse-cluster-query.ts';
import { parsePositiveId } from '../domain/parse-id.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import { readParams } from '../domain/read-params.ts';
import { periodJson } from '../http/period-json.ts';
import { GEOJSON_TYPE, sendJson } from '../http/send.ts';
import type { ClusterService } from '../services/cluster-service.ts';
import type { DisputeContextService } from '../services/dispute-context-service.ts';

const CLUSTER_PARAMS = new Set(['bbox', 'zoom', 'from', 'to', 'type', 'status']);
const POINT_PARAMS = new Set(['from', 'to', 'type']);
const NONE = new Set<string>();
export const WORLD: Bbox = [-180, -85.0511, 180, 85.0511];

export function disputeRoutes(clusters: ClusterService, contexts: DisputeContextService, now: () => Date): Router {
  const r = Router();
  r.get('/disputes/clusters', async (req, res) => {
    const params = readParams(req.query, CLUSTER_PARAMS);
    const bboxRaw = params.get('bbox');
    const bbox = bboxRaw === undefined ? WORLD : parseBbox(bboxRaw);
    const zoom = parseZoom(params.get('zoom'));
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const filter = { period, type: parseDisputeType(params.get('type')), status: parseStatusFilter(params.get('status')) };
    const fc = await clusters.disputeClusters(requestScope(req), filter, bbox, zoom);
    sendJson(res, { ...fc, period: periodJson(period) }, GEOJSON_TYPE);
  });
  r.get('/disputes/points', async (req, res) => {
    const params = readParams(req.query, POINT_PARAMS);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const points = await clusters.disputePoints(requestScope(req), period, parseDisputeType(params.get('type')));
    sendJson(res, { period: periodJson(period), ...points });
  });
  r.get('/disputes/:id/context', async (req, res) => {
    const id = parsePositiveId(req.params.id, 'id');
    readParams(req.query, NONE);
    const ctx = await contexts.context(requestScope(req), id);
    if (!ctx) throw notFound('id', `no dispute has the id ${id}`);
    sendJson(res, ctx);
  });
  return r;
}
