import { describe, expect, it } from 'vitest';
import type { Actor } from './actors.ts';
import { DISPUTE_STATUSES, HANDLING_LEVELS, type DisputeStatus, type HandlingLevel } from './dispute-types.ts';
import { DISPUTE_ACTIONS, allowedActions, decide, reportRefusal, type CaseState, type DisputeAction } from './dispute-workflow.ts';
import { DEFAULT_TIME_LIMITS, parseTimeLimits } from './time-limits.ts';

const NOW = new Date('2026-11-20T02:00:00Z');
const DAY = 86_400_000;
const env = { now: NOW, limits: DEFAULT_TIME_LIMITS, names: { village: '东关', town: '东关街道' } };

function state(status: DisputeStatus, level: HandlingLevel): CaseState {
  return {
    status, level, type: 'neighbour', grid_code: '620802001001001', town_code: '620802001',
    department: level === 'department' ? 'sifa' : null, handler_unit: 'x', due_at: new Date(NOW.getTime() + 5 * DAY),
  };
}

/** Where each action may start, written out: status@level. */
const STATE_OK: Record<DisputeAction, string[]> = {
  accept: ['reported@village', 'reported@town', 'reported@department', 'escalated@village', 'escalated@town', 'escalated@department',
    'transferred@village', 'transferred@town', 'transferred@department'],
  mediate: ['accepted@village', 'accepted@town', 'accepted@department', 'escalated@village', 'escalated@town', 'escalated@department',
    'transferred@village', 'transferred@town', 'transferred@department'],
  resolve: ['mediating@village', 'mediating@town', 'mediating@department'],
  escalate: ['accepted@village', 'mediating@village', 'accepted@town', 'mediating@town'],
  transfer: ['escalated@department', 'transferred@department', 'accepted@department', 'mediating@department'],
};

/** The levels at which each role acts (on its own grid, town or department). */
const ROLE_LEVELS: Record<Actor['role'], HandlingLevel[]> = {
  grid_worker: ['village'], town_leader: ['village', 'town'], department_officer: ['department'], commander: ['village', 'town', 'department'],
};

const ACTORS: { actor: Actor; own: boolean }[] = [
  { actor: { role: 'grid_worker', unit: '620802001001001' }, own: true },
  { actor: { role: 'grid_worker', unit: '620802001001002' }, own: false },
  { actor: { role: 'town_leader', unit: '620802001' }, own: true },
  { actor: { role: 'town_leader', unit: '620802002' }, own: false },
  { actor: { role: 'department_officer', unit: 'sifa' }, own: true },
  { actor: { role: 'department_officer', unit: 'zhujian' }, own: false },
  { actor: { role: 'commander', unit: '620802' }, own: true },
];

const INPUT: Record<DisputeAction, { outcome?: string; to?: string }> = {
  accept: {}, mediate: {}, resolve: { outcome: '双方达成和解' }, escalate: {}, transfer: { to: 'zhujian' },
};

const CASES = DISPUTE_ACTIONS.flatMap((action) => DISPUTE_STATUSES.flatMap((status) => HANDLING_LEVELS.flatMap((level) => ACTORS.map(({ actor, own }) => {
  const stateOk = STATE_OK[action].includes(`${status}@${level}`);
  const levelOk = ROLE_LEVELS[actor.role].includes(level);
  const code = status === 'resolved' ? 'resolved'
    : !stateOk ? (['escalate', 'transfer'].includes(action) && !STATE_OK[action].some((s) => s.endsWith(`@${level}`)) ? 'level' : 'state')
      : !levelOk ? 'role' : !own ? 'unit' : null;
  return { title: `${action} ${status}@${level} by ${actor.role} ${own ? 'own' : 'other'} unit`, action, status, level, actor, expected: code };
}))));

describe('dispute workflow: every state × action × role', () => {
  it('covers all 630 combinations', () => expect(CASES.length).toBe(5 * 6 * 3 * 7));

  it.each(CASES)('$title', ({ action, status, level, actor, expected }) => {
    const s = state(status, level);
    const d = decide(s, { action, actor, ...INPUT[action] }, env);
    if (expected === null) {
      expect(d.ok).toBe(true);
    } else {
      expect(d).toMatchObject({ ok: false, code: expected });
      if (!d.ok) expect(d.reason.zh.length * d.reason.en.length).toBeGreaterThan(0);
    }
    const listed = allowedActions(s, actor).find((a) => a.action === action)!;
    expect(listed.ok).toBe(expected === null);
    expect(listed.code).toBe(expected);
  });
});

