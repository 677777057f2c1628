/**
 * Use cases of the two-way transfer letters: send one (rules in domain/transfer-rules.ts), move it
 * through its lifecycle (one transaction: version + 1 and one history event), read one with its
 * history, list a unit's inbox or outbox, and the open letters as flow lines for the map.
 */
import type { Database, Queryable } from '../db/database.ts';
import { ALL_SCOPE, type AccessScope } from '../domain/access-scope.ts';
import { notFound } from '../domain/api-error.ts';
import { DEPARTMENT_OFFICES } from '../domain/departments.ts';
import { findDepartment } from '../domain/handler-unit.ts';
import type { TransferActionInput, TransferInput } from '../domain/parse-workflow-body.ts';
import { transferDueAt, type TimeLimits } from '../domain/time-limits.ts';
import { decideSend, decideTransfer } from '../domain/transfer-rules.ts';
import { TRANSFER_KIND_LABELS, type TransferKind, type TransferStatus } from '../domain/transfer-types.ts';
import { refusedError, staleVersion } from '../domain/workflow-errors.ts';
import { disputeStateSql, lockTransfersSql } from '../sql/workflow-sql.ts';
import {
  appendTransferEventSql, insertTransferSql, listTransfersSql, openDuplicateSql, openFlowsSql, transferEventsSql, transferSql, updateTransferSql,
  type TransferFilter,
} from '../sql/transfer-sql.ts';
import type { Receipt } from './idempotency-service.ts';
import { disputePlace } from './dispute-place.ts';
import type { TransferLive } from './live-events.ts';

type Row = Record<string, any>;

export interface TransferDeps { db: Database; now: () => Date; limits: TimeLimits; changed: (data: TransferLive) => void }

function unit(code: string, townName: string | null): { code: string; kind: 'town' | 'department'; name: string | null } {
  const dept = findDepartment(code);
  return dept ? { code, kind: 'department', name: dept.name } : { code, kind: 'town', name: townName };
}

/** A letter as the API shows it. */
export function transferJson(r: Row): Row {
  return {
    id: Number(r.id), kind: r.kind, kind_label: TRANSFER_KIND_LABELS[r.kind as TransferKind], status: r.status, overdue: r.overdue,
    dispute: { id: Number(r.dispute_id), code: r.dispute_code, type: r.dispute_type, status: r.dispute_status, town_code: r.dispute_town_code },
    sender: unit(r.sender_unit, r.sender_town_name), receiver: unit(r.receiver_unit, r.receiver_town_name),
    message: r.message, reason: r.reason, due_at: r.due_at, created_at: r.created_at, updated_at: r.updated_at, done_at: r.done_at, version: Number(r.version),
  };
}

