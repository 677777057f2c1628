/**
 * Named SQL for transfer letters (双向流转): insert, read, move (optimistic on version), append to the
 * history, list an inbox or outbox, and the open letters with the towns' governance centres for the
 * flow lines. `overdue` is derived: not done and due before `now`. A letter is visible to a scope when
 * its dispute is (sql/scope-clause.ts).
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { TransferStatus } from '../domain/transfer-types.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

const COLUMNS = (p: Params, now: Date) => `t.id, t.kind, t.dispute_id, d.code AS dispute_code, d.type AS dispute_type, d.status AS dispute_status,
  d.town_code AS dispute_town_code, t.sender_unit, t.receiver_unit, st.name AS sender_town_name, rt.name AS receiver_town_name,
  t.message, t.reason, t.status, t.version, ${isoMillisSql('t.due_at')} AS due_at, ${isoMillisSql('t.created_at')} AS created_at,
  ${isoMillisSql('t.updated_at')} AS updated_at, ${isoMillisSql('t.done_at')} AS done_at,
  t.status <> 'done' AND t.due_at < ${p.add(now.toISOString(), 'timestamptz')} AS overdue`;
const FROM = `transfers t JOIN disputes d ON d.id = t.dispute_id
  LEFT JOIN towns st ON st.code = t.sender_unit LEFT JOIN towns rt ON rt.code = t.receiver_unit`;

export function transferSql(scope: AccessScope, id: number, now: Date): SqlQuery {
  const p = new Params();
  const text = `SELECT ${COLUMNS(p, now)} FROM ${FROM} WHERE t.id = ${p.add(id, 'bigint')} AND ${disputeScopeSql(scope, 'd', p)}`;
  return { text, values: p.values };
}

export interface TransferFilter {
  unit: string | null; box: 'inbox' | 'outbox' | 'all'; status: TransferStatus | 'open' | 'overdue' | null; dispute_id: number | null;
  limit: number; offset: number;
}

/** A page of letters, newest first, with `total` (before paging) on every row. */
export function listTransfersSql(scope: AccessScope, f: TransferFilter, now: Date): SqlQuery {
  const p = new Params();
  const where: string[] = [disputeScopeSql(scope, 'd', p)];
  if (f.unit !== null) {
    const u = p.add(f.unit, 'text');
    where.push(f.box === 'inbox' ? `t.receiver_unit = ${u}` : f.box === 'outbox' ? `t.sender_unit = ${u}` : `${u} IN (t.sender_unit, t.receiver_unit)`);
  }
  if (f.status === 'open') where.push(`t.status <> 'done'`);
  else if (f.status === 'overdue') where.push(`t.status <> 'done' AND t.due_at < ${p.add(now.toISOString(), 'timestamptz')}`);
  else if (f.status !== null) where.push(`t.status = ${p.add(f.status, 'text')}`);
  if (f.dispute_id !== null) where.push(`t.dispute_id = ${p.add(f.dispute_id, 'bigint')}`);
  const text = `SELECT ${COLUMNS(p, now)}, count(*) OVER ()::int AS total FROM ${FROM}
    WHERE ${where.join(' AND ')}
    ORDER BY t.created_at DESC, t.id DESC LIMIT ${p.add(f.limit, 'int')} OFFSET ${p.add(f.offset, 'int')}`;
  return { text, values: p.values };
}

export interface NewTransfer {
  dispute_id: number; kind: string; sender: string; receiver: string; message: string; reason: string | null; due_at: Date; at: Date;
}

export function insertTransferSql(t: NewTransfer): SqlQuery {
  const p = new Params();
  const at = p.add(t.at.toISOString(), 'timestamptz');
  const text = `INSERT INTO transfers (district_code, dispute_id, kind, sender_unit, receiver_unit, message, reason, status, due_at, created_at, updated_at)
    VALUES ('620802', ${p.add(t.dispute_id, 'bigint')}, ${p.add(t.kind, 'text')}, ${p.add(t.sender, 'text')}, ${p.add(t.receiver, 'text')},
      ${p.add(t.message, 'text')}, ${p.add(t.reason, 'text')}, 'sent', ${p.add(t.due_at.toISOString(), 'timestamptz')}, ${at}, ${at})
    RETURNING id`;
  return { text, values: p.values };
}

/** Is the same letter (kind, dispute, receiver) still open? Column `open` (boolean). */
export function openDuplicateSql(disputeId: number, kind: string, receiver: string): SqlQuery {
  return {
    text: `SELECT EXISTS (SELECT 1 FROM transfers WHERE dispute_id = $1::bigint AND kind = $2::text AND receiver_unit = $3::text AND status <> 'done') AS open`,
    values: [disputeId, kind, receiver],
  };
}

/** Moves a letter if still at `version`; returns the new `version` (no row: stale). */
export function updateTransferSql(id: number, version: number, status: TransferStatus, at: Date): SqlQuery {
  const p = new Params();
  const t = p.add(at.toISOString(), 'timestamptz');
  const s = p.add(status, 'text');
  const text = `UPDATE transfers SET status = ${s}, updated_at = ${t}, done_at = CASE WHEN ${s} = 'done' THEN ${t} END, version = version + 1
    WHERE id = ${p.add(id, 'bigint')} AND version = ${p.add(version, 'int')} RETURNING version`;
  return { text, values: p.values };
}

export interface NewTransferEvent {
  transfer_id: number; at: Date; action: string; from_status: string | null; to_status: string; actor_role: string; actor_unit: string; note: string | null;
}

/** Appends to a letter's history with the next seq; returns `seq`. */
export function appendTransferEventSql(e: NewTransferEvent): SqlQuery {
  const p = new Params();
  const id = p.add(e.transfer_id, 'bigint');
  const text = `INSERT INTO transfer_events (transfer_id, seq, at, action, from_status, to_status, actor_role, actor_unit, note)
    SELECT ${id}, coalesce(max(seq), 0) + 1, ${p.add(e.at.toISOString(), 'timestamptz')}, ${p.add(e.action, 'text')}, ${p.add(e.from_status, 'text')},
      ${p.add(e.to_status, 'text')}, ${p.add(e.actor_role, 'text')}, ${p.add(e.actor_unit, 'text')}, ${p.add(e.note, 'text')}
    FROM transfer_events WHERE transfer_id = ${id} RETURNING seq`;
  return { text, values: p.values };
}

export function transferEventsSql(id: number): SqlQuery {
  const text = `SELECT seq, ${isoMillisSql('at')} AS at, action, from_status, to_status, actor_role, actor_unit, note
    FROM transfer_events WHERE transfer_id = $1::bigint ORDER BY seq`;
  return { text, values: [id] };
}

/** Open letters with the [lng, lat] of the towns' governance centres at either end (null for a department). */
export function openFlowsSql(scope: AccessScope, now: Date): SqlQuery {
  const p = new Params();
  const text = `SELECT ${COLUMNS(p, now)}, ST_X(gs.geom) AS sender_lng, ST_Y(gs.geom) AS sender_lat, ST_X(gr.geom) AS receiver_lng, ST_Y(gr.geom) AS receiver_lat
    FROM ${FROM}
      LEFT JOIN governance_centres gs ON gs.level = 'town' AND gs.town_code = t.sender_unit
      LEFT JOIN governance_centres gr ON gr.level = 'town' AND gr.town_code = t.receiver_unit
    WHERE t.status <> 'done' AND ${disputeScopeSql(scope, 'd', p)} ORDER BY t.id`;
  return { text, values: p.values };
}
