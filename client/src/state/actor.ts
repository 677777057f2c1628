/**
 * Who the user acts as, until log-in exists (issue 5): a role and a unit, kept in localStorage and
 * sent with every write. The server checks the shape and the rules; this is not security.
 */
import { DISTRICT_UNIT, ROLES, type Actor, type Role } from '@domain/actors.ts';

const KEY = 'pingan.actor';
export const DEFAULT_ACTOR: Actor = { role: 'commander', unit: DISTRICT_UNIT };

export function loadActor(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): Actor {
  try {
    const a = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (a && (ROLES as readonly string[]).includes(a.role) && typeof a.unit === 'string' && a.unit) return { role: a.role as Role, unit: a.unit };
  } catch { /* fall through */ }
  return DEFAULT_ACTOR;
}

export function saveActor(a: Actor, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  storage?.setItem(KEY, JSON.stringify(a));
}
