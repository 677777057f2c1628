/**
 * Named SQL for the four-colour risk map: every grid's indicator counts over a period in one query,
 * and the disputes behind an area's indicators. The definitions here are the ones risk-rules.ts
 * documents; the API tests recompute each count with plain queries.
 *
 *   open       reported before the end and not resolved by it (resolved_at null or ≥ end)
 *   overdue    open, and due_at < end (a red card)
 *   due_soon   open, due_at ≥ end, and due_at ≤ end + YELLOW_SHARE × the time limit of its level and
 *              type (a yellow card, as domain/deadline-cards.ts decides it for one dispute)
 *   criminal   open, and criminal_risk
 *   repeat     reported in [start, end) and repeat_of set, or its party_key or place_key occurs more
 *              than once among the disputes reported in [start, end) (anywhere in the district)
 *   escalated  dispute_events with action 'escalate' at [start, end)
 *   reported   reported in [start, end); previous: in [previousStart, start), or null when that
 *              starts before the local month of the first dispute on record (no data to compare)
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { AreaKind } from '../domain/area-kinds.ts';
import { YELLOW_SHARE } from '../domain/deadline-cards.ts';
import { DISPUTE_TYPES, HANDLING_LEVELS } from '../domain/dispute-types.ts';
import { DEFAULT_TIME_LIMITS, limitDays, type TimeLimits } from '../domain/time-limits.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

export interface RiskBounds {
  start: Date;
  end: Date;
  previousStart: Date;
}

/** The disputes column that places a dispute in an area of each kind (an allow-list). */
export const AREA_COLUMN: Record<AreaKind, string> = { district: 'district_code', town: 'town_code', village: 'village_code', grid: 'grid_code' };

function boundsCte(p: Params, b: RiskBounds): string {
  return `b AS (SELECT ${p.add(b.start.toISOString(), 'timestamptz')} AS s, ${p.add(b.end.toISOString(), 'timestamptz')} AS e,
    ${p.add(b.previousStart.toISOString(), 'timestamptz')} AS ps)`;
}

/** Disputes reported in the period that repeat: columns id, grid_code. */
function repeatsCte(): string {
  return `per AS (SELECT d.id, d.grid_code, d.repeat_of,
        count(*) OVER (PARTITION BY d.party_key) AS same_parties, count(*) OVER (PARTITION BY d.place_key) AS same_place
      FROM disputes d, b WHERE d.reported_at >= b.s AND d.reported_at < b.e),
    rep AS (SELECT id, grid_code FROM per WHERE repeat_of IS NOT NULL OR same_parties > 1 OR same_place > 1)`;
}

/**
 * One row per grid, ordered by code: code, village_code, town_code and the counts open, overdue,
 * criminal, repeat, escalated, reported, previous (int; previous may be null).
 */
