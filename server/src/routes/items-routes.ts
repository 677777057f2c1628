/** OGC API – Features items: a page of a collection, and one feature. */
import { Router } from 'express';
import { ALL_SCOPE } from '../domain/access-scope.ts';
import { notFound } from '../domain/api-error.ts';
import { parseItemsQuery } from '../domain/parse-items-query.ts';
import { checkFormat, readParams } from '../domain/read-params.ts';
import { parseFeatureId, requireCollection } from '../domain/require-path-params.ts';
import { apiBase } from '../http/base-url.ts';
import { featureCollectionText, featureText, itemsLinks } from '../http/items-document.ts';
import { GEOJSON_TYPE, sendJsonText } from '../http/send.ts';
import type { FeaturesService } from '../services/features-service.ts';

export function itemsRoutes(features: FeaturesService): Router {
  const r = Router();
  r.get('/collections/:collectionId/items', async (req, res) => {
    const c = requireCollection(req.params.collectionId);
    const q = parseItemsQuery(c, req.query);
    const page = await features.listItems(ALL_SCOPE, c, q);
    // parseItemsQuery has checked that every value is a single string.
    const raw = req.query as Record<string, string>;
    const links = itemsLinks(apiBase(req), c, raw, q, page.numberMatched);
    sendJsonText(res, featureCollectionText(page.features, page.numberMatched, links), GEOJSON_TYPE);
  });
  r.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const c = requireCollection(req.params.collectionId);
    const id = parseFeatureId(req.params.featureId);
    checkFormat(readParams(req.query, new Set(['f'])).get('f'));
    const feature = await features.getItem(ALL_SCOPE, c, id);
    if (!feature) throw notFound('featureId', `collection ${c.id} has no feature ${id}`);
    sendJsonText(res, featureText(apiBase(req), c, id, feature), GEOJSON_TYPE);
  });
  return r;
}
