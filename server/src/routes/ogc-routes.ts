/** OGC API – Features metadata: landing page, conformance, OpenAPI, collections, queryables. */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { COLLECTIONS } from '../domain/collections.ts';
import { checkFormat, readParams } from '../domain/read-params.ts';
import { requireCollection } from '../domain/require-path-params.ts';
import { apiBase } from '../http/base-url.ts';
import { collectionDocument, collectionsDocument, conformanceDocument, landingDocument } from '../http/ogc-documents.ts';
import { openApiDocument } from '../http/openapi-document.ts';
import { queryablesDocument } from '../http/queryables-document.ts';
import { OPENAPI_TYPE, SCHEMA_TYPE, sendJson } from '../http/send.ts';
import type { FeaturesService } from '../services/features-service.ts';

const ONLY_F = new Set(['f']);

/** Metadata endpoints accept nothing but `f`. */
function checkMetadataQuery(query: Record<string, unknown>): void {
  checkFormat(readParams(query, ONLY_F).get('f'));
}

export function ogcRoutes(features: FeaturesService): Router {
  const r = Router();
  r.get('/', (req, res) => {
    checkMetadataQuery(req.query);
    sendJson(res, landingDocument(apiBase(req)));
  });
  r.get('/conformance', (req, res) => {
    checkMetadataQuery(req.query);
    sendJson(res, conformanceDocument());
  });
  r.get('/openapi.json', (req, res) => {
    checkMetadataQuery(req.query);
    sendJson(res, openApiDocument(apiBase(req)), OPENAPI_TYPE);
  });
  r.get('/collections', async (req, res) => {
    checkMetadataQuery(req.query);
    const items = [];
    for (const c of COLLECTIONS) items.push({ c, extent: await features.extent(requestScope(req), c) });
    sendJson(res, collectionsDocument(apiBase(req), items));
  });
  r.get('/collections/:collectionId', async (req, res) => {
    const c = requireCollection(req.params.collectionId);
    checkMetadataQuery(req.query);
    sendJson(res, collectionDocument(apiBase(req), c, await features.extent(requestScope(req), c)));
  });
  r.get('/collections/:collectionId/queryables', (req, res) => {
    const c = requireCollection(req.params.collectionId);
    checkMetadataQuery(req.query);
    sendJson(res, queryablesDocument(apiBase(req), c), SCHEMA_TYPE);
  });
  return r;
}
