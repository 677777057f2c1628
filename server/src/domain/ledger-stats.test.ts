import { describe, expect, it } from 'vitest';
import { ledgerStats, type LedgerStatsRow } from './ledger-stats.ts';

// A hand-made ledger of one town-month, as at the month end. "found" = reported this month,
// "carried" = reported earlier and still unresolved when the month began.
const R = (type: LedgerStatsRow['type'], status: LedgerStatsRow['status'], level: LedgerStatsRow['level'], carried: boolean, overdue = false): LedgerStatsRow =>
  ({ type, status, level, carried_over: carried, resolved_at: status === 'resolved' ? '2026-10-20T02:00:00.000Z' : null, overdue });
const ROWS: LedgerStatsRow[] = [
  R('neighbour', 'resolved', 'village', false), //        1 found, resolved at village
  R('neighbour', 'resolved', 'town', false), //           2 found, resolved at town
  R('neighbour', 'mediating', 'village', false, true), // 3 found, open, overdue
  R('land_boundary', 'resolved', 'village', true), //     4 carried over, resolved this month
  R('land_boundary', 'escalated', 'town', true, true), // 5 carried over, open, overdue
  R('marriage_family', 'resolved', 'department', false), // 6 found, resolved by a department
  R('marriage_family', 'resolved', 'village', false), //  7 found, resolved at village
  R('debt', 'mediating', 'village', true), //             8 carried over, still open
];

describe('ledgerStats on a hand-computed ledger', () => {
  const s = ledgerStats(ROWS);
  it('counts found, carried over, resolved and carried into the next month', () => {
    // found: 1,2,3,6,7 = 5; carried: 4,5,8 = 3; resolved this month: 1,2,4,6,7 = 5; still open: 3,5,8 = 3; overdue: 3,5
    expect([s.total, s.found, s.carried_over, s.resolved_this_month, s.carried_into_next_month, s.overdue]).toEqual([8, 5, 3, 5, 3, 2]);
  });
  it('computes the monthly resolution rate over the disputes found this month only', () => {
    // found and resolved in the month: 1,2,6,7 = 4 of 5 → 80.0% (row 4 is resolved but was carried over)
    expect(s.resolved_in_month).toBe(4);
    expect(s.resolution_rate).toBe(80);
  });
  it('gives level shares of the found-and-resolved ones', () => {
    // village: 1,7; town: 2; department: 6 → 2/4, 1/4, 1/4
    expect(s.resolved_by_level).toEqual({ village: 2, town: 1, department: 1 });
    expect(s.level_shares).toEqual({ village: 50, town: 25, department: 25 });
  });
  it('tabulates type × status with totals, every type listed', () => {
    const row = (t: string) => s.by_type.find((x) => x.type === t)!;
    expect(s.by_type).toHaveLength(9);
    expect([row('neighbour').total, row('neighbour').by_status.resolved, row('neighbour').by_status.mediating]).toEqual([3, 2, 1]);
    expect([row('land_boundary').by_status.resolved, row('land_boundary').by_status.escalated]).toEqual([1, 1]);
    expect(row('marriage_family').by_status.resolved).toBe(2);
    expect(row('debt').by_status.mediating).toBe(1);
    expect(row('traffic').total).toBe(0);
    expect(row('neighbour').label.zh).toBe('邻里纠纷');
    expect(s.by_status).toEqual({ reported: 0, accepted: 0, mediating: 2, escalated: 1, transferred: 0, resolved: 5 });
    expect(s.by_level).toEqual({ village: 5, town: 2, department: 1 });
  });
  it('has no rate, not 100%, for a month without disputes', () => {
    const e = ledgerStats([]);
    expect([e.found, e.resolution_rate, e.level_shares.village]).toEqual([0, null, null]);
  });
});
