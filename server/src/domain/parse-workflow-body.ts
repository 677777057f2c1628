/**
 * Request bodies of the workflow endpoints, validated: a report, an action on a dispute, a transfer
 * letter and an action on a letter. Every failure is a 400 naming the field.
 */
import { invalidParameter } from './api-error.ts';
import { parseActor, type Actor } from './actors.ts';
import { DEPARTMENTS } from './departments.ts';
import { DISPUTE_TYPES, type DisputeType } from './dispute-types.ts';
import { DISPUTE_ACTIONS, type DisputeAction } from './dispute-workflow.ts';
import { bodyObject, lngLat, oneOf, positiveInt, text, type Body } from './parse-body.ts';
import { TRANSFER_ACTIONS, TRANSFER_KINDS, type TransferAction, type TransferKind } from './transfer-types.ts';

export const SUMMARY_CHARS = { min: 4, max: 500 } as const;
export const NOTE_MAX = 500;
export const MAX_PARTIES = 10;

export interface PartyInput { role: 'applicant' | 'respondent'; name: string; phone: string | null; address: string | null }
export interface ReportInput { point: [number, number]; type: DisputeType; summary: string; parties: PartyInput[]; criminal_risk: boolean | null; actor: Actor }

export function parseReportBody(raw: unknown): ReportInput {
  const b = bodyObject(raw, ['geometry', 'type', 'summary', 'parties', 'criminal_risk', 'actor']);
  const cr = b.criminal_risk;
  if (cr !== undefined && cr !== null && typeof cr !== 'boolean') throw invalidParameter('criminal_risk', 'criminal_risk must be true or false');
  return {
    point: lngLat(b, 'geometry'),
    type: oneOf(b, 'type', DISPUTE_TYPES, true),
    summary: text(b, 'summary', SUMMARY_CHARS.min, SUMMARY_CHARS.max, true),
    parties: parties(b.parties),
    criminal_risk: typeof cr === 'boolean' ? cr : null,
    actor: parseActor(b.actor),
  };
}

function parties(raw: unknown): PartyInput[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > MAX_PARTIES) throw invalidParameter('parties', `parties must be a list of at most ${MAX_PARTIES}`);
  return raw.map((p, i) => {
    const f = `parties[${i}]`;
    let o: Body;
    try {
      o = bodyObject(p, ['role', 'name', 'phone', 'address']);
    } catch {
      throw invalidParameter(f, `${f} must be {role, name, phone?, address?}`);
    }
    const at = (name: string, e: () => unknown) => {
      try {
        return e();
      } catch (err) {
        throw invalidParameter(`${f}.${name}`, `${f}.${(err as Error).message}`);
      }
    };
    const phone = at('phone', () => text(o, 'phone', 3, 20)) as string | null;
    if (phone !== null && !/^[0-9+\- ]+$/.test(phone)) throw invalidParameter(`${f}.phone`, `${f}.phone may hold only digits, +, - and spaces`);
    return {
      role: at('role', () => oneOf(o, 'role', ['applicant', 'respondent'] as const, true)) as PartyInput['role'],
      name: at('name', () => text(o, 'name', 1, 40, true)) as string,
      phone,
      address: at('address', () => text(o, 'address', 1, 100)) as string | null,
    };
  });
}

const DEPARTMENT_CODES = DEPARTMENTS.map((d) => d.code);

export interface DisputeActionInput { action: DisputeAction; actor: Actor; note: string | null; outcome: string | null; to: string | null; version: number | null }

export function parseDisputeActionBody(raw: unknown): DisputeActionInput {
  const b = bodyObject(raw, ['action', 'actor', 'note', 'outcome', 'to', 'version']);
  return {
    action: oneOf(b, 'action', DISPUTE_ACTIONS, true),
    actor: parseActor(b.actor),
    note: text(b, 'note', 1, NOTE_MAX),
    outcome: text(b, 'outcome', 1, NOTE_MAX),
    to: oneOf(b, 'to', DEPARTMENT_CODES),
    version: positiveInt(b, 'version'),
  };
}

export interface TransferInput { kind: TransferKind; dispute_id: number; receiver: string; message: string; reason: string | null; actor: Actor }

export function parseTransferBody(raw: unknown): TransferInput {
  const b = bodyObject(raw, ['kind', 'dispute_id', 'receiver', 'message', 'reason', 'actor']);
  const receiver = text(b, 'receiver', 1, 40, true);
  if (!/^(620802\d{3}|[a-z]+)$/.test(receiver)) throw invalidParameter('receiver', 'receiver must be a town code (9 digits) or a department code');
  return {
    kind: oneOf(b, 'kind', TRANSFER_KINDS, true),
    dispute_id: positiveInt(b, 'dispute_id', true)!,
    receiver,
    message: text(b, 'message', 4, 1000, true),
    reason: text(b, 'reason', 1, NOTE_MAX),
    actor: parseActor(b.actor),
  };
}

export interface TransferActionInput { action: TransferAction; actor: Actor; note: string | null; version: number | null }

export function parseTransferActionBody(raw: unknown): TransferActionInput {
  const b = bodyObject(raw, ['action', 'actor', 'note', 'version']);
  return { action: oneOf(b, 'action', TRANSFER_ACTIONS, true), actor: parseActor(b.actor), note: text(b, 'note', 1, NOTE_MAX), version: positiveInt(b, 'version') };
}
