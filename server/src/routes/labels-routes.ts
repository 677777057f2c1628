/** GET /api/labels: the basemap's label points (towns, villages, grids) as GeoJSON. */
import { Router } from 'express';
import { readParams } from '../domain/read-params.ts';
import type { createLabelsService } from '../services/labels-service.ts';

export function labelsRoutes(labels: ReturnType<typeof createLabelsService>): Router {
  const r = Router();
  r.get('/labels', async (req, res) => {
    readParams(req.query, new Set());
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('application/geo+json').send(await labels.labelsText());
  });
  return r;
}
