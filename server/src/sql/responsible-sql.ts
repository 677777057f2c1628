/**
 * "Who is responsible here": the grid, village and town covering a point, and the nearest
 * facility of a kind. Points are [lng, lat] in EPSG:4326.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import { propertiesJsonSql } from './property-sql.ts';
import { collectionScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';
import { nearestPointsSql } from './nearest-sql.ts';

function pointCte(params: Params, [lng, lat]: readonly [number, number]): string {
  return `p AS (SELECT ST_SetSRID(ST_MakePoint(${params.add(lng, 'float8')}, ${params.add(lat, 'float8')}), 4326) AS pt)`;
}

/**
 * One row: `inside` (the district covers the point) and, as JSON objects with `id` and the
 * collection's properties, the `town`, `village` and `grid` that cover it (null when none).
 * ST_Covers (not ST_Contains) so a point on a boundary still finds a unit; ties go to the lowest id.
 * @param units the district, towns, villages and grids collections
 */
export function placeAtPointSql(
  scope: AccessScope,
  units: { district: CollectionDef; town: CollectionDef; village: CollectionDef; grid: CollectionDef },
  point: readonly [number, number],
): SqlQuery {
  const params = new Params();
  const cover = (c: CollectionDef) =>
    `(SELECT json_build_object('id', t.id, 'properties', ${propertiesJsonSql('t', c.properties)})
       FROM ${c.table} t, p WHERE ST_Covers(t.geom, p.pt) AND ${collectionScopeSql(scope, c, 't', params)} ORDER BY t.id LIMIT 1)`;
  const text = `WITH ${pointCte(params, point)}
    SELECT EXISTS (SELECT 1 FROM ${units.district.table} t, p WHERE ST_Covers(t.geom, p.pt) AND ${collectionScopeSql(scope, units.district, 't', params)}) AS inside,
      ${cover(units.town)} AS town, ${cover(units.village)} AS village, ${cover(units.grid)} AS grid`;
  return { text, values: params.values };
}

/**
 * The facility of collection c nearest to point on the ellipsoid: columns id, properties (JSON),
 * lon, lat and distance_m (metres, geography). No row when the collection is empty.
 */
export function nearestFacilitySql(scope: AccessScope, c: CollectionDef, point: readonly [number, number]): SqlQuery {
  return nearestPointsSql(scope, c, point, 1);
}
