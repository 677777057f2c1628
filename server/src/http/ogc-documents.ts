/** OGC API – Features Part 1 metadata documents: landing page, conformance, collections. */
import type { CollectionDef } from '../domain/collections.ts';
import type { Extent } from '../services/features-service.ts';
import { GEOJSON_TYPE, JSON_TYPE, OPENAPI_TYPE, SCHEMA_TYPE } from './send.ts';

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';
export const REL_QUERYABLES = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
];

export function landingDocument(base: string) {
  return {
    title: '平安一张图 Pingan Map API',
    description: 'Grid-based social governance data of 崆峒区 (Kongtong District) as OGC API – Features and vector tiles. Generated (synthetic) data.',
    links: [
      { href: base, rel: 'self', type: JSON_TYPE, title: 'This document' },
      { href: `${base}/openapi.json`, rel: 'service-desc', type: OPENAPI_TYPE, title: 'OpenAPI 3.0 definition' },
      { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
      { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Feature collections' },
    ] satisfies Link[],
  };
}

export function conformanceDocument() {
  return { conformsTo: CONFORMANCE };
}

/** Title shown by GIS clients: Chinese first, English after, so either reader finds the layer. */
export function collectionTitle(c: CollectionDef): string {
  return `${c.title.zh} ${c.title.en}`;
}

export function collectionDocument(base: string, c: CollectionDef, extent: Extent) {
  const self = `${base}/collections/${c.id}`;
  return {
    id: c.id,
    title: collectionTitle(c),
    description: c.description,
    itemType: 'feature',
    crs: [CRS84],
    storageCrs: CRS84,
    extent: {
      spatial: { bbox: extent.bbox ? [extent.bbox] : [], crs: CRS84 },
      ...(c.temporal ? { temporal: { interval: [extent.interval ?? [null, null]], trs: GREGORIAN } } : {}),
    },
    links: [
      { href: self, rel: 'self', type: JSON_TYPE, title: 'This collection' },
      { href: `${self}/items`, rel: 'items', type: GEOJSON_TYPE, title: 'Features' },
      { href: `${self}/queryables`, rel: REL_QUERYABLES, type: SCHEMA_TYPE, title: 'Queryables' },
      { href: `${base}/tiles/${c.id}.json`, rel: 'describedby', type: JSON_TYPE, title: 'Vector tiles (TileJSON)' },
    ] satisfies Link[],
  };
}

export function collectionsDocument(base: string, items: { c: CollectionDef; extent: Extent }[]) {
  return {
    links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE, title: 'Feature collections' }] satisfies Link[],
    collections: items.map(({ c, extent }) => collectionDocument(base, c, extent)),
  };
}
