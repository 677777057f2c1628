/**
 * Named SQL for the command-centre wall (GET /api/wall/summary): the live counts of the disputes in
 * the caller's scope at an instant, and the towns' bounding boxes for the map's tour.
 *
 *   reported_today  reported in [local midnight of the instant's date, instant]
 *   open            reported by the instant and not resolved by it (resolved_at null or after it)
 *   overdue         open, and due_at before the instant (a red card)
 *
 * "Open" and "overdue" are the definitions of sql/risk-sql.ts with the period's end at the instant.
 * The latest events (recentEventsSql) fill the ticker before the live stream brings any.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { areaScopeSql, disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/** One row: reported_today, open, overdue (int). */
export function wallCountsSql(scope: AccessScope, dayStart: Date, at: Date): SqlQuery {
  const p = new Params();
  const day = p.add(dayStart.toISOString(), 'timestamptz');
  const now = p.add(at.toISOString(), 'timestamptz');
  const text = `SELECT
      count(*) FILTER (WHERE d.reported_at >= ${day})::int AS reported_today,
      count(*) FILTER (WHERE d.resolved_at IS NULL OR d.resolved_at > ${now})::int AS open,
      count(*) FILTER (WHERE (d.resolved_at IS NULL OR d.resolved_at > ${now}) AND d.due_at < ${now})::int AS overdue
    FROM disputes d
   WHERE d.reported_at <= ${now} AND ${disputeScopeSql(scope, 'd', p)}`;
  return { text, values: p.values };
}

/** The towns of the scope: code and bounding box (west, south, east, north), ordered by code. */
export function townBoxesSql(scope: AccessScope): SqlQuery {
  const p = new Params();
  const text = `SELECT t.code, ST_XMin(t.geom)::float8 AS w, ST_YMin(t.geom)::float8 AS s, ST_XMax(t.geom)::float8 AS e, ST_YMax(t.geom)::float8 AS n
    FROM towns t WHERE ${areaScopeSql(scope, 't.code', p)} ORDER BY t.code`;
  return { text, values: p.values };
}

/**
 * The latest `limit` dispute events at or before the instant, in the scope, newest first: id, at (ISO),
 * code, town_code, action, status (after the event). No actor, note or party: the wall shows no personal data.
 */
export function recentEventsSql(scope: AccessScope, at: Date, limit: number): SqlQuery {
  const p = new Params();
  const now = p.add(at.toISOString(), 'timestamptz');
  const text = `SELECT e.id::float8 AS id, ${isoMillisSql('e.at')} AS at, d.code, d.town_code, e.action, e.to_status AS status
    FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id
   WHERE e.at <= ${now} AND ${disputeScopeSql(scope, 'd', p)}
   ORDER BY e.at DESC, e.id DESC LIMIT ${p.add(limit, 'int')}`;
  return { text, values: p.values };
}
