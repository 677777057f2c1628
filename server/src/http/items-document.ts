/**
 * Items responses (GeoJSON FeatureCollection / Feature) with OGC paging links. Features arrive as
 * GeoJSON text from the database and are spliced in without being parsed again.
 */
import type { CollectionDef } from '../domain/collections.ts';
import type { ItemsQuery } from '../domain/parse-items-query.ts';
import type { Link } from './ogc-documents.ts';
import { GEOJSON_TYPE, JSON_TYPE } from './send.ts';

/**
 * self, collection, and prev/next links. `next` only when more features match beyond this page;
 * `prev` only when the page does not start at 0. Other parameters are kept as the client sent them.
 */
export function itemsLinks(base: string, c: CollectionDef, raw: Record<string, string>, q: ItemsQuery, numberMatched: number): Link[] {
  const url = (offset: number) => {
    const p = new URLSearchParams(raw);
    p.set('offset', String(offset));
    p.set('limit', String(q.limit));
    return `${base}/collections/${c.id}/items?${p.toString()}`;
  };
  const self = new URLSearchParams(raw).toString();
  const links: Link[] = [
    { href: `${base}/collections/${c.id}/items${self ? `?${self}` : ''}`, rel: 'self', type: GEOJSON_TYPE, title: 'This page' },
    { href: `${base}/collections/${c.id}`, rel: 'collection', type: JSON_TYPE, title: 'The collection' },
  ];
  if (q.offset + q.limit < numberMatched) links.push({ href: url(q.offset + q.limit), rel: 'next', type: GEOJSON_TYPE, title: 'Next page' });
  if (q.offset > 0) links.push({ href: url(Math.max(0, q.offset - q.limit)), rel: 'prev', type: GEOJSON_TYPE, title: 'Previous page' });
  return links;
}

/** The FeatureCollection text of one page. */
export function featureCollectionText(features: string[], numberMatched: number, links: Link[], now = new Date()): string {
  const head = JSON.stringify({
    type: 'FeatureCollection',
    timeStamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    numberMatched,
    numberReturned: features.length,
    links,
  });
  return `${head.slice(0, -1)},"features":[${features.join(',')}]}`;
}

/** One Feature's text with its self and collection links added. */
export function featureText(base: string, c: CollectionDef, id: number, feature: string): string {
  const links: Link[] = [
    { href: `${base}/collections/${c.id}/items/${id}`, rel: 'self', type: GEOJSON_TYPE, title: 'This feature' },
    { href: `${base}/collections/${c.id}`, rel: 'collection', type: JSON_TYPE, title: 'The collection' },
  ];
  return `${feature.trimEnd().slice(0, -1)},"links":${JSON.stringify(links)}}`;
}
