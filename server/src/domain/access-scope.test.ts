import { describe, expect, it } from 'vitest';
import { areaInScope, disputeInScope, scopeKey, type AccessScope, type DisputePlace } from './access-scope.ts';

const TOWN = '620802103';
const GRID = '620802103200001';
const town: AccessScope = { kind: 'town', town: TOWN };
const grid: AccessScope = { kind: 'grid', grid: GRID, town: TOWN };
const dept: AccessScope = { kind: 'department', department: 'sifa', departmentName: '区司法局', routedTypes: ['neighbour', 'debt'] };
const ALL: AccessScope[] = [{ kind: 'all' }, town, grid, dept, { kind: 'analyst' }, { kind: 'display' }];

const place = (p: Partial<DisputePlace>): DisputePlace => ({ type: 'labour', town_code: TOWN, grid_code: GRID, handler_unit: '某村调委会', letter_units: [], ...p });

describe('areaInScope', () => {
  const cases: [string, AccessScope, string, boolean][] = [
    ['town sees itself', town, TOWN, true],
    ['town sees its village', town, '620802103200', true],
    ['town sees its grid', town, '620802103200007', true],
    ['town does not see the district', town, '620802', false],
    ['town does not see another town', town, '620802104', false],
    ['town does not see a grid of another town', town, '620802104200001', false],
    ['grid sees itself', grid, GRID, true],
    ['grid does not see its village', grid, '620802103200', false],
    ['grid does not see its town', grid, TOWN, false],
    ['grid does not see a neighbour grid', grid, '620802103200002', false],
    ['department sees the district', dept, '620802', true],
    ['department sees any grid', dept, '620802104200001', true],
  ];
  it.each(cases)('%s', (_n, scope, code, want) => {
    expect(areaInScope(scope, code)).toBe(want);
  });
  it('all, analyst and display see every area', () => {
    for (const s of ALL.filter((x) => ['all', 'analyst', 'display'].includes(x.kind))) {
      for (const code of ['620802', TOWN, GRID, '620802117']) expect(areaInScope(s, code)).toBe(true);
    }
  });
});

describe('disputeInScope', () => {
  const cases: [string, AccessScope, DisputePlace, boolean][] = [
    ['town: own town', town, place({}), true],
    ['town: other town', town, place({ town_code: '620802104', grid_code: '620802104200001' }), false],
    ['grid: own grid', grid, place({}), true],
    ['grid: other grid of the same town', grid, place({ grid_code: '620802103200002' }), false],
    ['department: handles it', dept, place({ handler_unit: '区司法局' }), true],
    ['department: a letter to it', dept, place({ letter_units: [TOWN, 'sifa'] }), true],
    ['department: a type routed to it (its sector)', dept, place({ type: 'debt' }), true],
    ['department: neither', dept, place({ handler_unit: '区住建局', letter_units: ['zhujian'] }), false],
  ];
  it.each(cases)('%s', (_n, scope, p, want) => {
    expect(disputeInScope(scope, p)).toBe(want);
  });
});

describe('scopeKey', () => {
  it('differs for every scope', () => {
    expect(new Set(ALL.map(scopeKey)).size).toBe(ALL.length);
  });
});
