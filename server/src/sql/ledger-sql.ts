/**
 * Named SQL for the monthly ledger (一表一帐) of one town: every dispute reported in the month plus
 * those carried over (reported before it and still unresolved at its start), each as it stood at the
 * ledger's as-of instant (the month end, or now for the current month): status and level from the
 * last history event before then; resolved_at and outcome only when resolved before then; the due date
 * and handling unit of that level (current values when the level has not changed since).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { TIME_LIMIT_DAYS } from '../domain/time-limits.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/**
 * Rows ordered by reported_at, id: id, code, reported_at, type, village_code, village, grid_code, grid,
 * carried_over, status, level, handler_unit, due_at, resolved_at, outcome, summary (times ISO 8601 UTC).
 */
export function ledgerRowsSql(scope: AccessScope, town: string, bounds: { start: Date; asOf: Date }): SqlQuery {
  const p = new Params();
  const days = `CASE s.level WHEN 'village' THEN ${p.add(TIME_LIMIT_DAYS.village, 'int')} WHEN 'town' THEN ${p.add(TIME_LIMIT_DAYS.town, 'int')}
    ELSE ${p.add(TIME_LIMIT_DAYS.department, 'int')} END`;
  const text = `WITH b AS (SELECT ${p.add(bounds.start.toISOString(), 'timestamptz')} AS s, ${p.add(bounds.asOf.toISOString(), 'timestamptz')} AS e),
    rows AS (
      SELECT d.*, b.s AS month_start, b.e AS as_of FROM disputes d CROSS JOIN b
      WHERE d.town_code = ${p.add(town, 'text')} AND d.reported_at < b.e
        AND (d.reported_at >= b.s OR d.resolved_at IS NULL OR d.resolved_at >= b.s) AND ${disputeScopeSql(scope, 'd', p)}),
    s AS (
      SELECT r.id, coalesce(last.to_status, r.status) AS status, coalesce(last.level, r.level) AS level
      FROM rows r LEFT JOIN LATERAL (SELECT e.to_status, e.level FROM dispute_events e
        WHERE e.dispute_id = r.id AND e.at < r.as_of ORDER BY e.seq DESC LIMIT 1) last ON TRUE)
    SELECT r.id, r.code, ${isoMillisSql('r.reported_at')} AS reported_at, r.type, r.village_code, v.name AS village, r.grid_code, g.name AS grid,
      r.reported_at < r.month_start AS carried_over, s.status, s.level,
      CASE WHEN s.level = r.level THEN r.handler_unit ELSE coalesce(unit.actor, r.handler_unit) END AS handler_unit,
      ${isoMillisSql(`CASE WHEN s.level = r.level OR since.at IS NULL THEN r.due_at ELSE since.at + make_interval(days => ${days}) END`)} AS due_at,
      CASE WHEN r.resolved_at < r.as_of THEN ${isoMillisSql('r.resolved_at')} END AS resolved_at,
      CASE WHEN r.resolved_at < r.as_of THEN r.outcome END AS outcome, r.summary
    FROM rows r JOIN s ON s.id = r.id JOIN villages v ON v.code = r.village_code JOIN grids g ON g.code = r.grid_code
      LEFT JOIN LATERAL (SELECT e.actor FROM dispute_events e WHERE e.dispute_id = r.id AND e.level = s.level
        AND e.action NOT IN ('report', 'escalate') ORDER BY e.seq LIMIT 1) unit ON s.level <> r.level
      LEFT JOIN LATERAL (SELECT e.at FROM dispute_events e WHERE e.dispute_id = r.id AND e.level = s.level
        AND e.action IN ('report', 'escalate') AND e.at < r.as_of ORDER BY e.seq DESC LIMIT 1) since ON s.level <> r.level
    ORDER BY r.reported_at, r.id`;
  return { text, values: p.values };
}
