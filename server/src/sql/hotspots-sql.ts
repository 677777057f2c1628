/**
 * Named SQL for hotspot analytics: which grids touch (the Gi* neighbourhood), the disputes per grid
 * and local month, and the disputes that repeat by parties or place, or lie near each other in space and
 * time. Counts are over every dispute (a grid's statistic does not depend on who asks); the lists of
 * disputes are limited to the caller's scope (sql/scope-clause.ts).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/** Grids closer than this (degrees, ≈ 2 m) share a boundary: generated outlines may leave hairline gaps. */
export const TOUCH_DEGREES = 0.00002;

/** Every grid code, in order (the index of the statistics). */
export function gridCodesSql(): SqlQuery {
  return { text: 'SELECT code FROM grids ORDER BY code', values: [] };
}

/** Pairs of grids that share a boundary (queen contiguity): a, b with a < b. */
export function gridTouchesSql(): SqlQuery {
  const text = `SELECT a.code AS a, b.code AS b FROM grids a JOIN grids b
      ON a.code < b.code AND b.geom && ST_Expand(a.geom, $1::float8) AND ST_DWithin(a.geom, b.geom, $1::float8)`;
  return { text, values: [TOUCH_DEGREES] };
}

/** Disputes reported in [start, end) per grid and local month: grid_code, month (YYYY-MM), n. */
export function gridMonthCountsSql(bounds: { start: Date; end: Date }): SqlQuery {
  const p = new Params();
  const text = `SELECT d.grid_code, to_char(d.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
    FROM disputes d WHERE d.reported_at >= ${p.add(bounds.start.toISOString(), 'timestamptz')} AND d.reported_at < ${p.add(bounds.end.toISOString(), 'timestamptz')}
    GROUP BY 1, 2`;
  return { text, values: p.values };
}

/** The disputes of the period the scope may see, with their keys: id, code, type, grid_code, town_code, party_key, place_key, at (ms). */
export function repeatCandidatesSql(scope: AccessScope, bounds: { start: Date; end: Date }): SqlQuery {
  const p = new Params();
  const text = `SELECT d.id, d.code, d.type, d.grid_code, d.town_code, d.party_key, d.place_key,
      ${isoMillisSql('d.reported_at')} AS reported_at
    FROM disputes d
    WHERE d.reported_at >= ${p.add(bounds.start.toISOString(), 'timestamptz')} AND d.reported_at < ${p.add(bounds.end.toISOString(), 'timestamptz')}
      AND ${disputeScopeSql(scope, 'd', p)}`;
  return { text, values: p.values };
}

/**
 * Pairs of disputes of the period (both visible to the scope) within `metres` (geodesic) and `days` of each
 * other: a, b. The `&&` box (metres / 80 km per degree: wider than a degree of longitude, ≈ 90.6 km, or of
 * latitude, ≈ 111 km, at 35.5° N) lets the GiST index find candidates; ST_DWithin on geography decides.
 */
export function nearRepeatPairsSql(scope: AccessScope, bounds: { start: Date; end: Date }, metres: number, days: number): SqlQuery {
  const p = new Params();
  const s = p.add(bounds.start.toISOString(), 'timestamptz'), e = p.add(bounds.end.toISOString(), 'timestamptz');
  const m = p.add(metres, 'float8'), deg = p.add(metres / 80_000, 'float8'), window = `(${p.add(days * 86_400, 'float8')} * interval '1 second')`;
  // A join of the table with itself (not of a CTE) so that each dispute finds its candidates through the
  // GiST index on disputes.geom: linear in the disputes of the period, not quadratic.
  const text = `SELECT a.id AS a, b.id AS b FROM disputes a JOIN disputes b
      ON b.geom && ST_Expand(a.geom, ${deg}) AND b.id > a.id
      AND b.reported_at >= ${s} AND b.reported_at < ${e} AND b.reported_at BETWEEN a.reported_at - ${window} AND a.reported_at + ${window}
      AND ST_DWithin(a.geom::geography, b.geom::geography, ${m}) AND ${disputeScopeSql(scope, 'b', p)}
    WHERE a.reported_at >= ${s} AND a.reported_at < ${e} AND ${disputeScopeSql(scope, 'a', p)}`;
  return { text, values: p.values };
}
