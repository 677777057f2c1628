/**
 * Named SQL for the daily screening (日排查): every grid with its "all quiet" and information reports
 * on a day, and the days it reported in the window of `windowDays` days ending that day.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { areaScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/**
 * One row per grid (ordered by code; one town's when `town` is set): code, name, village_code,
 * town_code, town, quiet_reports, info_reports (that day), reported_days (text[] of YYYY-MM-DD in the
 * window with any report); and has_data: whether any grid has an item row that day.
 */
export function screeningSql(scope: AccessScope, day: string, windowDays: number, town: string | null): SqlQuery {
  const p = new Params();
  const d = `${p.add(day, 'text')}::date`;
  const first = `(${d} - ${p.add(windowDays - 1, 'int')})`;
  const townFilter = town === null ? 'TRUE' : `g.town_code = ${p.add(town, 'text')}`;
  const text = `WITH w AS (
      SELECT i.grid_code, i.day, i.quiet_reports, i.info_reports FROM grid_daily_items i
      WHERE i.day BETWEEN ${first} AND ${d} AND ${areaScopeSql(scope, 'i.grid_code', p)}),
    per AS (
      SELECT grid_code,
        sum(quiet_reports) FILTER (WHERE day = ${d})::int AS quiet, sum(info_reports) FILTER (WHERE day = ${d})::int AS info,
        array_agg(to_char(day, 'YYYY-MM-DD') ORDER BY day) FILTER (WHERE quiet_reports + info_reports > 0) AS days
      FROM w GROUP BY grid_code)
    SELECT g.code, g.name, g.village_code, g.town_code, t.name AS town,
      coalesce(per.quiet, 0) AS quiet_reports, coalesce(per.info, 0) AS info_reports,
      coalesce(per.days, ARRAY[]::text[]) AS reported_days,
      EXISTS (SELECT 1 FROM grid_daily_items x WHERE x.day = ${d}) AS has_data
    FROM grids g JOIN towns t ON t.code = g.town_code LEFT JOIN per ON per.grid_code = g.code
    WHERE ${townFilter} AND ${areaScopeSql(scope, 'g.code', p)}
    ORDER BY g.code`;
  return { text, values: p.values };
}
