/**
 * Two-way transfer (双向流转) letters, pure rules:
 *
 *   send    prompt (提示函): a department officer, to the town where the dispute is;
 *           assist (协办函): the leader of the dispute's town, to a department ROUTING gives for the
 *           dispute's type, or to any other department with a reason. Not for a resolved dispute,
 *           and not while the same letter (kind, dispute, receiver) is still open.
 *   receive sent → received;  start received → in_progress;  done received | in_progress → done:
 *           only the receiving unit (the town's leader for a prompt, the department's officer for an assist).
 *   remind  (催办) any open letter, by the sending unit: recorded, the status does not change.
 *
 * The commander supervises letters (sees every inbox) but neither sends nor answers them.
 */
import type { Actor, Role } from './actors.ts';
import { ROUTING } from './departments.ts';
import type { DisputeStatus, DisputeType } from './dispute-types.ts';
import { findDepartment } from './handler-unit.ts';
import type { TransferAction, TransferKind, TransferStatus } from './transfer-types.ts';
import { REASONS, type Refusal } from './workflow-reasons.ts';

export interface TransferDraft { kind: TransferKind; receiver: string; reason?: string | null }
export interface DisputeForTransfer { status: DisputeStatus; type: DisputeType; town_code: string }
export interface TransferState { kind: TransferKind; status: TransferStatus; sender: string; receiver: string }

export type SendDecision = { ok: true; sender: string; receiver: string } | ({ ok: false } & Refusal);
export type TransferDecision = { ok: true; status: TransferStatus } | ({ ok: false } & Refusal);

/** Which role sends and which receives each kind. */
export const LETTER_ROLES: Record<TransferKind, { sender: Role; receiver: Role }> = {
  prompt: { sender: 'department_officer', receiver: 'town_leader' },
  assist: { sender: 'town_leader', receiver: 'department_officer' },
};

const WHO = {
  department_officer: { zh: '部门干部', en: 'a department officer' },
  town_leader: { zh: '纠纷所在乡镇（街道）领导', en: "the leader of the dispute's town" },
};

/** Whether `actor` may send this letter about this dispute; `openDuplicate`: the same letter is still open. */
export function decideSend(d: TransferDraft, dispute: DisputeForTransfer, actor: Actor, openDuplicate: boolean): SendDecision {
  const roles = LETTER_ROLES[d.kind];
  if (actor.role !== roles.sender) return { ok: false, ...REASONS.wrongRole('send', WHO[roles.sender as 'department_officer' | 'town_leader']) };
  if (dispute.status === 'resolved') return { ok: false, ...REASONS.alreadyResolved('send') };
  if (d.kind === 'prompt') {
    if (d.receiver !== dispute.town_code) {
      return { ok: false, code: 'input', field: 'receiver', reason: { zh: '提示函只能发往纠纷所在乡镇（街道）', en: "a prompt letter goes to the dispute's town" } };
    }
  } else {
    if (actor.unit !== dispute.town_code) return { ok: false, ...REASONS.notYourUnit('town_leader') };
    if (!findDepartment(d.receiver)) {
      return { ok: false, code: 'input', field: 'receiver', reason: { zh: '协办函只能发往区直部门', en: 'an assistance letter goes to a district department' } };
    }
    if (!ROUTING[dispute.type].includes(d.receiver) && !d.reason?.trim()) {
      return { ok: false, code: 'input', field: 'reason', reason: { zh: '该部门不是此类纠纷的归口部门，请说明理由', en: 'this department is not routed for the type; give a reason' } };
    }
  }
  if (openDuplicate) return { ok: false, code: 'state', reason: { zh: '同一函件仍在办理中，请勿重复发送', en: 'the same letter is still open; send a reminder instead' } };
  return { ok: true, sender: actor.unit, receiver: d.receiver };
}

const FROM: Record<TransferAction, TransferStatus[]> = {
  receive: ['sent'],
  start: ['received'],
  done: ['received', 'in_progress'],
  remind: ['sent', 'received', 'in_progress'],
};
const TO: Record<Exclude<TransferAction, 'remind'>, TransferStatus> = { receive: 'received', start: 'in_progress', done: 'done' };

/** Applies an action to a letter: the next status, or why not. */
export function decideTransfer(t: TransferState, action: TransferAction, actor: Actor): TransferDecision {
  if (!FROM[action].includes(t.status)) return { ok: false, ...REASONS.transferStatus(action, t.status) };
  const roles = LETTER_ROLES[t.kind];
  if (action === 'remind') {
    if (actor.role !== roles.sender || actor.unit !== t.sender) return { ok: false, ...REASONS.notSender() };
    return { ok: true, status: t.status };
  }
  if (actor.role !== roles.receiver || actor.unit !== t.receiver) return { ok: false, ...REASONS.notReceiver() };
  return { ok: true, status: TO[action] };
}