describe('dispute workflow: next states', () => {
  const commander: Actor = { role: 'commander', unit: '620802' };
  const next = (s: CaseState, action: DisputeAction, extra: { outcome?: string; to?: string } = {}) => {
    const d = decide(s, { action, actor: commander, ...extra }, env);
    if (!d.ok) throw new Error(d.reason.en);
    return d.next;
  };

  it('accepts and mediates without moving the deadline', () => {
    expect(next(state('reported', 'village'), 'accept')).toMatchObject({ status: 'accepted', level: 'village', due_at: state('reported', 'village').due_at });
    expect(next(state('accepted', 'village'), 'mediate')).toMatchObject({ status: 'mediating', level: 'village' });
  });

  it('resolves with the outcome trimmed and the time of resolution', () => {
    expect(next(state('mediating', 'town'), 'resolve', { outcome: '  达成协议 ' })).toMatchObject({ status: 'resolved', outcome: '达成协议', resolved_at: NOW });
  });

  it('escalates village → town with the town centre as handler and a town deadline', () => {
    expect(next(state('mediating', 'village'), 'escalate')).toEqual({
      status: 'escalated', level: 'town', department: null, handler_unit: '东关街道综治中心', due_at: new Date(NOW.getTime() + 30 * DAY), resolved_at: null, outcome: null,
    });
  });

  it('escalates town → the lead department from ROUTING, or another routed one when named', () => {
    expect(next(state('accepted', 'town'), 'escalate')).toMatchObject({ level: 'department', department: 'sifa', handler_unit: '区司法局', due_at: new Date(NOW.getTime() + 60 * DAY) });
    const family = { ...state('accepted', 'town'), type: 'marriage_family' as const };
    expect(next(family, 'escalate', { to: 'gongan' })).toMatchObject({ department: 'gongan', handler_unit: '区公安分局' });
  });

  it('refuses escalation to a department not routed for the type, naming `to`', () => {
    expect(decide(state('accepted', 'town'), { action: 'escalate', actor: commander, to: 'zhujian' }, env)).toMatchObject({ ok: false, code: 'input', field: 'to' });
  });

  it('transfers between departments, never to the same one or to nothing', () => {
    expect(next(state('mediating', 'department'), 'transfer', { to: 'xinfang' })).toMatchObject({ status: 'transferred', department: 'xinfang', handler_unit: '区信访局' });
    expect(decide(state('mediating', 'department'), { action: 'transfer', actor: commander, to: 'sifa' }, env)).toMatchObject({ ok: false, code: 'input', field: 'to' });
    expect(decide(state('mediating', 'department'), { action: 'transfer', actor: commander }, env)).toMatchObject({ ok: false, code: 'input', field: 'to' });
  });

  it('refuses to resolve without an outcome, naming `outcome`', () => {
    expect(decide(state('mediating', 'village'), { action: 'resolve', actor: commander, outcome: '  ' }, env)).toMatchObject({ ok: false, code: 'input', field: 'outcome' });
  });

  it('takes the deadline from per-type limits when configured', () => {
    const limits = parseTimeLimits('{"types":{"neighbour":{"town":12}}}');
    const d = decide(state('accepted', 'village'), { action: 'escalate', actor: commander }, { ...env, limits });
    expect(d.ok && d.next.due_at).toEqual(new Date(NOW.getTime() + 12 * DAY));
  });

  it('never changes the state it is given', () => {
    const s = state('mediating', 'village');
    const copy = structuredClone(s);
    next(s, 'escalate');
    expect(s).toEqual(copy);
  });
});

describe('who may report where', () => {
  const place = { grid_code: '620802001001001', town_code: '620802001' };
  it.each([
    { actor: { role: 'grid_worker', unit: '620802001001001' }, ok: true },
    { actor: { role: 'grid_worker', unit: '620802001001009' }, ok: false },
    { actor: { role: 'town_leader', unit: '620802001' }, ok: true },
    { actor: { role: 'town_leader', unit: '620802003' }, ok: false },
    { actor: { role: 'department_officer', unit: 'gongan' }, ok: true },
    { actor: { role: 'commander', unit: '620802' }, ok: true },
  ] as { actor: Actor; ok: boolean }[])('$actor.role $actor.unit → $ok', ({ actor, ok }) => {
    expect(reportRefusal(place, actor) === null).toBe(ok);
  });
});
