/**
 * Named SQL for the figures of the five working systems that the source document reports: the monthly
 * resolution rate (当月调处化解率: of a month's reported disputes, the share resolved in that same
 * local month), and the share resolved at each level. Months are local (Asia/Shanghai). The definition
 * is documented once in domain/resolution-rate.ts, which turns these counts into rates.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

const MONTH = (col: string) => `date_trunc('month', ${col} AT TIME ZONE 'Asia/Shanghai')`;
/** Resolved within the local month it was reported in (disputes aliased d): the numerator of the monthly resolution rate. */
export const IN_MONTH = `d.resolved_at IS NOT NULL AND ${MONTH('d.resolved_at')} = ${MONTH('d.reported_at')}`;

/** Per year: reported, resolved within their month, rate in percent; only months that ended before `until` (YYYY-MM-DD). */
export function monthlyResolutionByYearSql(scope: AccessScope, until: string): SqlQuery {
  const p = new Params();
  const untilPh = p.add(until, 'text');
  const text = `WITH m AS (
        SELECT ${MONTH('d.reported_at')} AS month, count(*) AS reported,
               count(*) FILTER (WHERE ${IN_MONTH}) AS resolved
          FROM disputes d WHERE ${disputeScopeSql(scope, 'd', p)}
         GROUP BY 1)
      SELECT extract(year FROM month)::int AS year, sum(reported)::int AS reported, sum(resolved)::int AS resolved,
             round(sum(resolved) * 100.0 / sum(reported), 1)::float8 AS rate
        FROM m WHERE month < date_trunc('month', ${untilPh}::timestamp)
       GROUP BY 1 ORDER BY 1`;
  return { text, values: p.values };
}

/** Resolved disputes reported in [from, to) (local dates) and the share resolved at each level, in percent. */
export function levelSharesSql(scope: AccessScope, from: string, to: string): SqlQuery {
  const p = new Params();
  const [a, b] = [p.add(from, 'text'), p.add(to, 'text')];
  const text = `SELECT count(*)::int AS resolved,
             round(count(*) FILTER (WHERE d.level = 'village') * 100.0 / nullif(count(*), 0), 1)::float8 AS village,
             round(count(*) FILTER (WHERE d.level = 'town') * 100.0 / nullif(count(*), 0), 1)::float8 AS town,
             round(count(*) FILTER (WHERE d.level = 'department') * 100.0 / nullif(count(*), 0), 1)::float8 AS department
        FROM disputes d
       WHERE d.status = 'resolved' AND d.reported_at >= (${a}::timestamp AT TIME ZONE 'Asia/Shanghai')
         AND d.reported_at < (${b}::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${disputeScopeSql(scope, 'd', p)}`;
  return { text, values: p.values };
}

/** How resolutionCountsSql groups: its `key` column (an allow-list of expressions). */
export const RESOLUTION_GROUPS = {
  month: `to_char(${MONTH('d.reported_at')}, 'YYYY-MM')`,
  town: 'd.town_code',
  /** Department-level disputes by the department that handles them (handler_unit holds its name). */
  department: 'd.handler_unit',
} as const;
export type ResolutionGroup = keyof typeof RESOLUTION_GROUPS;

/**
 * The counts of domain/resolution-rate.ts for disputes reported in [start, end), one row per `key` of
 * `group` (ordered by key): found, resolved_in_month, resolved, res_village, res_town, res_department.
 * `town` limits to one town; group `department` counts only department-level disputes.
 */
export function resolutionCountsSql(scope: AccessScope, bounds: { start: Date; end: Date }, group: ResolutionGroup, town: string | null = null): SqlQuery {
  const p = new Params();
  const where = [
    `d.reported_at >= ${p.add(bounds.start.toISOString(), 'timestamptz')}`,
    `d.reported_at < ${p.add(bounds.end.toISOString(), 'timestamptz')}`,
    ...(town === null ? [] : [`d.town_code = ${p.add(town, 'text')}`]),
    ...(group === 'department' ? ["d.level = 'department'"] : []),
    disputeScopeSql(scope, 'd', p),
  ];
  const text = `SELECT ${RESOLUTION_GROUPS[group]} AS key, count(*)::int AS found,
      count(*) FILTER (WHERE ${IN_MONTH})::int AS resolved_in_month,
      count(*) FILTER (WHERE d.resolved_at IS NOT NULL)::int AS resolved,
      count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.level = 'village')::int AS res_village,
      count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.level = 'town')::int AS res_town,
      count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.level = 'department')::int AS res_department
    FROM disputes d WHERE ${where.join(' AND ')}
    GROUP BY 1 ORDER BY 1`;
  return { text, values: p.values };
}
