/** SQL expressions for allow-listed properties, so both engines and both APIs format them alike. */
import type { PropertyDef } from '../domain/property-defs.ts';
import { assertIdentifier } from '../domain/property-defs.ts';

/** RFC 3339 in UTC, cut to whole seconds (stored times may carry milliseconds), identical on PGlite and PostGIS. */
export function isoTimeSql(expr: string): string {
  return `to_char(${expr} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}

/** Column reference `alias.name`; identifiers come only from the allow-list and are re-checked. */
export function columnSql(alias: string, name: string): string {
  return `${assertIdentifier(alias)}.${assertIdentifier(name)}`;
}

/** The value expression of a property as it leaves the database (times become text). */
export function propertySql(alias: string, p: PropertyDef): string {
  const col = columnSql(alias, p.name);
  return p.type === 'date-time' ? isoTimeSql(col) : col;
}

/** `json_build_object('a', t.a, …)`; property names are allow-listed identifiers, safe as literals. */
export function propertiesJsonSql(alias: string, props: readonly PropertyDef[]): string {
  if (props.length === 0) return `'{}'::json`;
  return `json_build_object(${props.map((p) => `'${assertIdentifier(p.name)}', ${propertySql(alias, p)}`).join(', ')})`;
}
