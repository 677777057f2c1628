/**
 * Named SQL for analysts' area reports: the union of picked areas, the saved definition, and the
 * disputes and grids inside a saved area, in the caller's scope (sql/scope-clause.ts). The area
 * reaches SQL as WKT in a parameter (built only from checked numbers, domain/parse-area-geometry.ts).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { IN_MONTH } from './resolution-stats-sql.ts';
import { areaScopeSql, disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

const TABLE_OF_LENGTH: Record<number, string> = { 9: 'towns', 12: 'villages', 15: 'grids' };

/** The union of the areas with these codes (towns, villages, grids) as WKT, and the codes found. */
export function pickedAreaSql(codes: readonly string[]): SqlQuery {
  const p = new Params();
  const parts = Object.entries(TABLE_OF_LENGTH).flatMap(([len, table]) => {
    const mine = codes.filter((c) => c.length === Number(len));
    return mine.length ? [`SELECT code, geom FROM ${table} WHERE code IN (${mine.map((c) => p.add(c, 'text')).join(', ')})`] : [];
  });
  const text = `SELECT ST_AsText(ST_Multi(ST_Union(geom))) AS wkt, coalesce(json_agg(code), '[]'::json) AS found FROM (${parts.join(' UNION ALL ')}) s`;
  return { text, values: p.values };
}

/** Whether the area (WKT) touches the district at all. */
export function areaTouchesDistrictSql(wkt: string): SqlQuery {
  return { text: 'SELECT EXISTS (SELECT 1 FROM district t WHERE ST_Intersects(t.geom, ST_GeomFromText($1, 4326))) AS inside', values: [wkt] };
}

export interface NewAreaReport { at: Date; user_id: number | null; username: string; title: string | null; shape: unknown; wkt: string; from: string; to: string; camera_m: number }

export function insertAreaReportSql(r: NewAreaReport): SqlQuery {
  const p = new Params();
  const text = `INSERT INTO area_reports (created_at, user_id, username, title, shape, geom, from_month, to_month, camera_m)
    VALUES (${p.add(r.at.toISOString(), 'timestamptz')}, ${p.add(r.user_id, 'bigint')}, ${p.add(r.username, 'text')}, ${p.add(r.title, 'text')},
      ${p.add(JSON.stringify(r.shape), 'jsonb')}, ST_Multi(ST_MakeValid(ST_GeomFromText(${p.add(r.wkt, 'text')}, 4326))),
      ${p.add(r.from, 'text')}, ${p.add(r.to, 'text')}, ${p.add(r.camera_m, 'int')}) RETURNING id`;
  return { text, values: p.values };
}

/** One saved definition: id, created_at, username, title, shape, from_month, to_month, camera_m, geometry (GeoJSON text), area_m2, bbox. */
export function areaReportSql(id: number): SqlQuery {
  const text = `SELECT id, ${isoMillisSql('created_at')} AS created_at, username, title, shape, from_month, to_month, camera_m,
      ST_AsGeoJSON(geom, 6) AS geometry, ST_Area(geom::geography) AS area_m2,
      ST_XMin(geom) AS minx, ST_YMin(geom) AS miny, ST_XMax(geom) AS maxx, ST_YMax(geom) AS maxy
    FROM area_reports WHERE id = $1::bigint`;
  return { text, values: [id] };
}

/** Degrees that surely cover `m` metres at this latitude (a prefilter for the GiST index; the test is on geography). */
const degreesFor = (m: number) => m / 80_000;

/**
 * The disputes reported inside saved area `id` in [start, end) that the scope may see, with what the
 * report and its exports need; `now` decides open and overdue.
 */
