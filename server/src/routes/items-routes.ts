/**
 * OGC API – Features items: a page of a collection, and one feature. Staff names and phones in them
 * follow the caller's personal-data policy; unmasked ones are audited (http/personal-reads.ts).
 */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { notFound } from '../domain/api-error.ts';
import { parseItemsQuery } from '../domain/parse-items-query.ts';
import { checkFormat, readParams } from '../domain/read-params.ts';
import { parseFeatureId, requireCollection } from '../domain/require-path-params.ts';
import { apiBase } from '../http/base-url.ts';
import { featureCollectionText, featureText, itemsLinks } from '../http/items-document.ts';
import { GEOJSON_TYPE, sendJsonText } from '../http/send.ts';
import { personalFieldsOf } from '../domain/collections.ts';
import { auditPersonalRead, featureTextsUnderPolicy, policyOfRequest } from '../http/personal-reads.ts';
import type { AuditService } from '../services/audit-service.ts';
import type { FeaturesService } from '../services/features-service.ts';

export function itemsRoutes(features: FeaturesService, audit: AuditService): Router {
  const r = Router();
  const release = async (req: Parameters<typeof policyOfRequest>[0], c: Parameters<typeof personalFieldsOf>[0], texts: string[]) => {
    const fields = personalFieldsOf(c);
    const out = featureTextsUnderPolicy(policyOfRequest(req), fields, texts);
    await auditPersonalRead(audit, req, c.id, out.unmasked, Object.keys(fields));
    return out.texts;
  };
  r.get('/collections/:collectionId/items', async (req, res) => {
    const c = requireCollection(req.params.collectionId);
    const q = parseItemsQuery(c, req.query);
    const page = await features.listItems(requestScope(req), c, q);
    // parseItemsQuery has checked that every value is a single string.
    const raw = req.query as Record<string, string>;
    const links = itemsLinks(apiBase(req), c, raw, q, page.numberMatched);
    sendJsonText(res, featureCollectionText(await release(req, c, page.features), page.numberMatched, links), GEOJSON_TYPE);
  });
  r.get('/collections/:collectionId/items/:featureId', async (req, res) => {
    const c = requireCollection(req.params.collectionId);
    const id = parseFeatureId(req.params.featureId);
    checkFormat(readParams(req.query, new Set(['f'])).get('f'));
    const feature = await features.getItem(requestScope(req), c, id);
    if (!feature) throw notFound('featureId', `collection ${c.id} has no feature ${id}`);
    sendJsonText(res, featureText(apiBase(req), c, id, (await release(req, c, [feature]))[0]), GEOJSON_TYPE);
  });
  return r;
}
