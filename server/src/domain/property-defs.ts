/**
 * Describes the properties a collection exposes. The names double as SQL column names, so this
 * allow-list is the only place identifiers come from; `assertIdentifier` guards it at load time.
 */
import type { PersonalKind } from './personal-data.ts';

export type PropertyType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time';

export interface PropertyDef {
  /** Property name in the API and column name in the table (identical by design). */
  readonly name: string;
  readonly type: PropertyType;
  readonly title: string;
  readonly nullable?: boolean;
  readonly enum?: readonly string[];
  /** Regular expression a filter value must match (codes: ASCII letters and digits only). */
  readonly pattern?: string;
  /** May be used as `?name=value` on items (OGC Features Part 3 queryables). */
  readonly queryable?: boolean;
  /** Also carried in vector tiles (kept lean: no contact details, no long text). */
  readonly inTiles?: boolean;
  /** Personal data of this kind (a staff name or phone): masked or left out by role (domain/personal-data.ts); never in tiles. */
  readonly personal?: PersonalKind;
}

const IDENT = /^[a-z][a-z0-9_]{0,62}$/;

/** Throws at module load if an allow-listed identifier could ever need quoting. */
export function assertIdentifier(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return name;
}

export const CODE_PATTERN = '^[0-9A-Za-z]{1,40}$';

type Opts = Omit<PropertyDef, 'name' | 'type' | 'title'>;
const def = (name: string, type: PropertyType, title: string, opts: Opts = {}): PropertyDef =>
  Object.freeze({ name: assertIdentifier(name), type, title, ...opts });

/** Text shown as-is (names, phones); not filterable. */
export const text = (name: string, title: string, opts: Opts = {}) => def(name, 'string', title, opts);
/** Whole numbers (counts, households). */
export const integer = (name: string, title: string, opts: Opts = {}) => def(name, 'integer', title, opts);
/** Real numbers (areas). */
export const number = (name: string, title: string, opts: Opts = {}) => def(name, 'number', title, opts);
/** Instants, served as RFC 3339 UTC strings. */
export const instant = (name: string, title: string, opts: Opts = {}) => def(name, 'date-time', title, opts);
/** A code (own or a reference to a parent unit): filterable, pattern-checked, in tiles. */
export const code = (name: string, title: string, opts: Opts = {}) =>
  def(name, 'string', title, { queryable: true, pattern: CODE_PATTERN, inTiles: true, ...opts });
/** A closed set of values: filterable, checked against the set, in tiles. */
export const choice = (name: string, title: string, values: readonly string[], opts: Opts = {}) =>
  def(name, 'string', title, { queryable: true, enum: values, inTiles: true, ...opts });
/** A yes/no flag: filterable with true/false, in tiles. */
export const flag = (name: string, title: string, opts: Opts = {}) =>
  def(name, 'boolean', title, { queryable: true, inTiles: true, ...opts });

/** The feature's display name, carried in tiles for labels. */
export const NAME = text('name', 'Name', { inTiles: true });
