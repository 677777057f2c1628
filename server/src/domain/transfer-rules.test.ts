import { describe, expect, it } from 'vitest';
import type { Actor } from './actors.ts';
import { decideSend, decideTransfer, type DisputeForTransfer, type TransferDraft } from './transfer-rules.ts';
import { TRANSFER_ACTIONS, TRANSFER_KINDS, TRANSFER_STATUSES, transferOverdue, type TransferKind } from './transfer-types.ts';

const TOWN = '620802001';
const open: DisputeForTransfer = { status: 'mediating', type: 'land_boundary', town_code: TOWN };
const officer = (unit: string): Actor => ({ role: 'department_officer', unit });
const leader = (unit: string): Actor => ({ role: 'town_leader', unit });

const SEND_CASES: { title: string; draft: TransferDraft; actor: Actor; dispute?: DisputeForTransfer; dup?: boolean; expected: string | null; field?: string }[] = [
  { title: 'a department sends a prompt to the dispute’s town', draft: { kind: 'prompt', receiver: TOWN }, actor: officer('xinfang'), expected: null },
  { title: 'a prompt to another town', draft: { kind: 'prompt', receiver: '620802002' }, actor: officer('xinfang'), expected: 'input', field: 'receiver' },
  { title: 'a town leader cannot send a prompt', draft: { kind: 'prompt', receiver: TOWN }, actor: leader(TOWN), expected: 'role' },
  { title: 'the commander sends no letters', draft: { kind: 'prompt', receiver: TOWN }, actor: { role: 'commander', unit: '620802' }, expected: 'role' },
  { title: 'a grid worker sends no letters', draft: { kind: 'assist', receiver: 'ziranziyuan' }, actor: { role: 'grid_worker', unit: '620802001001001' }, expected: 'role' },
  { title: 'no letter about a resolved dispute', draft: { kind: 'prompt', receiver: TOWN }, actor: officer('xinfang'), dispute: { ...open, status: 'resolved' }, expected: 'resolved' },
  { title: 'no second open prompt of the same kind', draft: { kind: 'prompt', receiver: TOWN }, actor: officer('xinfang'), dup: true, expected: 'state' },
  { title: 'the town sends an assist to the routed department', draft: { kind: 'assist', receiver: 'ziranziyuan' }, actor: leader(TOWN), expected: null },
  { title: 'another town’s leader cannot ask for assistance', draft: { kind: 'assist', receiver: 'ziranziyuan' }, actor: leader('620802005'), expected: 'unit' },
  { title: 'an unrouted department needs a reason', draft: { kind: 'assist', receiver: 'gongan' }, actor: leader(TOWN), expected: 'input', field: 'reason' },
  { title: 'an unrouted department with a reason', draft: { kind: 'assist', receiver: 'gongan', reason: '当事人扬言报复，需公安介入' }, actor: leader(TOWN), expected: null },
  { title: 'an assist goes to a department, not a town', draft: { kind: 'assist', receiver: '620802002' }, actor: leader(TOWN), expected: 'input', field: 'receiver' },
  { title: 'a department officer cannot send an assist', draft: { kind: 'assist', receiver: 'gongan' }, actor: officer('gongan'), expected: 'role' },
];

describe('sending a letter', () => {
  it.each(SEND_CASES)('$title', ({ draft, actor, dispute, dup, expected, field }) => {
    const d = decideSend(draft, dispute ?? open, actor, dup ?? false);
    if (expected === null) expect(d).toEqual({ ok: true, sender: actor.unit, receiver: draft.receiver });
    else expect(d).toMatchObject({ ok: false, code: expected, ...(field ? { field } : {}) });
    if (!d.ok) expect(d.reason.zh && d.reason.en).toBeTruthy();
  });
});

/** Statuses each action starts from, and where it leads, written out. */
const EXPECT: Record<string, Record<string, string>> = {
  receive: { sent: 'received' },
  start: { received: 'in_progress' },
  done: { received: 'done', in_progress: 'done' },
  remind: { sent: 'sent', received: 'received', in_progress: 'in_progress' },
};

const LETTERS: Record<TransferKind, { sender: string; receiver: string }> = {
  prompt: { sender: 'xinfang', receiver: TOWN }, assist: { sender: TOWN, receiver: 'ziranziyuan' },
};

function actorsFor(kind: TransferKind): { who: string; actor: Actor }[] {
  const l = LETTERS[kind];
  const [senderOf, receiverOf] = kind === 'prompt' ? [officer, leader] : [leader, officer];
  return [
    { who: 'sender', actor: senderOf(l.sender) },
    { who: 'receiver', actor: receiverOf(l.receiver) },
    { who: 'another unit', actor: receiverOf(kind === 'prompt' ? '620802009' : 'renshe') },
    { who: 'commander', actor: { role: 'commander', unit: '620802' } },
  ];
}

const LIFECYCLE = TRANSFER_KINDS.flatMap((kind) => TRANSFER_STATUSES.flatMap((status) => TRANSFER_ACTIONS.flatMap((action) => actorsFor(kind).map(({ who, actor }) => {
  const to = EXPECT[action][status];
  const rightActor = action === 'remind' ? who === 'sender' : who === 'receiver';
  return { title: `${kind}: ${action} when ${status} by ${who}`, kind, status, action, actor, expected: to === undefined ? 'state' : rightActor ? to : 'unit' };
}))));

describe('a letter’s lifecycle: every kind × status × action × actor', () => {
  it('covers all 128 combinations', () => expect(LIFECYCLE.length).toBe(2 * 4 * 4 * 4));

  it.each(LIFECYCLE)('$title → $expected', ({ kind, status, action, actor, expected }) => {
    const d = decideTransfer({ kind, status, ...LETTERS[kind] }, action, actor);
    if (expected === 'state' || expected === 'unit') expect(d).toMatchObject({ ok: false, code: expected });
    else expect(d).toEqual({ ok: true, status: expected });
  });
});

describe('overdue letters', () => {
  const now = new Date('2026-11-20T00:00:00Z');
  it.each([
    { title: 'open and past due', status: 'received', due: '2026-11-19T23:59:59Z', expected: true },
    { title: 'open and due later', status: 'sent', due: '2026-11-20T00:00:01Z', expected: false },
    { title: 'done, even if late', status: 'done', due: '2026-01-01T00:00:00Z', expected: false },
  ] as const)('$title', ({ status, due, expected }) => {
    expect(transferOverdue({ status, due_at: new Date(due) }, now)).toBe(expected);
  });
});
