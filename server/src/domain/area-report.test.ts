import { describe, expect, it } from 'vitest';
import { areaReportFigures, type ReportDispute, type ReportGrid } from './area-report.ts';

const d = (p: Partial<ReportDispute>): ReportDispute => ({
  id: 1, type: 'neighbour', status: 'resolved', level: 'village', month: '2026-09', resolved: true, resolved_in_month: true, open: false, overdue: false,
  criminal_risk: false, repeat: false, near_camera: false, near_xueliang: false, near_pingan: false, ...p,
});
const g = (p: Partial<ReportGrid>): ReportGrid => ({ code: 'g', town_code: 't1', village_code: 'v1', households: 100, population: 300, share: 1, level: 'blue', hotspot: null, ...p });

describe('areaReportFigures', () => {
  const disputes = [
    d({ id: 1 }),
    d({ id: 2, month: '2026-10', resolved_in_month: false, level: 'town' }),
    d({ id: 3, month: '2026-10', status: 'mediating', resolved: false, resolved_in_month: false, open: true, overdue: true, type: 'debt', near_camera: true, near_pingan: true }),
    d({ id: 4, month: '2026-10', status: 'reported', resolved: false, resolved_in_month: false, open: true, criminal_risk: true, repeat: true, near_camera: true, near_xueliang: true }),
  ];
  const grids = [g({ code: 'a', share: 1, level: 'red', hotspot: 'hot99' }), g({ code: 'b', share: 0.5, level: 'blue', village_code: 'v2' }), g({ code: 'c', share: 0.25, level: 'blue', town_code: 't2', village_code: 'v3' })];
  const f = areaReportFigures(disputes, grids, { from: '2026-09', to: '2026-10' }, 100);

  it('counts by type, status, level and month', () => {
    expect(f.disputes.total).toBe(4);
    expect(f.disputes.by_type).toMatchObject({ neighbour: 3, debt: 1, labour: 0 });
    expect(f.disputes.by_status).toMatchObject({ resolved: 2, mediating: 1, reported: 1, escalated: 0 });
    expect(f.disputes.by_level).toEqual({ village: 3, town: 1, department: 0 });
    // September: 1 reported, resolved in the month → 100%; October: 3 reported, none resolved in their month → 0%.
    expect(f.disputes.by_month).toEqual([
      { month: '2026-09', reported: 1, resolved_in_month: 1, resolution_rate: 100 },
      { month: '2026-10', reported: 3, resolved_in_month: 0, resolution_rate: 0 },
    ]);
    expect([f.disputes.open, f.disputes.overdue, f.disputes.criminal_risk, f.disputes.repeat]).toEqual([2, 1, 1, 1]);
  });
  it('pools the resolution rate and gives the level shares of the resolved', () => {
    // 1 of 4 resolved within its month → 25%; 2 resolved, one at village and one at town level.
    expect(f.resolution).toMatchObject({ found: 4, resolved: 2, resolved_in_month: 1, resolution_rate: 25, level_shares: { village: 50, town: 50, department: 0 } });
  });
  it('apportions households and residents by the share of each grid inside', () => {
    // 100×1 + 100×0.5 + 100×0.25 = 175 households; 300×1.75 = 525 residents.
    expect(f.coverage).toEqual({ grids_touched: 3, grids_inside: 1, villages: 3, towns: ['t1', 't2'], households: 175, population: 525 });
    expect(f.risk.red).toEqual({ grids: 1, households: 100 });
    expect(f.risk.blue).toEqual({ grids: 2, households: 75 });
    expect(f.risk.orange).toEqual({ grids: 0, households: 0 });
  });
  it('counts the grids touched by Gi* class', () => {
    expect(f.hotspots).toEqual({ hot: 1, cold: 0, by_class: { hot99: 1, hot95: 0, hot90: 0, cold90: 0, cold95: 0, cold99: 0 } });
  });
  it('gives the camera coverage as a share of the disputes', () => {
    expect(f.cameras).toEqual({ within_m: 100, covered: 2, share: 50, xueliang: { covered: 1, share: 25 }, pingan: { covered: 1, share: 25 } });
  });
  it('gives no rates when there are no disputes', () => {
    const empty = areaReportFigures([], [], { from: '2026-10', to: '2026-10' }, 100);
    expect(empty.resolution.resolution_rate).toBeNull();
    expect(empty.cameras.share).toBeNull();
    expect(empty.disputes.by_month).toEqual([{ month: '2026-10', reported: 0, resolved_in_month: 0, resolution_rate: null }]);
  });
});
