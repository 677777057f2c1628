/** Label points of the offline basemap: town seats, village centres and a point inside each grid (reference data: no scope). */
import type { SqlQuery } from './sql-query.ts';

export function labelPointsSql(): SqlQuery {
  const text = `SELECT 'town' AS kind, t.code, t.name, ST_X(t.seat) AS lon, ST_Y(t.seat) AS lat FROM towns t
    UNION ALL SELECT 'village', t.code, t.name, ST_X(t.centre), ST_Y(t.centre) FROM villages t
    UNION ALL SELECT 'grid', t.code, t.name, ST_X(pt), ST_Y(pt) FROM (SELECT t.code, t.name, ST_PointOnSurface(t.geom) AS pt FROM grids t) t
    ORDER BY 1, 2`;
  return { text, values: [] };
}
