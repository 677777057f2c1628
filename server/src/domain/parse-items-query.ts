/** Turns the query string of `/collections/{id}/items` into a validated, typed query. */
import { invalidParameter, quoteInput } from './api-error.ts';
import type { CollectionDef } from './collections.ts';
import { queryablesOf } from './collections.ts';
import { parseBbox, type Bbox } from './parse-bbox.ts';
import { parseDatetime, type DatetimeRange } from './parse-datetime.ts';
import { parseStrictInteger } from './parse-number.ts';
import { parseLimit, parseOffset } from './parse-paging.ts';
import type { PropertyDef } from './property-defs.ts';
import { checkFormat, readParams, type RawQuery } from './read-params.ts';

export interface PropertyFilter {
  readonly property: PropertyDef;
  readonly value: string | number | boolean;
}

export interface ItemsQuery {
  readonly bbox: Bbox | null;
  readonly datetime: DatetimeRange | null;
  readonly filters: readonly PropertyFilter[];
  readonly limit: number;
  readonly offset: number;
}

const COMMON = ['f', 'bbox', 'limit', 'offset', 'datetime'];

/** The query parameters `/items` accepts for this collection. */
export function itemsParameters(c: CollectionDef): Set<string> {
  return new Set([...COMMON, ...queryablesOf(c).map((q) => q.name)]);
}

/**
 * Parses a property filter value against its queryable's type, enum and pattern, so only
 * well-formed codes and known values ever reach SQL (as parameters, never as text).
 * @throws ApiError 400 naming the property.
 */
export function parseFilterValue(p: PropertyDef, raw: string): string | number | boolean {
  const fail = (why: string) => invalidParameter(p.name, `${p.name} ${quoteInput(raw)} ${why}`);
  if (p.type === 'boolean') {
    if (raw === 'true' || raw === 'false') return raw === 'true';
    throw fail('must be true or false');
  }
  if (p.type === 'integer') {
    const v = parseStrictInteger(raw);
    if (v === null) throw fail('must be a whole number');
    return v;
  }
  if (p.enum && !p.enum.includes(raw)) throw fail(`must be one of ${p.enum.join(', ')}`);
  if (p.pattern && !new RegExp(p.pattern).test(raw)) throw fail('is not a valid code (ASCII letters and digits only)');
  return raw;
}

/**
 * Validates the items query string of a collection.
 * @throws ApiError 400 naming the offending parameter.
 */
export function parseItemsQuery(c: CollectionDef, query: RawQuery): ItemsQuery {
  const params = readParams(query, itemsParameters(c));
  checkFormat(params.get('f'));
  const bboxRaw = params.get('bbox');
  const datetimeRaw = params.get('datetime');
  if (datetimeRaw !== undefined && !c.temporal) {
    throw invalidParameter('datetime', `collection ${c.id} has no time property, so datetime cannot filter it`);
  }
  const filters: PropertyFilter[] = [];
  for (const q of queryablesOf(c)) {
    const raw = params.get(q.name);
    if (raw !== undefined) filters.push({ property: q, value: parseFilterValue(q, raw) });
  }
  return {
    bbox: bboxRaw === undefined ? null : parseBbox(bboxRaw),
    datetime: datetimeRaw === undefined ? null : parseDatetime(datetimeRaw),
    filters,
    limit: parseLimit(params.get('limit')),
    offset: parseOffset(params.get('offset')),
  };
}
