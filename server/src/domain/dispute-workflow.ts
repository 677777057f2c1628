/**
 * The dispute state machine, pure (after iD's actions: state → state, with a disabled() reason).
 *
 *   reported ─accept→ accepted ─mediate→ mediating ─resolve(outcome)→ resolved
 *   accepted | mediating ─escalate→ escalated (village → town → department; the department from ROUTING)
 *   escalated ─accept | mediate→ … at the new level
 *   at department level: escalated | accepted | mediating | transferred ─transfer(to)→ transferred
 *
 * Who may act: the commander always; a grid worker on village-level disputes of their own grid; a town
 * leader on village- and town-level disputes of their own town; a department officer on
 * department-level disputes their department handles. Reporting: grid workers in their own grid, town
 * leaders in their own town, department officers and the commander anywhere in the district.
 */
import type { Actor } from './actors.ts';
import { ROUTING } from './departments.ts';
import { CRIMINAL_RISK_SHARE, type DisputeStatus, type DisputeType, type HandlingLevel } from './dispute-types.ts';
import { findDepartment, handlerUnit, type PlaceNames } from './handler-unit.ts';
import { dueAt, type TimeLimits } from './time-limits.ts';
import { REASONS, type Refusal } from './workflow-reasons.ts';

export const DISPUTE_ACTIONS = ['accept', 'mediate', 'resolve', 'escalate', 'transfer'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

/** What the machine needs to know of a dispute. `department`: the handling department's code at that level. */
export interface CaseState {
  status: DisputeStatus;
  level: HandlingLevel;
  type: DisputeType;
  grid_code: string;
  town_code: string;
  department: string | null;
  handler_unit: string;
  due_at: Date;
}

export interface ActionInput {
  action: DisputeAction;
  actor: Actor;
  /** resolve: how it was settled (required). */
  outcome?: string | null;
  /** escalate to department: which one (default ROUTING's lead); transfer: the receiving department (required). */
  to?: string | null;
  note?: string | null;
}

export interface CaseNext {
  status: DisputeStatus;
  level: HandlingLevel;
  department: string | null;
  handler_unit: string;
  due_at: Date;
  resolved_at: Date | null;
  outcome: string | null;
}

export type Decision = { ok: true; next: CaseNext } | ({ ok: false } & Refusal);

export interface MachineEnv { now: Date; limits: TimeLimits; names: PlaceNames }

const NEXT_LEVEL: Record<HandlingLevel, HandlingLevel | null> = { village: 'town', town: 'department', department: null };

/** The statuses each action starts from (and the levels, when not every level). */
const FROM: Record<DisputeAction, { statuses: DisputeStatus[]; levels?: HandlingLevel[] }> = {
  accept: { statuses: ['reported', 'escalated', 'transferred'] },
  mediate: { statuses: ['accepted', 'escalated', 'transferred'] },
  resolve: { statuses: ['mediating'] },
  escalate: { statuses: ['accepted', 'mediating'], levels: ['village', 'town'] },
  transfer: { statuses: ['escalated', 'transferred', 'accepted', 'mediating'], levels: ['department'] },
};

/** Whether the action can start from this state, regardless of who asks: null or the refusal. */
export function stateRefusal(s: Pick<CaseState, 'status' | 'level'>, action: DisputeAction): Refusal | null {
  if (s.status === 'resolved') return REASONS.alreadyResolved(action);
  const from = FROM[action];
  if (from.levels && !from.levels.includes(s.level)) return action === 'escalate' ? REASONS.topLevel() : REASONS.onlyAtDepartment();
  if (!from.statuses.includes(s.status)) return REASONS.wrongStatus(action, s.status);
  return null;
}

/** Whether this actor may act on the dispute at its current level: null or the refusal. */
export function authorityRefusal(s: Pick<CaseState, 'level' | 'grid_code' | 'town_code' | 'department'>, actor: Actor): Refusal | null {
  switch (actor.role) {
    case 'commander':
      return null;
    case 'grid_worker':
      if (s.level !== 'village') return REASONS.roleLevel(actor.role, s.level);
      return s.grid_code === actor.unit ? null : REASONS.notYourUnit(actor.role);
    case 'town_leader':
      if (s.level === 'department') return REASONS.roleLevel(actor.role, s.level);
      return s.town_code === actor.unit ? null : REASONS.notYourUnit(actor.role);
    case 'department_officer':
      if (s.level !== 'department') return REASONS.roleLevel(actor.role, s.level);
      return s.department === actor.unit ? null : REASONS.notYourUnit(actor.role);
  }
}

/** Whether this actor may report a dispute at a place (grid and town codes of the point). */
export function reportRefusal(place: { grid_code: string; town_code: string }, actor: Actor): Refusal | null {
  if (actor.role === 'grid_worker' && place.grid_code !== actor.unit) return REASONS.reportOutsideUnit(actor.role);
  if (actor.role === 'town_leader' && place.town_code !== actor.unit) return REASONS.reportOutsideUnit(actor.role);
  return null;
}

/** Applies one action: the next state, or why not. Never changes `s`. */
export function decide(s: CaseState, input: ActionInput, env: MachineEnv): Decision {
  const refused = stateRefusal(s, input.action) ?? authorityRefusal(s, input.actor);
  if (refused) return { ok: false, ...refused };
  const keep: CaseNext = { status: s.status, level: s.level, department: s.department, handler_unit: s.handler_unit, due_at: s.due_at, resolved_at: null, outcome: null };
  switch (input.action) {
    case 'accept':
      return { ok: true, next: { ...keep, status: 'accepted' } };
    case 'mediate':
      return { ok: true, next: { ...keep, status: 'mediating' } };
    case 'resolve': {
      const outcome = input.outcome?.trim();
      if (!outcome) return { ok: false, ...REASONS.missing('outcome') };
      return { ok: true, next: { ...keep, status: 'resolved', resolved_at: env.now, outcome } };
    }
    case 'escalate': {
      const level = NEXT_LEVEL[s.level]!;
      let department: string | null = null;
      if (level === 'department') {
        department = input.to ?? ROUTING[s.type][0];
        if (!ROUTING[s.type].includes(department)) return { ok: false, ...REASONS.notRouted(s.type, department) };
      }
      return { ok: true, next: moved(keep, level, department, s.type, env) };
    }
    case 'transfer': {
      const to = input.to ?? null;
      if (!to || !findDepartment(to)) return { ok: false, ...REASONS.missing('to') };
      if (to === s.department) return { ok: false, ...REASONS.sameDepartment() };
      return { ok: true, next: { ...moved(keep, 'department', to, s.type, env), status: 'transferred' } };
    }
  }
}

function moved(keep: CaseNext, level: HandlingLevel, department: string | null, type: DisputeType, env: MachineEnv): CaseNext {
  return {
    ...keep, status: 'escalated', level, department,
    handler_unit: handlerUnit(level, env.names, type, department ?? undefined),
    due_at: dueAt(env.now, level, type, env.limits),
  };
}

export interface AllowedAction { action: DisputeAction; ok: boolean; code: string | null; reason: { zh: string; en: string } | null }

/** Every action with whether this actor may take it now (for buttons enabled or disabled with a reason). */
export function allowedActions(s: CaseState, actor: Actor): AllowedAction[] {
  return DISPUTE_ACTIONS.map((action) => {
    const r = stateRefusal(s, action) ?? authorityRefusal(s, actor);
    return { action, ok: r === null, code: r?.code ?? null, reason: r?.reason ?? null };
  });
}

/**
 * A report is flagged at risk of turning criminal (民转刑) when the reporter says so; otherwise by its
 * type: the types the generated ledger flags at least 15% of the time (CRIMINAL_RISK_SHARE: marriage &
 * family 32%, land boundary 18%) are flagged, since a single report has no share to draw from.
 */
export const CRIMINAL_RISK_FLAG_SHARE = 0.15;

export function criminalRiskOf(type: DisputeType, stated: boolean | null): boolean {
  return stated ?? CRIMINAL_RISK_SHARE[type] >= CRIMINAL_RISK_FLAG_SHARE;
}
