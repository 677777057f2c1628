/** Spatial and temporal extent of a collection, for collection metadata and TileJSON bounds. */
import type { AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import { columnSql, isoTimeSql } from './property-sql.ts';
import { collectionScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/** Columns minx, miny, maxx, maxy (null when empty) and tmin, tmax (RFC 3339 text, null when timeless). */
export function extentSql(scope: AccessScope, c: CollectionDef): SqlQuery {
  const params = new Params();
  const time = c.temporal ? columnSql('t', c.temporal) : null;
  const tmin = time ? isoTimeSql(`min(${time})`) : 'NULL::text';
  const tmax = time ? isoTimeSql(`max(${time})`) : 'NULL::text';
  const text = `SELECT ST_XMin(e) AS minx, ST_YMin(e) AS miny, ST_XMax(e) AS maxx, ST_YMax(e) AS maxy, tmin, tmax
    FROM (SELECT ST_Extent(t.geom) AS e, ${tmin} AS tmin, ${tmax} AS tmax
          FROM ${c.table} t WHERE ${collectionScopeSql(scope, c, 't', params)}) s`;
  return { text, values: params.values };
}
