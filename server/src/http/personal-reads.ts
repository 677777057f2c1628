/**
 * Personal data on the way out of the API: the request user's policy (domain/personal-data.ts) applied
 * to records, and an audit entry (`read_personal`: who, which records, from where) written before
 * the answer leaves whenever personal data goes out unmasked.
 */
import type { Request } from 'express';
import { applyPersonalPolicy, personalPolicyOf, type PersonalFields, type PersonalPolicy } from '../domain/personal-data.ts';
import type { AuditService } from '../services/audit-service.ts';

/** Ids listed in one audit entry; the count is always recorded in full. */
export const MAX_AUDITED_IDS = 200;

export function policyOfRequest(req: Request): PersonalPolicy {
  // No session is refused before any route runs (http/session-auth.ts); stay safe if one ever is not.
  return req.user ? personalPolicyOf(req.user.role) : 'none';
}

/** Records a read of unmasked personal data of `kind` records `ids` (no-op for an empty list). */
export async function auditPersonalRead(audit: AuditService, req: Request, kind: string, ids: readonly (string | number)[], fields: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await audit.record({
    action: 'read_personal', user: req.user ?? null, ip: req.ip ?? null, target_kind: kind,
    target_id: ids.length === 1 ? ids[0] : null,
    detail: { path: `${req.baseUrl}${req.path}`, count: ids.length, ids: ids.slice(0, MAX_AUDITED_IDS), fields },
  });
}

/** Audits a list of (kind, id) pairs that went out unmasked: one entry per kind. */
export async function auditPersonalReads(audit: AuditService, req: Request, items: readonly { kind: string; id: number | string }[], fields: readonly string[]): Promise<void> {
  const byKind = new Map<string, (number | string)[]>();
  for (const { kind, id } of items) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  for (const [kind, ids] of byKind) await auditPersonalRead(audit, req, kind, ids, fields);
}

const FEATURE_ID = /"id"\s*:\s*(\d+)/;

/**
 * GeoJSON feature texts (as built in SQL: id before properties) with their personal properties under
 * the policy, and the ids of the features that went out with personal data unmasked. Under `full`
 * the texts are passed through untouched (only their ids are read).
 */
export function featureTextsUnderPolicy(policy: PersonalPolicy, fields: PersonalFields, texts: readonly string[]): { texts: string[]; unmasked: number[] } {
  if (Object.keys(fields).length === 0) return { texts: [...texts], unmasked: [] };
  if (policy === 'full') return { texts: [...texts], unmasked: texts.map((t) => Number(FEATURE_ID.exec(t)?.[1] ?? NaN)).filter(Number.isFinite) };
  return {
    texts: texts.map((t) => {
      const f = JSON.parse(t) as { properties: Record<string, unknown> };
      return JSON.stringify({ ...f, properties: applyPersonalPolicy(policy, f.properties, fields).value });
    }),
    unmasked: [],
  };
}
