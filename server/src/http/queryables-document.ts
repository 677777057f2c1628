/** Queryables of a collection as a JSON Schema (OGC API – Features Part 3). */
import { queryablesOf, type CollectionDef } from '../domain/collections.ts';
import type { PropertyDef } from '../domain/property-defs.ts';
import { collectionTitle } from './ogc-documents.ts';

const GEOMETRY_FORMAT: Record<CollectionDef['geometryType'], string> = {
  MultiPolygon: 'geometry-multipolygon',
  LineString: 'geometry-linestring',
  Point: 'geometry-point',
};

/** JSON Schema of one property (type, enum, pattern, date-time format). */
export function propertySchema(p: PropertyDef): Record<string, unknown> {
  const base: Record<string, unknown> =
    p.type === 'date-time' ? { type: 'string', format: 'date-time' } : { type: p.type };
  if (p.nullable) base.type = [base.type, 'null'];
  return { title: p.title, ...base, ...(p.enum ? { enum: p.enum } : {}), ...(p.pattern ? { pattern: p.pattern } : {}) };
}

/**
 * Lists the properties usable as `?name=value`, plus the geometry (filtered with `bbox`) and the
 * time property (filtered with `datetime`), marked with their OGC roles.
 */
export function queryablesDocument(base: string, c: CollectionDef) {
  const properties: Record<string, unknown> = {
    geometry: { title: 'Geometry (filter with bbox)', format: GEOMETRY_FORMAT[c.geometryType], 'x-ogc-role': 'primary-geometry' },
  };
  for (const p of queryablesOf(c)) properties[p.name] = propertySchema(p);
  const time = c.properties.find((p) => p.name === c.temporal);
  if (time) properties[time.name] = { ...propertySchema(time), title: `${time.title} (filter with datetime)`, 'x-ogc-role': 'primary-instant' };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${base}/collections/${c.id}/queryables`,
    type: 'object',
    title: collectionTitle(c),
    properties,
    additionalProperties: false,
  };
}
