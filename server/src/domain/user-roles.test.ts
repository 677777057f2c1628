import { describe, expect, it } from 'vitest';
import { scopeKey } from './access-scope.ts';
import { actorOf, mayWrite, sameActor, scopeOf, USER_ROLES, type UserRole } from './user-roles.ts';

const CASES: { role: UserRole; unit: string | null; scope: object; actor: object | null; writes: boolean }[] = [
  { role: 'commander', unit: '620802', scope: { kind: 'all' }, actor: { role: 'commander', unit: '620802' }, writes: true },
  { role: 'town_leader', unit: '620802103', scope: { kind: 'town', town: '620802103' }, actor: { role: 'town_leader', unit: '620802103' }, writes: true },
  { role: 'grid_worker', unit: '620802103201002', scope: { kind: 'grid', grid: '620802103201002', town: '620802103' }, actor: { role: 'grid_worker', unit: '620802103201002' }, writes: true },
  { role: 'department_officer', unit: 'sifa', scope: { kind: 'department', department: 'sifa', departmentName: '区司法局', routedTypes: ['neighbour', 'debt'] }, actor: { role: 'department_officer', unit: 'sifa' }, writes: true },
  { role: 'analyst', unit: null, scope: { kind: 'analyst' }, actor: null, writes: false },
  { role: 'display', unit: null, scope: { kind: 'display' }, actor: null, writes: false },
];

describe('user roles', () => {
  it.each(CASES)('$role: scope, actor and write permission', ({ role, unit, scope, actor, writes }) => {
    expect(scopeOf({ role, unit })).toEqual(scope);
    expect(actorOf({ role, unit })).toEqual(actor);
    expect(mayWrite(role)).toBe(writes);
  });

  it('covers every role', () => {
    expect(CASES.map((c) => c.role).sort()).toEqual([...USER_ROLES].sort());
  });

  it('gives every scope its own cache key', () => {
    const keys = [...CASES, { role: 'town_leader' as const, unit: '620802001' }, { role: 'grid_worker' as const, unit: '620802001001001' }]
      .map((c) => scopeKey(scopeOf(c)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(scopeKey(scopeOf({ role: 'commander', unit: '620802' }))).toBe('all');
  });

  it('accepts no claimed actor or the same one, and nothing else', () => {
    const a = { role: 'grid_worker' as const, unit: '620802103201002' };
    expect(sameActor(a, null)).toBe(true);
    expect(sameActor(a, { ...a })).toBe(true);
    expect(sameActor(a, { ...a, unit: '620802103201003' })).toBe(false);
    expect(sameActor(a, { role: 'commander', unit: '620802' })).toBe(false);
  });
});
