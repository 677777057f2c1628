/**
 * Bulk insert for both engines with one statement shape: each column travels as one array parameter
 * and `unnest` turns the arrays back into rows (`INSERT … SELECT … FROM unnest($1::text[], …)`), so
 * thousands of rows cost one round trip and every value is still a parameter.
 */
import type { Queryable } from './database.ts';

export interface Column {
  name: string;
  /** PostgreSQL type of the array element sent (text for geometry, json and timestamps). */
  type: 'text' | 'int4' | 'int8' | 'float8' | 'bool' | 'int2';
  /** SQL expression turning the unnested value `v` into the stored value, e.g. ST_GeomFromText(v, 4326). */
  expr?: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

export function insertStatement(table: string, columns: Column[]): string {
  for (const id of [table, ...columns.map((c) => c.name)]) if (!IDENT.test(id)) throw new Error(`bad identifier ${id}`);
  const names = columns.map((c) => c.name).join(', ');
  const exprs = columns.map((c, i) => (c.expr ?? 'v').replace(/\bv\b/g, `u.c${i}`)).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${exprs} FROM unnest(${arrays}) AS u(${aliases})`;
}

export async function bulkInsert(db: Queryable, table: string, columns: Column[], rows: unknown[][], batchSize = 5000): Promise<void> {
  const sql = insertStatement(table, columns);
  for (let i = 0; i < rows.length; i += batchSize) {
    const chunk = rows.slice(i, i + batchSize);
    await db.query(sql, columns.map((_, c) => chunk.map((r) => r[c])));
  }
}

export const POINT = (): Pick<Column, 'type' | 'expr'> => ({ type: 'text', expr: 'ST_GeomFromText(v, 4326)' });
export const MULTIPOLYGON = (): Pick<Column, 'type' | 'expr'> => ({ type: 'text', expr: 'ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(v), 4326))' });
export const LINESTRING = (): Pick<Column, 'type' | 'expr'> => ({ type: 'text', expr: 'ST_SetSRID(ST_GeomFromGeoJSON(v), 4326)' });

export function wktPoint([lon, lat]: [number, number]): string {
  return `POINT(${lon} ${lat})`;
}

export function geojsonMulti(coords: unknown): string {
  return JSON.stringify({ type: 'MultiPolygon', coordinates: coords });
}
