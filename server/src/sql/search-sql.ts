/**
 * Named SQL for /api/search: towns, villages, grids, police workrooms, mediation rooms and legal
 * stations whose name contains the text or whose code starts with it. The text reaches SQL only as
 * a parameter, with LIKE's \ % _ escaped (domain/parse-search-query.ts).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import { escapeLike } from '../domain/parse-search-query.ts';
import { Params, type SqlQuery } from './sql-query.ts';

export const SEARCH_KINDS = ['town', 'village', 'grid', 'police_workroom', 'mediation_room', 'legal_station'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Per kind: table, how to reach the parents' names, and whether it is an area (bbox) or a point. */
const SOURCES: { kind: SearchKind; table: string; parents: string; joins: string; area: boolean }[] = [
  { kind: 'town', table: 'towns', parents: 'json_build_array()', joins: '', area: true },
  { kind: 'village', table: 'villages', parents: 'json_build_array(tw.name)', joins: 'JOIN towns tw ON tw.code = t.town_code', area: true },
  ...(['grid', 'police_workroom', 'mediation_room', 'legal_station'] as const).map((kind) => ({
    kind,
    table: kind === 'grid' ? 'grids' : `${kind}s`,
    parents: 'json_build_array(tw.name, vi.name)',
    joins: 'JOIN towns tw ON tw.code = t.town_code JOIN villages vi ON vi.code = t.village_code',
    area: kind === 'grid',
  })),
];

/**
 * At most `limit` rows: kind, code, name, parents (JSON array of names, town first), minx..maxy for
 * areas or lon/lat for points. Exact names first, then names that start with the text, then by kind
 * (towns before villages before grids before facilities), shorter names, code.
 */
export function searchSql(scope: AccessScope, text: string, limit: number): SqlQuery {
  const p = new Params();
  const esc = escapeLike(text);
  const contains = p.add(`%${esc}%`, 'text');
  const prefix = p.add(`${esc}%`, 'text');
  const exact = p.add(text, 'text');
  const parts = SOURCES.map((s, rank) => {
    const geo = s.area
      ? 'ST_XMin(t.geom) AS minx, ST_YMin(t.geom) AS miny, ST_XMax(t.geom) AS maxx, ST_YMax(t.geom) AS maxy, NULL::float8 AS lon, NULL::float8 AS lat'
      : 'NULL::float8, NULL::float8, NULL::float8, NULL::float8, ST_X(t.geom), ST_Y(t.geom)';
    return `SELECT '${s.kind}'::text AS kind, ${rank} AS kind_rank, t.code, t.name, ${s.parents} AS parents, ${geo}
      FROM ${s.table} t ${s.joins}
      WHERE (t.name ILIKE ${contains} ESCAPE '\\' OR t.code ILIKE ${prefix} ESCAPE '\\')`;
  });
  const sql = `SELECT kind, code, name, parents, minx, miny, maxx, maxy, lon, lat FROM (${parts.join('\n UNION ALL ')}) s
    ORDER BY name = ${exact} DESC, name ILIKE ${prefix} ESCAPE '\\' DESC, kind_rank, length(name), code
    LIMIT ${p.add(limit, 'int')}`;
  return { text: sql, values: p.values };
}
