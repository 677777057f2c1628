/**
 * The checklist statistics table (清单统计表) beside a town's monthly ledger, from its rows:
 * counts by type × status (as at the ledger's as-of instant), found this month, carried over from
 * earlier months, resolved this month (found or carried over), carried into the next month (still
 * unresolved at the as-of instant), overdue, and the monthly resolution rate and level shares of the
 * disputes found this month (domain/resolution-rate.ts: the one definition).
 */
import { DISPUTE_STATUSES, DISPUTE_TYPE_LABELS, DISPUTE_TYPES, HANDLING_LEVELS, type DisputeStatus, type DisputeType, type HandlingLevel } from './dispute-types.ts';
import { withRates } from './resolution-rate.ts';

export interface LedgerStatsRow {
  type: DisputeType; status: DisputeStatus; level: HandlingLevel; carried_over: boolean; resolved_at: string | null; overdue: boolean;
}

const zeroStatuses = (): Record<DisputeStatus, number> => Object.fromEntries(DISPUTE_STATUSES.map((s) => [s, 0])) as Record<DisputeStatus, number>;

export function ledgerStats(rows: readonly LedgerStatsRow[]) {
  const byType = DISPUTE_TYPES.map((type) => ({ type, label: DISPUTE_TYPE_LABELS[type], total: 0, by_status: zeroStatuses() }));
  const byStatus = zeroStatuses();
  const byLevel = Object.fromEntries(HANDLING_LEVELS.map((l) => [l, 0])) as Record<HandlingLevel, number>;
  const found = rows.filter((r) => !r.carried_over);
  const foundResolved = found.filter((r) => r.resolved_at !== null);
  const resolvedByLevel = { village: 0, town: 0, department: 0 };
  for (const r of rows) {
    const t = byType[DISPUTE_TYPES.indexOf(r.type)];
    t.total++; t.by_status[r.status]++; byStatus[r.status]++; byLevel[r.level]++;
  }
  for (const r of foundResolved) resolvedByLevel[r.level]++;
  const rates = withRates({ found: found.length, resolved_in_month: foundResolved.length, resolved: foundResolved.length, resolved_by_level: resolvedByLevel });
  return {
    total: rows.length,
    found: found.length,
    carried_over: rows.length - found.length,
    resolved_this_month: rows.filter((r) => r.resolved_at !== null).length,
    resolved_in_month: foundResolved.length,
    carried_into_next_month: rows.filter((r) => r.resolved_at === null).length,
    overdue: rows.filter((r) => r.overdue).length,
    resolution_rate: rates.resolution_rate,
    resolved_by_level: resolvedByLevel,
    level_shares: rates.level_shares,
    by_level: byLevel,
    by_status: byStatus,
    by_type: byType,
  };
}

export type LedgerStats = ReturnType<typeof ledgerStats>;
