/**
 * Named SQL for OGC API Features items: a page of features, the count that matches, one feature.
 * The database builds each feature's GeoJSON text, so the server only splices strings together.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import type { ItemsQuery } from '../domain/parse-items-query.ts';
import { columnSql, propertiesJsonSql } from './property-sql.ts';
import { collectionScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/** Seven decimals of a degree is ~1 cm: all the precision the data has. */
const GEOJSON_DIGITS = 7;

type Filters = Pick<ItemsQuery, 'bbox' | 'datetime' | 'filters'>;

/** WHERE clause for a collection query; the bbox test pairs `&&` (GiST index) with ST_Intersects (exact). */
export function itemsWhereSql(scope: AccessScope, c: CollectionDef, q: Filters, params: Params): string {
  const parts = [collectionScopeSql(scope, c, 't', params)];
  if (q.bbox) {
    const env = `ST_MakeEnvelope(${q.bbox.map((v) => params.add(v, 'float8')).join(', ')}, 4326)`;
    parts.push(`t.geom && ${env}`, `ST_Intersects(t.geom, ${env})`);
  }
  if (q.datetime && c.temporal) {
    const col = columnSql('t', c.temporal);
    if (q.datetime.start) parts.push(`${col} >= ${params.add(q.datetime.start.toISOString(), 'timestamptz')}`);
    if (q.datetime.end) parts.push(`${col} <= ${params.add(q.datetime.end.toISOString(), 'timestamptz')}`);
  }
  for (const f of q.filters) {
    const cast = f.property.type === 'boolean' ? 'boolean' : f.property.type === 'integer' ? 'bigint' : 'text';
    parts.push(`${columnSql('t', f.property.name)} = ${params.add(f.value, cast)}`);
  }
  return parts.join(' AND ');
}

/** One feature as GeoJSON text, from a row aliased `t`. */
export function featureJsonSql(c: CollectionDef): string {
  return `json_build_object('type', 'Feature', 'id', t.id, 'geometry', ST_AsGeoJSON(t.geom, ${GEOJSON_DIGITS})::json, 'properties', ${propertiesJsonSql('t', c.properties)})::text`;
}

/** A page of features ordered by id (stable paging); column `feature` holds GeoJSON text. */
export function itemsPageSql(scope: AccessScope, c: CollectionDef, q: ItemsQuery): SqlQuery {
  const params = new Params();
  const where = itemsWhereSql(scope, c, q, params);
  const text = `SELECT ${featureJsonSql(c)} AS feature FROM ${c.table} t WHERE ${where}
    ORDER BY t.id LIMIT ${params.add(q.limit, 'int')} OFFSET ${params.add(q.offset, 'bigint')}`;
  return { text, values: params.values };
}

/** How many features match the filters (OGC numberMatched); column `n`. */
export function itemsCountSql(scope: AccessScope, c: CollectionDef, q: Filters): SqlQuery {
  const params = new Params();
  const where = itemsWhereSql(scope, c, q, params);
  return { text: `SELECT count(*)::int AS n FROM ${c.table} t WHERE ${where}`, values: params.values };
}

/** One feature by its integer id; column `feature` holds GeoJSON text. */
export function itemByIdSql(scope: AccessScope, c: CollectionDef, id: number): SqlQuery {
  const params = new Params();
  const where = `${collectionScopeSql(scope, c, 't', params)} AND t.id = ${params.add(id, 'bigint')}`;
  return { text: `SELECT ${featureJsonSql(c)} AS feature FROM ${c.table} t WHERE ${where}`, values: params.values };
}
