/** Loads the generated transfer letters and their histories; moves the id sequences past the seeded ids. */
import type { Database } from './database.ts';
import type { DataSet } from '../seed/generate.ts';
import { bulkInsert, type Column } from './bulk-insert.ts';

const t = (name: string): Column => ({ name, type: 'text' });
const ts = (name: string): Column => ({ name, type: 'text', expr: 'v::timestamptz' });
const big = (name: string): Column => ({ name, type: 'int8' });

export async function insertTransfers(db: Database, ds: DataSet): Promise<void> {
  await bulkInsert(db, 'transfers', [big('id'), t('district_code'), big('dispute_id'), t('kind'), t('sender_unit'), t('receiver_unit'), t('message'),
    t('reason'), t('status'), ts('due_at'), ts('created_at'), ts('updated_at'), ts('done_at')],
  ds.transfers.map((x) => [x.id, '620802', x.disputeId, x.kind, x.sender, x.receiver, x.message, x.reason, x.status, x.dueAt.toISOString(),
    x.createdAt.toISOString(), x.updatedAt.toISOString(), x.doneAt?.toISOString() ?? null]));
  const events: unknown[][] = [];
  for (const x of ds.transfers) x.events.forEach((e, i) => events.push([events.length + 1, x.id, i + 1, e.at.toISOString(), e.action,
    e.fromStatus, e.toStatus, e.actorRole, e.actorUnit, e.note]));
  await bulkInsert(db, 'transfer_events', [big('id'), big('transfer_id'), { name: 'seq', type: 'int4' }, ts('at'), t('action'), t('from_status'),
    t('to_status'), t('actor_role'), t('actor_unit'), t('note')], events, 20000);
}

/** Tables whose ids the server hands out after the seed wrote explicit ones, with their sequences. */
const SEQUENCES: [table: string, sequence: string][] = [
  ['disputes', 'disputes_id_seq'], ['dispute_events', 'dispute_events_id_seq'],
  ['transfers', 'transfers_id_seq'], ['transfer_events', 'transfer_events_id_seq'],
];

/** Moves each sequence past the largest id in its table, so new rows never collide with seeded ones. */
export async function syncIdSequences(db: Database): Promise<void> {
  for (const [table, seq] of SEQUENCES) {
    await db.query(`SELECT setval('${seq}', (SELECT coalesce(max(id), 0) + 1 FROM ${table}), false)`);
  }
}
