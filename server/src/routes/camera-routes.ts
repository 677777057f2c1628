/** Camera points clustered for the map: /api/cameras/clusters?bbox=&zoom=&program= */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { parseBbox } from '../domain/parse-bbox.ts';
import { CAMERA_PROGRAMS, parseChoice, parseZoom } from '../domain/parse-cluster-query.ts';
import { readParams } from '../domain/read-params.ts';
import { GEOJSON_TYPE, sendJson } from '../http/send.ts';
import type { ClusterService } from '../services/cluster-service.ts';
import { WORLD } from './dispute-routes.ts';

const PARAMS = new Set(['bbox', 'zoom', 'program']);

export function cameraRoutes(clusters: ClusterService): Router {
  const r = Router();
  r.get('/cameras/clusters', async (req, res) => {
    const params = readParams(req.query, PARAMS);
    const bboxRaw = params.get('bbox');
    const bbox = bboxRaw === undefined ? WORLD : parseBbox(bboxRaw);
    const zoom = parseZoom(params.get('zoom'));
    const program = parseChoice('program', params.get('program'), CAMERA_PROGRAMS);
    sendJson(res, await clusters.cameraClusters(requestScope(req), program, bbox, zoom), GEOJSON_TYPE);
  });
  return r;
}
