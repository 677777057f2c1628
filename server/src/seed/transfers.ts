/**
 * Generated two-way transfer letters (双向流转) over the generated disputes:
 *   - every escalation from town to department comes with an assistance letter (协办函) from the town
 *     to the department, sent at the escalation;
 *   - half the disputes handled at town level get one too (the town asks a department for help);
 *   - prompt letters (提示函): a department learns of a dispute (a petition, a police call, a labour
 *     complaint) and prompts the town: ~3% of disputes, more of the types departments hear of first.
 * A letter is received within hours, taken up within a day or two, and done a few days after its
 * dispute is resolved (the written feedback); 12% of the last 90 days' letters are still not closed.
 * Letters stop where the as-of time finds them.
 */
import type { Rng } from './rng.ts';
import type { Dispute } from './disputes.ts';
import { ROUTING } from '../domain/departments.ts';
import type { DisputeType } from '../domain/dispute-types.ts';
import { transferDueAt } from '../domain/time-limits.ts';
import type { TransferKind, TransferStatus } from '../domain/transfer-types.ts';

export interface TransferEvent { at: Date; action: string; fromStatus: string | null; toStatus: TransferStatus; actorRole: string; actorUnit: string; note: string | null }
export interface Transfer {
  id: number; disputeId: number; kind: TransferKind; sender: string; receiver: string; message: string; reason: string | null;
  status: TransferStatus; dueAt: Date; createdAt: Date; updatedAt: Date; doneAt: Date | null; events: TransferEvent[];
}

const PROMPT_SHARE: Record<DisputeType, number> = {
  neighbour: 0.01, marriage_family: 0.04, housing_property: 0.04, land_boundary: 0.04, nuisance: 0.04, debt: 0.03, labour: 0.12, traffic: 0.06, other: 0.08,
};
const HOUR = 3_600_000;
/** Letters of the last LAGGING_DAYS that the receiver has not closed yet, though the dispute is settled. */
const LAGGING_DAYS = 90;
const LAGGING_SHARE = 0.12;

export function generateTransfers(disputes: Dispute[], end: Date, r: Rng): Transfer[] {
  const out: Transfer[] = [];
  for (const d of disputes) {
    const toDept = d.events.find((e) => e.action === 'escalate' && e.level === 'department');
    if (toDept) out.push(letter(d, 'assist', d.townCode, ROUTING[d.type][0], toDept.at, end, r));
    else if (d.level === 'town' && r.chance(0.5)) {
      const since = d.events.find((e) => e.action === 'escalate')!.at;
      out.push(letter(d, 'assist', d.townCode, r.pick(ROUTING[d.type]), new Date(since.getTime() + r.range(1, 72) * HOUR), end, r));
    }
    if (r.chance(PROMPT_SHARE[d.type])) {
      const dept = d.type === 'other' || r.chance(0.2) ? 'xinfang' : d.criminalRisk && r.chance(0.5) ? 'gongan' : ROUTING[d.type][0];
      out.push(letter(d, 'prompt', dept, d.townCode, new Date(d.reportedAt.getTime() + r.range(0.5, 48) * HOUR), end, r));
    }
  }
  out.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.disputeId - b.disputeId);
  out.forEach((t, i) => (t.id = i + 1));
  return out.filter((t) => t.createdAt < end);
}

function letter(d: Dispute, kind: TransferKind, sender: string, receiver: string, at: Date, end: Date, r: Rng): Transfer {
  const [senderRole, receiverRole] = kind === 'prompt' ? ['department_officer', 'town_leader'] : ['town_leader', 'department_officer'];
  const message = kind === 'prompt'
    ? `接到群众反映：${d.summary}。请属地乡镇（街道）组织调处并反馈结果。`
    : `${d.summary}，经乡镇（街道）调解未果，商请贵单位协助办理。`;
  const steps: { at: number; action: string; to: TransferStatus; role: string; unit: string; note: string | null }[] = [
    { at: at.getTime(), action: 'send', to: 'sent', role: senderRole, unit: sender, note: null },
  ];
  const received = at.getTime() + r.range(0.5, 20) * HOUR;
  steps.push({ at: received, action: 'receive', to: 'received', role: receiverRole, unit: receiver, note: null });
  steps.push({ at: received + r.range(2, 40) * HOUR, action: 'start', to: 'in_progress', role: receiverRole, unit: receiver, note: null });
  const lagging = end.getTime() - at.getTime() < LAGGING_DAYS * 24 * HOUR && r.chance(LAGGING_SHARE);
  if (d.resolvedAt && !lagging) {
    // The receiver closes the letter once its written feedback (回函) is in: days after the settlement.
    const doneAt = Math.max(steps[2].at + HOUR, d.resolvedAt.getTime() + r.range(0, 1) * -Math.log(1 - r.next() * 0.999) * 96 * HOUR);
    steps.push({ at: doneAt, action: 'done', to: 'done', role: receiverRole, unit: receiver, note: '已办结并反馈' });
  }
  const kept = steps.filter((s, i) => i === 0 || s.at < end.getTime());
  const last = kept[kept.length - 1];
  const events = kept.map((s, i) => ({ at: new Date(s.at), action: s.action, fromStatus: i === 0 ? null : kept[i - 1].to, toStatus: s.to,
    actorRole: s.role, actorUnit: s.unit, note: s.note }));
  return {
    id: 0, disputeId: d.id, kind, sender, receiver, message, reason: null, status: last.to, dueAt: transferDueAt(at, kind),
    createdAt: at, updatedAt: new Date(last.at), doneAt: last.to === 'done' ? new Date(last.at) : null, events,
  };
}
