/**
 * The monthly ledger's rows (一表一帐) and how a request selects them: filters by status, type and
 * level, a sort on an allow-listed field, and paging. Sorting happens here, not in SQL: a town's month
 * is a few hundred rows, all of which the statistics table needs anyway.
 */
import { invalidParameter } from './api-error.ts';
import { DISPUTE_TYPE_LABELS, DISPUTE_TYPES, HANDLING_LEVELS, type DisputeStatus, type DisputeType, type HandlingLevel } from './dispute-types.ts';
import { parseChoice, STATUS_FILTERS, type StatusFilter } from './parse-cluster-query.ts';
import { parseLimit, parseOffset } from './parse-paging.ts';

/** One dispute as the ledger shows it at its as-of instant (times ISO 8601 UTC). */
export interface LedgerRow {
  id: number; code: string; reported_at: string; type: DisputeType; type_label: { zh: string; en: string };
  village_code: string; village: string; grid_code: string; grid: string; level: HandlingLevel; status: DisputeStatus;
  handler_unit: string; due_at: string; resolved_at: string | null; outcome: string | null; overdue: boolean;
  summary: string; carried_over: boolean;
}

/** A row from sql/ledger-sql.ts, before the domain adds the label and the overdue flag. */
export type LedgerSqlRow = Omit<LedgerRow, 'type_label' | 'overdue' | 'id'> & { id: unknown };

/** Adds the type label and `overdue`: unresolved at `asOfIso` and past its due date then. */
export function toLedgerRow(r: LedgerSqlRow, asOfIso: string): LedgerRow {
  const overdue = r.status !== 'resolved' && r.due_at < asOfIso;
  return { ...r, id: Number(r.id), type_label: DISPUTE_TYPE_LABELS[r.type], overdue };
}

export const LEDGER_SORT_FIELDS = ['reported_at', 'code', 'type', 'village', 'grid', 'level', 'status', 'due_at', 'resolved_at', 'overdue'] as const;
export type LedgerSortField = (typeof LEDGER_SORT_FIELDS)[number];

export interface LedgerQuery {
  status: StatusFilter | null; type: DisputeType | null; level: HandlingLevel | null;
  sort: LedgerSortField; order: 'asc' | 'desc'; limit: number | null; offset: number;
}

/**
 * Reads the ledger's selection parameters (the route has checked that no others were given).
 * `limit` is optional (all rows); `status=open` is every status but resolved.
 * @throws ApiError 400 naming the parameter.
 */
export function parseLedgerQuery(params: Map<string, string>): LedgerQuery {
  const order = parseChoice('order', params.get('order'), ['asc', 'desc'] as const) ?? 'asc';
  const limitRaw = params.get('limit');
  return {
    status: parseChoice('status', params.get('status'), STATUS_FILTERS),
    type: parseChoice('type', params.get('type'), DISPUTE_TYPES),
    level: parseChoice('level', params.get('level'), HANDLING_LEVELS),
    sort: parseChoice('sort', params.get('sort'), LEDGER_SORT_FIELDS) ?? 'reported_at',
    order, limit: limitRaw === undefined ? null : parseLimit(limitRaw), offset: parseOffset(params.get('offset')),
  };
}

const compareValues = (a: string | boolean | null, b: string | boolean | null): number => {
  if (a === b) return 0;
  if (a === null) return 1; // empty values last in either order
  if (b === null) return -1;
  return a < b ? -1 : 1;
};

/** The rows that pass the filters, sorted (ties by reported_at, then id) and paged; total before paging. */
export function selectLedgerRows(rows: readonly LedgerRow[], q: LedgerQuery): { total: number; rows: LedgerRow[] } {
  if (q.offset > 0 && q.limit === null) throw invalidParameter('offset', 'offset needs a limit');
  const kept = rows.filter((r) => (q.status === null || (q.status === 'open' ? r.status !== 'resolved' : r.status === q.status))
    && (q.type === null || r.type === q.type) && (q.level === null || r.level === q.level));
  const dir = q.order === 'asc' ? 1 : -1;
  kept.sort((a, b) => {
    const c = compareValues(a[q.sort], b[q.sort]);
    if (c !== 0) return a[q.sort] === null || b[q.sort] === null ? c : c * dir;
    return compareValues(a.reported_at, b.reported_at) || a.id - b.id;
  });
  const end = q.limit === null ? kept.length : q.offset + q.limit;
  return { total: kept.length, rows: kept.slice(q.offset, end) };
}
