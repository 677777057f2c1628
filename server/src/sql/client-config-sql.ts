/** What the client needs to start: the district's extent and centre, and the months the data covers. */
import type { AccessScope } from '../domain/access-scope.ts';
import { disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/**
 * One row: code, name, minx..maxy, lon/lat of the centroid, first_month and last_month (local
 * YYYY-MM of the earliest and latest reported dispute; null without disputes).
 */
export function clientConfigSql(scope: AccessScope): SqlQuery {
  const p = new Params();
  const month = (agg: string) => `(SELECT to_char(${agg}(d.reported_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') FROM disputes d WHERE ${disputeScopeSql(scope, 'd', p)})`;
  const text = `SELECT t.code, t.name, ST_XMin(t.geom) AS minx, ST_YMin(t.geom) AS miny, ST_XMax(t.geom) AS maxx, ST_YMax(t.geom) AS maxy,
      ST_X(ST_Centroid(t.geom)) AS lon, ST_Y(ST_Centroid(t.geom)) AS lat, ${month('min')} AS first_month, ${month('max')} AS last_month
    FROM district t ORDER BY t.code LIMIT 1`;
  return { text, values: p.values };
}
