/**
 * Personal data and who sees it. Parties' names, phones, ID numbers and addresses, and the names and
 * phones of staff (grid workers, community police, cadres, mediators), are shown in full to the roles
 * that act on them, masked for analysts and left out entirely for wall displays. Every response that
 * carries personal data passes through `applyPersonalPolicy`, so this file is the one copy of the rule.
 */
import type { UserRole } from './user-roles.ts';

/** full: as stored (the read is audited); masked: partly hidden (张**, 138****1234); none: null. */
export type PersonalPolicy = 'full' | 'masked' | 'none';

/** The kinds of personal value, each with its own mask. */
export type PersonalKind = 'name' | 'phone' | 'id_number' | 'address';

export function personalPolicyOf(role: UserRole): PersonalPolicy {
  if (role === 'analyst') return 'masked';
  if (role === 'display') return 'none';
  return 'full';
}

const chars = (s: string) => Array.from(s);

/** Masks one value: a name keeps its first character (张**), a phone its first 3 and last 4 digits,
 *  an ID number its first 6 (the place code) and last 1, an address its first 6 characters. */
export function maskValue(kind: PersonalKind, value: string): string {
  const c = chars(value);
  switch (kind) {
    case 'name': return c.length <= 1 ? '*' : c[0] + '*'.repeat(c.length - 1);
    case 'phone': return c.length <= 7 ? '*'.repeat(c.length) : c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('');
    case 'id_number': return c.length <= 7 ? '*'.repeat(c.length) : c.slice(0, 6).join('') + '*'.repeat(c.length - 7) + c.slice(-1).join('');
    case 'address': return c.length <= 6 ? '*'.repeat(c.length) : c.slice(0, 6).join('') + '***';
  }
}

/** One value under a policy: as is, masked, or null. Non-strings (null) stay as they are under full and masked. */
export function applyPolicy(policy: PersonalPolicy, kind: PersonalKind, value: unknown): unknown {
  if (policy === 'none') return null;
  if (policy === 'masked' && typeof value === 'string') return maskValue(kind, value);
  return value;
}

/** The personal fields of a flat record: field name → kind. */
export type PersonalFields = Readonly<Record<string, PersonalKind>>;

/**
 * A copy of `record` with its personal fields under the policy (fields absent from the record stay
 * absent). Returns `{ value, personal }`: `personal` is true when some personal value was returned
 * unmasked, i.e. when the read must be audited.
 */
export function applyPersonalPolicy<T extends object>(policy: PersonalPolicy, record: T, fields: PersonalFields): { value: T; personal: boolean } {
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  let personal = false;
  for (const [name, kind] of Object.entries(fields)) {
    if (!(name in out)) continue;
    const v = out[name];
    if (policy === 'full' && v !== null && v !== undefined && v !== '') personal = true;
    out[name] = applyPolicy(policy, kind, v);
  }
  return { value: out as T, personal };
}

/** The fields of one party to a dispute. */
export const PARTY_FIELDS: PersonalFields = { name: 'name', phone: 'phone', id_number: 'id_number', address: 'address' };
/** A staff contact ({name, phone}). */
export const CONTACT_FIELDS: PersonalFields = { name: 'name', phone: 'phone' };

/** A grid's contact card (联心卡): its grid worker, community police officer and cadre. */
export interface ContactCard {
  grid_worker: { name: unknown; phone: unknown; type: unknown };
  police: { name: unknown; phone: unknown };
  cadre: { name: unknown; phone: unknown };
}

/** A contact card under the policy; `personal` when some name or phone went out unmasked. */
export function contactCardUnderPolicy(policy: PersonalPolicy, card: ContactCard): { value: ContactCard; personal: boolean } {
  const w = applyPersonalPolicy(policy, card.grid_worker, CONTACT_FIELDS);
  const p = applyPersonalPolicy(policy, card.police, CONTACT_FIELDS);
  const c = applyPersonalPolicy(policy, card.cadre, CONTACT_FIELDS);
  return { value: { grid_worker: w.value, police: p.value, cadre: c.value }, personal: w.personal || p.personal || c.personal };
}
