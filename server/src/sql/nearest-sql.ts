/**
 * The k points of a collection nearest to a point on the ellipsoid. `<->` on EPSG:4326 measures
 * planar degrees, which overrates east–west distance against the ground: KNN (GiST) finds the k
 * planar-nearest; no point farther than 2.5× the k-th planar distance can be nearer on the ground
 * (below 60° latitude a degree of longitude is at least half a degree of latitude long, ×1.01 for
 * the ellipsoid); geography then ranks those candidates exactly.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import { propertiesJsonSql } from './property-sql.ts';
import { collectionScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

const PLANAR_TO_GROUND_BOUND = 2.5;

/**
 * Columns id, properties (JSON of the collection's properties), lon, lat, distance_m; nearest first
 * (ties by id), at most k rows.
 * @param point [lng, lat] in degrees
 */
export function nearestPointsSql(scope: AccessScope, c: CollectionDef, point: readonly [number, number], k: number): SqlQuery {
  if (c.geometryType !== 'Point') throw new Error(`nearest lookup needs a point collection, not ${c.id}`);
  const p = new Params();
  const pt = `ST_SetSRID(ST_MakePoint(${p.add(point[0], 'float8')}, ${p.add(point[1], 'float8')}), 4326)`;
  const kk = p.add(k, 'int');
  const text = `WITH q AS (SELECT ${pt} AS pt),
    knn AS (SELECT t.geom <-> q.pt AS d FROM ${c.table} t, q WHERE ${collectionScopeSql(scope, c, 't', p)} ORDER BY t.geom <-> q.pt LIMIT ${kk}),
    bound AS (SELECT max(d) AS d FROM knn)
    SELECT t.id, ${propertiesJsonSql('t', c.properties)} AS properties, ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat,
      ST_Distance(t.geom::geography, q.pt::geography) AS distance_m
    FROM ${c.table} t, q, bound
    WHERE ST_DWithin(t.geom, q.pt, bound.d * ${p.add(PLANAR_TO_GROUND_BOUND, 'float8')}) AND ${collectionScopeSql(scope, c, 't', p)}
    ORDER BY distance_m, t.id LIMIT ${kk}`;
  return { text, values: p.values };
}
