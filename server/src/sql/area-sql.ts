/**
 * Named SQL for an area's panel (district, town, village or grid): what it is and where, its
 * parents, contact card, disputes in a period, open disputes, and the cameras inside it.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { AreaKind } from '../domain/area-kinds.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { AREA_COLUMN } from './risk-sql.ts';
import { areaScopeSql, disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/** The table of each kind of area (an allow-list). */
export const AREA_TABLE: Record<AreaKind, string> = { district: 'district', town: 'towns', village: 'villages', grid: 'grids' };

const unitJson = (kind: AreaKind, alias: string) => `json_build_object('kind', '${kind}', 'code', ${alias}.code, 'name', ${alias}.name)`;

/**
 * One row (none when the code is unknown): code, name, subkind, households, population, parents
 * (JSON array district › town › village), minx..maxy, lon/lat of a point inside (for distances),
 * contact (JSON, grids only).
 */
export function areaSql(scope: AccessScope, kind: AreaKind, code: string): SqlQuery {
  const p = new Params();
  const c = p.add(code, 'text');
  const common = `t.code, t.name, ST_XMin(t.geom) AS minx, ST_YMin(t.geom) AS miny, ST_XMax(t.geom) AS maxx, ST_YMax(t.geom) AS maxy,
    ST_X(ST_PointOnSurface(t.geom)) AS lon, ST_Y(ST_PointOnSurface(t.geom)) AS lat, t.population`;
  const scoped = (alias: string) => areaScopeSql(scope, `${alias}.code`, p);
  let text: string;
  switch (kind) {
    case 'district':
      text = `SELECT ${common}, NULL::text AS subkind, (SELECT sum(x.households)::int FROM towns x WHERE x.district_code = t.code) AS households,
          '[]'::json AS parents, NULL::json AS contact
        FROM district t WHERE t.code = ${c} AND ${scoped('t')}`;
      break;
    case 'town':
      text = `SELECT ${common}, t.kind AS subkind, t.households, json_build_array(${unitJson('district', 'di')}) AS parents, NULL::json AS contact
        FROM towns t JOIN district di ON di.code = t.district_code WHERE t.code = ${c} AND ${scoped('t')}`;
      break;
    case 'village':
      text = `SELECT ${common}, t.kind AS subkind, t.households,
          json_build_array(${unitJson('district', 'di')}, ${unitJson('town', 'tw')}) AS parents, NULL::json AS contact
        FROM villages t JOIN towns tw ON tw.code = t.town_code JOIN district di ON di.code = t.district_code
        WHERE t.code = ${c} AND ${scoped('t')}`;
      break;
    case 'grid':
      text = `SELECT ${common}, t.kind AS subkind, t.households,
          json_build_array(${unitJson('district', 'di')}, ${unitJson('town', 'tw')}, ${unitJson('village', 'vi')}) AS parents,
          json_build_object(
            'grid_worker', json_build_object('name', t.worker_name, 'phone', t.worker_phone, 'type', t.worker_type),
            'police', json_build_object('name', t.police_name, 'phone', t.police_phone),
            'cadre', json_build_object('name', t.cadre_name, 'phone', t.cadre_phone)) AS contact
        FROM grids t JOIN villages vi ON vi.code = t.village_code JOIN towns tw ON tw.code = t.town_code JOIN district di ON di.code = t.district_code
        WHERE t.code = ${c} AND ${scoped('t')}`;
      break;
  }
  return { text, values: p.values };
}

/** Disputes of the area reported in [start, end), by type and current status: rows type, status, n. */
export function areaDisputeCountsSql(scope: AccessScope, kind: AreaKind, code: string, start: Date, end: Date): SqlQuery {
  const p = new Params();
  const text = `SELECT d.type, d.status, count(*)::int AS n FROM disputes d
    WHERE d.${AREA_COLUMN[kind]} = ${p.add(code, 'text')} AND d.reported_at >= ${p.add(start.toISOString(), 'timestamptz')}
      AND d.reported_at < ${p.add(end.toISOString(), 'timestamptz')} AND ${disputeScopeSql(scope, 'd', p)}
    GROUP BY d.type, d.status ORDER BY d.type, d.status`;
  return { text, values: p.values };
}

/**
 * Disputes of the area open at `end` (reported before it, not resolved by it), newest first, at
 * most `limit`; column `total` counts them all. `overdue`: due before `end`.
 */
export function areaOpenDisputesSql(scope: AccessScope, kind: AreaKind, code: string, end: Date, limit: number): SqlQuery {
  const p = new Params();
  const e = p.add(end.toISOString(), 'timestamptz');
  const text = `SELECT d.id, d.code, d.type, d.status, d.level, ${isoMillisSql('d.reported_at')} AS reported_at, ${isoMillisSql('d.due_at')} AS due_at,
      d.criminal_risk, d.repeat_of, d.due_at < ${e} AS overdue, d.handler_unit, count(*) OVER ()::int AS total
    FROM disputes d
    WHERE d.${AREA_COLUMN[kind]} = ${p.add(code, 'text')} AND d.reported_at < ${e} AND (d.resolved_at IS NULL OR d.resolved_at >= ${e})
      AND ${disputeScopeSql(scope, 'd', p)}
    ORDER BY d.reported_at DESC, d.id DESC LIMIT ${p.add(limit, 'int')}`;
  return { text, values: p.values };
}

/** Cameras inside the area's polygon (ST_Covers, GiST-filtered), by programme: rows program, n. */
export function areaCameraCountsSql(scope: AccessScope, kind: AreaKind, code: string): SqlQuery {
  const p = new Params();
  const text = `SELECT c.program, count(*)::int AS n FROM ${AREA_TABLE[kind]} a JOIN cameras c ON c.geom && a.geom AND ST_Covers(a.geom, c.geom)
    WHERE a.code = ${p.add(code, 'text')} AND ${areaScopeSql(scope, 'a.code', p)}
    GROUP BY c.program ORDER BY c.program`;
  return { text, values: p.values };
}
