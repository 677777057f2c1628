/** GET /api/labels: the basemap's label points (towns, villages, grids) as GeoJSON. */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { readParams } from '../domain/read-params.ts';
import type { createLabelsService } from '../services/labels-service.ts';

export function labelsRoutes(labels: ReturnType<typeof createLabelsService>): Router {
  const r = Router();
  r.get('/labels', async (req, res) => {
    readParams(req.query, new Set());
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('application/geo+json').send(JSON.stringify(await labels.labels(requestScope(req))));
  });
  return r;
}
