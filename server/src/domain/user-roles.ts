/**
 * The roles a user account has, and what follows from one: the access scope of their reads, whether
 * they may write, and the workflow actor they act as (domain/actors.ts's who-may-act rules).
 * Analysts read everything but write nothing; a wall display reads and writes nothing personal.
 */
import type { AccessScope } from './access-scope.ts';
import { ROUTING } from './departments.ts';
import { DISPUTE_TYPES } from './dispute-types.ts';
import { findDepartment } from './handler-unit.ts';
import { DISTRICT_UNIT, ROLE_LABELS, ROLES, type Actor, type Role } from './actors.ts';

export const USER_ROLES = ['commander', 'town_leader', 'grid_worker', 'department_officer', 'analyst', 'display'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_ROLE_LABELS: Record<UserRole, { zh: string; en: string }> = {
  ...ROLE_LABELS,
  analyst: { zh: '分析员', en: 'Analyst' },
  display: { zh: '大屏展示', en: 'Wall display' },
};

/** Who is logged in, as the server and the client know them. */
export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  role: UserRole;
  /** District, town, grid or department code; null for analysts and displays. */
  unit: string | null;
  unit_name: string | null;
}

const isActorRole = (r: UserRole): r is Role => (ROLES as readonly string[]).includes(r);

/** The workflow actor a user acts as, or null for roles that never act (analyst, display). */
export function actorOf(u: Pick<SessionUser, 'role' | 'unit'>): Actor | null {
  if (!isActorRole(u.role) || u.unit === null) return null;
  return { role: u.role, unit: u.role === 'commander' ? DISTRICT_UNIT : u.unit };
}

/** The access scope of a user's reads. */
export function scopeOf(u: Pick<SessionUser, 'role' | 'unit'>): AccessScope {
  switch (u.role) {
    case 'commander': return { kind: 'all' };
    case 'town_leader': return { kind: 'town', town: u.unit! };
    // A grid code starts with its town's code (6 + 3 digits).
    case 'grid_worker': return { kind: 'grid', grid: u.unit!, town: u.unit!.slice(0, 9) };
    case 'department_officer': return {
      kind: 'department', department: u.unit!, departmentName: findDepartment(u.unit!)?.name ?? u.unit!,
      routedTypes: DISPUTE_TYPES.filter((t) => ROUTING[t].includes(u.unit!)),
    };
    case 'analyst': return { kind: 'analyst' };
    case 'display': return { kind: 'display' };
  }
}

/**
 * Whether the role may save an area report's definition (POST /api/area-reports): every role but the
 * wall display. Saving a report changes no governance data, so analysts, who may not write, may.
 */
export function maySaveAreaReports(role: UserRole): boolean {
  return role !== 'display';
}

/** Whether the role may change anything (reports, actions, letters). */
export function mayWrite(role: UserRole): boolean {
  return role !== 'analyst' && role !== 'display';
}

/** True when an actor named in a request body is the session's own (or none is named). */
export function sameActor(session: Actor, claimed: Actor | null): boolean {
  return claimed === null || (claimed.role === session.role && claimed.unit === session.unit);
}