export function reportDisputesSql(scope: AccessScope, id: number, bounds: { start: Date; end: Date }, cameraM: number, now: Date): SqlQuery {
  const p = new Params();
  const m = p.add(cameraM, 'float8');
  const deg = p.add(degreesFor(cameraM), 'float8');
  const near = (program: string | null) => `EXISTS (SELECT 1 FROM cameras c WHERE c.geom && ST_Expand(d.geom, ${deg})
      AND ST_DWithin(c.geom::geography, d.geom::geography, ${m})${program ? ` AND c.program = '${program}'` : ''})`;
  const t = p.add(now.toISOString(), 'timestamptz');
  const text = `WITH a AS (SELECT geom AS g FROM area_reports WHERE id = ${p.add(id, 'bigint')})
    SELECT d.id, d.code, d.type, d.status, d.level, d.criminal_risk, d.repeat_of IS NOT NULL AS repeat,
      ${isoMillisSql('d.reported_at')} AS reported_at, ${isoMillisSql('d.resolved_at')} AS resolved_at, ${isoMillisSql('d.due_at')} AS due_at,
      to_char(d.reported_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
      d.resolved_at IS NOT NULL AS resolved, (${IN_MONTH}) AS resolved_in_month,
      d.status <> 'resolved' AS open, d.status <> 'resolved' AND d.due_at < ${t} AS overdue,
      d.town_code, tw.name AS town_name, d.village_code, vi.name AS village_name, d.grid_code, g.name AS grid_name, d.handler_unit,
      ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat,
      ${near(null)} AS near_camera, ${near('xueliang')} AS near_xueliang, ${near('pingan')} AS near_pingan
    FROM disputes d CROSS JOIN a
      JOIN towns tw ON tw.code = d.town_code JOIN villages vi ON vi.code = d.village_code JOIN grids g ON g.code = d.grid_code
    WHERE d.geom && a.g AND ST_Covers(a.g, d.geom)
      AND d.reported_at >= ${p.add(bounds.start.toISOString(), 'timestamptz')} AND d.reported_at < ${p.add(bounds.end.toISOString(), 'timestamptz')}
      AND ${disputeScopeSql(scope, 'd', p)}
    ORDER BY d.reported_at, d.id`;
  return { text, values: p.values };
}

/**
 * A grid overlapping the area by less than this is not in it: a neighbour that only shares an edge with
 * it (a picked town's neighbours overlap it by exactly 0 m²) or a sliver of rounding.
 */
export const MIN_OVERLAP_M2 = 1;
/** The area of grid `g` inside the saved area `a.g`, in m² (the one expression both grid queries test). */
const INSIDE_M2 = 'ST_Area(ST_Intersection(g.geom, a.g)::geography)';

/**
 * The grids that saved area `id` overlaps (by at least MIN_OVERLAP_M2) and the scope may see: code,
 * town_code, village_code, households, population, share (of the grid's area inside).
 */
export function reportGridsSql(scope: AccessScope, id: number): SqlQuery {
  const p = new Params();
  const text = `WITH a AS (SELECT geom AS g FROM area_reports WHERE id = ${p.add(id, 'bigint')})
    SELECT code, town_code, village_code, households, population, least(1, inside_m2 / nullif(grid_m2, 0)) AS share
    FROM (SELECT g.code, g.town_code, g.village_code, g.households, g.population,
        ${INSIDE_M2} AS inside_m2, ST_Area(g.geom::geography) AS grid_m2
      FROM grids g CROSS JOIN a
      WHERE g.geom && a.g AND ST_Intersects(g.geom, a.g) AND ${areaScopeSql(scope, 'g.code', p)}) s
    WHERE inside_m2 >= ${MIN_OVERLAP_M2}
    ORDER BY code`;
  return { text, values: p.values };
}

/** Outlines of the grids the area overlaps (by at least MIN_OVERLAP_M2, as reportGridsSql), for the PDF map, simplified: code, geometry (GeoJSON text). */
export function reportGridOutlinesSql(scope: AccessScope, id: number, tolerance: number): SqlQuery {
  const p = new Params();
  const text = `WITH a AS (SELECT geom AS g FROM area_reports WHERE id = ${p.add(id, 'bigint')})
    SELECT g.code, ST_AsGeoJSON(ST_SimplifyPreserveTopology(g.geom, ${p.add(tolerance, 'float8')}), 5) AS geometry
    FROM grids g CROSS JOIN a WHERE g.geom && a.g AND ST_Intersects(g.geom, a.g) AND ${areaScopeSql(scope, 'g.code', p)}
      AND ${INSIDE_M2} >= ${MIN_OVERLAP_M2}
    ORDER BY g.code`;
  return { text, values: p.values };
}
