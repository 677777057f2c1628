/** Find a place: /api/search?q= */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { parseSearchQuery } from '../domain/parse-search-query.ts';
import { readParams } from '../domain/read-params.ts';
import { sendJson } from '../http/send.ts';
import type { SearchService } from '../services/search-service.ts';

const PARAMS = new Set(['q']);

export function searchRoutes(search: SearchService): Router {
  const r = Router();
  r.get('/search', async (req, res) => {
    const q = parseSearchQuery(readParams(req.query, PARAMS).get('q'));
    sendJson(res, { q, results: await search.search(requestScope(req), q) });
  });
  return r;
}
