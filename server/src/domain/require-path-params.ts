/** Path parameters that name something: unknown names are 404, malformed ids are 400. */
import { invalidParameter, notFound, quoteInput } from './api-error.ts';
import { findCollection, findTileLayer, type CollectionDef } from './collections.ts';
import { parseStrictInteger } from './parse-number.ts';

/** @throws ApiError 404 naming `collectionId`. */
export function requireCollection(id: string): CollectionDef {
  const c = findCollection(id);
  if (!c) throw notFound('collectionId', `no collection ${quoteInput(id)}; see /api/collections`);
  return c;
}

/** @throws ApiError 404 naming `layer`. */
export function requireTileLayer(id: string): CollectionDef {
  const c = findTileLayer(id);
  if (!c) throw notFound('layer', `no tile layer ${quoteInput(id)}`);
  return c;
}

/** Feature ids are the tables' positive integer ids. @throws ApiError 400 naming `featureId`. */
export function parseFeatureId(raw: string): number {
  const v = parseStrictInteger(raw);
  if (v === null || v < 1) throw invalidParameter('featureId', `featureId ${quoteInput(raw)} is not a positive integer`);
  return v;
}