export function gridRiskCountsSql(bounds: RiskBounds, limits: TimeLimits = DEFAULT_TIME_LIMITS): SqlQuery {
  const p = new Params();
  // The yellow-card window in seconds by "level:type", one JSON parameter.
  const windows: Record<string, number> = {};
  for (const level of HANDLING_LEVELS) for (const type of DISPUTE_TYPES) windows[`${level}:${type}`] = YELLOW_SHARE * limitDays(level, type, limits) * 86_400;
  const window = `(${p.add(JSON.stringify(windows), 'jsonb')} ->> (d.level || ':' || d.type))::float8`;
  const text = `WITH ${boundsCte(p, bounds)}, ${repeatsCte()},
    o AS (SELECT d.grid_code, count(*) AS open, count(*) FILTER (WHERE d.due_at < b.e) AS overdue,
            count(*) FILTER (WHERE d.due_at >= b.e AND d.due_at <= b.e + make_interval(secs => ${window})) AS due_soon,
            count(*) FILTER (WHERE d.criminal_risk) AS criminal
          FROM disputes d, b WHERE d.reported_at < b.e AND (d.resolved_at IS NULL OR d.resolved_at >= b.e)
          GROUP BY d.grid_code),
    r AS (SELECT grid_code, count(*) AS repeat FROM rep GROUP BY grid_code),
    n AS (SELECT d.grid_code, count(*) FILTER (WHERE d.reported_at >= b.s) AS reported, count(*) FILTER (WHERE d.reported_at < b.s) AS previous
          FROM disputes d, b WHERE d.reported_at >= b.ps AND d.reported_at < b.e GROUP BY d.grid_code),
    first AS (SELECT date_trunc('month', min(d.reported_at) AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS month
          FROM disputes d),
    x AS (SELECT d.grid_code, count(*) AS escalated
          FROM dispute_events ev JOIN disputes d ON d.id = ev.dispute_id, b
          WHERE ev.action = 'escalate' AND ev.at >= b.s AND ev.at < b.e
          GROUP BY d.grid_code)
    SELECT g.code, g.village_code, g.town_code,
      coalesce(o.open, 0)::int AS open, coalesce(o.overdue, 0)::int AS overdue, coalesce(o.due_soon, 0)::int AS due_soon, coalesce(o.criminal, 0)::int AS criminal,
      coalesce(r.repeat, 0)::int AS repeat, coalesce(x.escalated, 0)::int AS escalated,
      coalesce(n.reported, 0)::int AS reported, CASE WHEN b.ps >= first.month THEN coalesce(n.previous, 0)::int END AS previous
    FROM grids g CROSS JOIN b CROSS JOIN first
      LEFT JOIN o ON o.grid_code = g.code LEFT JOIN r ON r.grid_code = g.code
      LEFT JOIN n ON n.grid_code = g.code LEFT JOIN x ON x.grid_code = g.code
    ORDER BY g.code`;
  return { text, values: p.values };
}

/**
 * The disputes of an area behind its indicators: open at the end (flagged overdue and criminal),
 * repeating or escalated in the period. Most pressing first (overdue, criminal, open, escalations,
 * repeats, newest), at most `limit`; column `total` has the number before the limit.
 */
export function riskDisputesSql(scope: AccessScope, bounds: RiskBounds, area: { kind: AreaKind; code: string }, limit: number): SqlQuery {
  const p = new Params();
  const col = AREA_COLUMN[area.kind];
  const text = `WITH ${boundsCte(p, bounds)}, ${repeatsCte()},
    esc AS (SELECT ev.dispute_id AS id, count(*) AS n FROM dispute_events ev, b
            WHERE ev.action = 'escalate' AND ev.at >= b.s AND ev.at < b.e GROUP BY ev.dispute_id),
    hits AS (
      SELECT d.id, d.code, d.type, d.status, d.level, d.reported_at, d.due_at, d.criminal_risk, d.repeat_of,
        (d.reported_at < b.e AND (d.resolved_at IS NULL OR d.resolved_at >= b.e)) AS open, d.due_at < b.e AS past_due,
        rep.id IS NOT NULL AS is_repeat, coalesce(esc.n, 0)::int AS escalations
      FROM disputes d CROSS JOIN b LEFT JOIN rep ON rep.id = d.id LEFT JOIN esc ON esc.id = d.id
      WHERE d.${col} = ${p.add(area.code, 'text')} AND ${disputeScopeSql(scope, 'd', p)}
        AND ((d.reported_at < b.e AND (d.resolved_at IS NULL OR d.resolved_at >= b.e)) OR rep.id IS NOT NULL OR esc.id IS NOT NULL))
    SELECT id, code, type, status, level, ${isoMillisSql('reported_at')} AS reported_at, ${isoMillisSql('due_at')} AS due_at,
      criminal_risk, repeat_of, open, open AND past_due AS overdue, is_repeat, escalations, count(*) OVER ()::int AS total
    FROM hits
    ORDER BY open AND past_due DESC, open AND criminal_risk DESC, open DESC, escalations DESC, is_repeat DESC, hits.reported_at DESC, id
    LIMIT ${p.add(limit, 'int')}`;
  return { text, values: p.values };
}

/** Code, name and kind of every area (district, towns, villages, grids): the names never change. */
export function areaNamesSql(): SqlQuery {
  const text = `SELECT 'district' AS kind, t.code, t.name FROM district t
    UNION ALL SELECT 'town', t.code, t.name FROM towns t
    UNION ALL SELECT 'village', t.code, t.name FROM villages t
    UNION ALL SELECT 'grid', t.code, t.name FROM grids t`;
  return { text, values: [] };
}
