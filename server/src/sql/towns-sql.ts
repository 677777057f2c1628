/** Named SQL for the towns and subdistricts as reports list them, and their outlines for maps. */
import type { AccessScope } from '../domain/access-scope.ts';
import { areaScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/** Every town: code, name, kind, population (ordered by code). */
export function townListSql(scope: AccessScope): SqlQuery {
  const p = new Params();
  return { text: `SELECT t.code, t.name, t.kind, t.population FROM towns t WHERE ${areaScopeSql(scope, 't.code', p)} ORDER BY t.code`, values: p.values };
}

/**
 * Outlines simplified by `tolerance` degrees (topology kept), as GeoJSON text to 5 decimals, of the
 * towns (`of` = 'towns', `town` ignored) or of one town's villages (`of` = 'villages'): code, name, geometry.
 */
export function outlinesSql(scope: AccessScope, of: 'towns' | 'villages', tolerance: number, town: string | null = null): SqlQuery {
  const p = new Params();
  const tol = p.add(tolerance, 'float8');
  const table = of === 'towns' ? 'towns' : 'villages';
  const filter = of === 'villages' ? `a.town_code = ${p.add(town, 'text')}` : 'TRUE';
  const text = `SELECT a.code, a.name, ST_AsGeoJSON(ST_SimplifyPreserveTopology(a.geom, ${tol}), 5) AS geometry
    FROM ${table} a WHERE ${filter} AND ${areaScopeSql(scope, 'a.code', p)} ORDER BY a.code`;
  return { text, values: p.values };
}
