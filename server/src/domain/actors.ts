/**
 * Who is acting. Until login exists (a later issue) the caller names itself in the request body as
 * `actor: {role, unit}` and the server trusts it after checking its shape: this is a stand-in for a
 * session, not security. Units: a grid worker's grid code (15 digits), a town leader's town code
 * (9 digits), a department officer's DEPARTMENTS code, the commander's district code 620802.
 */
import { invalidParameter, quoteInput } from './api-error.ts';
import { DEPARTMENTS } from './departments.ts';

export const ROLES = ['grid_worker', 'town_leader', 'department_officer', 'commander'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor { role: Role; unit: string }

export const DISTRICT_UNIT = '620802';

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  town_leader: { zh: '乡镇（街道）领导', en: 'Town leader' },
  department_officer: { zh: '部门干部', en: 'Department officer' },
  commander: { zh: '区综治中心指挥长', en: 'District commander' },
};

const UNIT_RULES: Record<Role, { test: (u: string) => boolean; what: string }> = {
  grid_worker: { test: (u) => /^620802\d{9}$/.test(u), what: 'a grid code (15 digits, e.g. 620802001001001)' },
  town_leader: { test: (u) => /^620802\d{3}$/.test(u), what: 'a town code (9 digits, e.g. 620802001)' },
  department_officer: { test: (u) => DEPARTMENTS.some((d) => d.code === u), what: `a department code (${DEPARTMENTS.map((d) => d.code).join(', ')})` },
  commander: { test: (u) => u === DISTRICT_UNIT, what: `the district code ${DISTRICT_UNIT}` },
};

/**
 * Validates `actor` from a request body, or with field '' the separate role/unit query parameters.
 * @throws ApiError 400 naming the field (`actor.role`, `actor.unit`, or `role`, `unit`).
 */
export function parseActor(raw: unknown, field = 'actor'): Actor {
  const name = (k: string) => (field ? `${field}.${k}` : k);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidParameter(field || 'role', `${field || 'role and unit'} required: {"role": "${ROLES.join('|')}", "unit": "…"}`);
  const { role, unit, ...rest } = raw as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw invalidParameter(name(extra.slice(0, 40)), `${field} has only role and unit`);
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw invalidParameter(name('role'), `${name('role')} must be one of ${ROLES.join(', ')}${typeof role === 'string' ? `, got ${quoteInput(role)}` : ''}`);
  }
  const rule = UNIT_RULES[role as Role];
  if (typeof unit !== 'string' || !rule.test(unit)) {
    throw invalidParameter(name('unit'), `${name('unit')} of a ${role} must be ${rule.what}${typeof unit === 'string' ? `, got ${quoteInput(unit)}` : ''}`);
  }
  return { role: role as Role, unit };
}

/**
 * How the history names an actor: a department by name, a town leader by town, a grid worker by
 * grid code (never a person's name: the history is read by analysts too), the commander by title.
 */
export function actorLabel(actor: Actor, townName?: string): string {
  if (actor.role === 'department_officer') return DEPARTMENTS.find((d) => d.code === actor.unit)!.name;
  if (actor.role === 'town_leader' && townName) return `${townName}领导`;
  return actor.role === 'grid_worker' ? `${ROLE_LABELS.grid_worker.zh} ${actor.unit}` : ROLE_LABELS[actor.role].zh;
}
