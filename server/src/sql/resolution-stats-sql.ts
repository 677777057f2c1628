/**
 * Named SQL for the figures of the five working systems that the source document reports: the monthly
 * resolution rate (当月调处化解率: of a month's reported disputes, the share resolved in that same
 * local month), and the share resolved at each level. Months are local (Asia/Shanghai).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { scopeClause } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

const MONTH = (col: string) => `date_trunc('month', ${col} AT TIME ZONE 'Asia/Shanghai')`;

/** Per year: reported, resolved within their month, rate in percent; only months that ended before `until` (YYYY-MM-DD). */
export function monthlyResolutionByYearSql(scope: AccessScope, until: string): SqlQuery {
  const p = new Params();
  const untilPh = p.add(until, 'text');
  const text = `WITH m AS (
        SELECT ${MONTH('d.reported_at')} AS month, count(*) AS reported,
               count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND ${MONTH('d.resolved_at')} = ${MONTH('d.reported_at')}) AS resolved
          FROM disputes d WHERE ${scopeClause(scope, 'd', p)}
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
         AND d.reported_at < (${b}::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${scopeClause(scope, 'd', p)}`;
  return { text, values: p.values };
}