export function createTransferService(deps: TransferDeps) {
  const { db, now } = deps;
  const one = async (q: Queryable, s: { text: string; values: unknown[] }) => (await q.query<Row>(s.text, s.values)).rows[0];
  // Reads inside a write use ALL_SCOPE: the caller's scope was checked before the write.
  const read = async (id: number, q: Queryable = db, scope: AccessScope = ALL_SCOPE) => {
    const r = await one(q, transferSql(scope, id, now()));
    return r ? transferJson(r) : null;
  };
  const live = async (change: TransferLive['change'], action: string, t: Row): Promise<TransferLive> => ({
    change, action, id: t.id, kind: t.kind, status: t.status, version: t.version, dispute_id: t.dispute.id,
    sender: t.sender.code, receiver: t.receiver.code, overdue: t.overdue, place: await disputePlace(db, t.dispute.id),
  });

  return {
    /** With a receipt, the answer is built and stored inside the write's transaction (idempotent writes). */
    async send(input: TransferInput, scope: AccessScope = ALL_SCOPE, receipt?: Receipt): Promise<Row> {
      const d = await one(db, disputeStateSql(scope, input.dispute_id));
      if (!d) throw notFound('dispute_id', `no dispute has the id ${input.dispute_id}`);
      const duplicate = async (q: Queryable) => (await one(q, openDuplicateSql(input.dispute_id, input.kind, input.receiver))).open === true;
      const judge = (dup: boolean) => {
        const r = decideSend({ kind: input.kind, receiver: input.receiver, reason: input.reason }, { status: d.status, type: d.type, town_code: d.town_code }, input.actor, dup);
        if (!r.ok) throw refusedError(r);
        return r;
      };
      const decision = judge(await duplicate(db));
      const t = now();
      const { id, answer } = await db.transaction(async (tx) => {
        await tx.query(lockTransfersSql().text);
        // Again under the lock: an identical letter may have been sent since the check above.
        judge(await duplicate(tx));
        const { id } = await one(tx, insertTransferSql({ dispute_id: input.dispute_id, kind: input.kind, sender: decision.sender, receiver: decision.receiver,
          message: input.message, reason: input.reason, due_at: transferDueAt(t, input.kind, deps.limits), at: t }));
        await one(tx, appendTransferEventSql({ transfer_id: Number(id), at: t, action: 'send', from_status: null, to_status: 'sent',
          actor_role: input.actor.role, actor_unit: input.actor.unit, note: input.reason }));
        if (!receipt) return { id: Number(id), answer: null };
        const answer = (await read(Number(id), tx))!;
        await receipt(tx, answer);
        return { id: Number(id), answer };
      });
      const out = answer ?? (await read(id))!;
      deps.changed(await live('created', 'send', out));
      return out;
    },

    async act(scope: AccessScope, id: number, input: TransferActionInput, receipt?: Receipt): Promise<{ transfer: Row; event: Row }> {
      const cur = await read(id, db, scope);
      if (!cur) throw notFound('id', `no transfer has the id ${id}`);
      if (input.version !== null && input.version !== cur.version) throw staleVersion(cur.version, input.version, cur);
      const decision = decideTransfer({ kind: cur.kind, status: cur.status, sender: cur.sender.code, receiver: cur.receiver.code }, input.action, input.actor);
      if (!decision.ok) throw refusedError(decision);
      const t = now();
      const done = await db.transaction(async (tx) => {
        if (!(await one(tx, updateTransferSql(id, cur.version, decision.status, t)))) return null;
        const e = { transfer_id: id, at: t, action: input.action, from_status: cur.status as string, to_status: decision.status,
          actor_role: input.actor.role, actor_unit: input.actor.unit, note: input.note };
        const { seq } = await one(tx, appendTransferEventSql(e));
        const { transfer_id: _, ...rest } = e;
        const event = { seq: Number(seq), ...rest, at: t.toISOString() };
        if (!receipt) return { event, transfer: null };
        const answer = { transfer: (await read(id, tx))!, event };
        await receipt(tx, answer);
        return answer;
      });
      if (!done) {
        // Another actor moved it between the read and the update: answer with what it is now.
        const latest = (await read(id))!;
        throw staleVersion(latest.version, cur.version, latest);
      }
      const transfer = done.transfer ?? (await read(id))!;
      deps.changed(await live('action', input.action, transfer));
      return { transfer, event: done.event };
    },

    /** One letter with its history; null when unknown or outside the scope. */
    async get(scope: AccessScope, id: number): Promise<Row | null> {
      const t = await read(id, db, scope);
      if (!t) return null;
      const q = transferEventsSql(id);
      return { ...t, history: (await db.query<Row>(q.text, q.values)).rows.map((e) => ({ ...e, seq: Number(e.seq) })) };
    },

    async list(scope: AccessScope, filter: TransferFilter): Promise<{ total: number; transfers: Row[] }> {
      const q = listTransfersSql(scope, filter, now());
      const rows = (await db.query<Row>(q.text, q.values)).rows;
      return { total: rows[0]?.total ?? 0, transfers: rows.map(transferJson) };
    },

    /** GeoJSON LineStrings from sender to receiver for every open letter. */
    async flows(scope: AccessScope): Promise<{ type: 'FeatureCollection'; features: Row[] }> {
      const q = openFlowsSql(scope, now());
      const rows = (await db.query<Row>(q.text, q.values)).rows;
      const at = (code: string, lng: unknown, lat: unknown): [number, number] | null =>
        DEPARTMENT_OFFICES[code] ?? (lng === null || lng === undefined ? null : [Number(lng), Number(lat)]);
      const features = rows.flatMap((r) => {
        const a = at(r.sender_unit, r.sender_lng, r.sender_lat), b = at(r.receiver_unit, r.receiver_lng, r.receiver_lat);
        if (!a || !b) return [];
        const t = transferJson(r);
        return [{ type: 'Feature', id: t.id, geometry: { type: 'LineString', coordinates: [a, b] },
          properties: { id: t.id, kind: t.kind, status: t.status as TransferStatus, overdue: t.overdue, dispute_id: t.dispute.id,
            sender: t.sender.code, sender_name: t.sender.name, receiver: t.receiver.code, receiver_name: t.receiver.name, due_at: t.due_at } }];
      });
      return { type: 'FeatureCollection', features };
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
