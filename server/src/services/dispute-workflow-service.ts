/**
 * Use cases of the dispute workflow: report a dispute at a point (grid, village and town by
 * point-in-polygon), apply an action through the state machine (one transaction: the dispute moves
 * to version + 1 and its history gains one event), read one with the actions an actor may take, and
 * its history. Every write is announced through `changed` once committed.
 */
import type { Database, Queryable } from '../db/database.ts';
import { ALL_SCOPE, type AccessScope } from '../domain/access-scope.ts';
import { ApiError, notFound } from '../domain/api-error.ts';
import { actorLabel, type Actor } from '../domain/actors.ts';
import { card } from '../domain/deadline-cards.ts';
import type { DisputeType, HandlingLevel, DisputeStatus } from '../domain/dispute-types.ts';
import { allowedActions, criminalRiskOf, decide, reportRefusal, type CaseState } from '../domain/dispute-workflow.ts';
import { departmentOfHandler, findDepartment, handlerUnit } from '../domain/handler-unit.ts';
import { localYearMonth } from '../domain/local-time.ts';
import type { DisputeActionInput, PartyInput, ReportInput } from '../domain/parse-workflow-body.ts';
import type { TimeLimits } from '../domain/time-limits.ts';
import type { Receipt } from './idempotency-service.ts';
import { dueAt } from '../domain/time-limits.ts';
import { refusedError, RefusedError, staleVersion } from '../domain/workflow-errors.ts';
import { disputeEventsSql, disputePartiesSql, disputeSql } from '../sql/dispute-context-sql.ts';
import { appendDisputeEventSql, disputeStateSql, insertDisputeSql, lastCodeOfYearSql, lockDisputeCodesSql, placeForPointSql, updateDisputeSql } from '../sql/workflow-sql.ts';
import { disputeRecord } from './dispute-context-service.ts';
import { disputePlace } from './dispute-place.ts';
import type { DisputeLive } from './live-events.ts';

export interface WorkflowDeps {
  db: Database;
  now: () => Date;
  limits: TimeLimits;
  /** Called after a committed write (invalidate caches, then publish). */
  changed: (data: DisputeLive) => void;
}

type Row = Record<string, any>;


function caseState(r: Row): CaseState {
  const dept = r.level === 'department' ? departmentOfHandler(r.handler_unit)?.code ?? null : null;
  return { status: r.status as DisputeStatus, level: r.level as HandlingLevel, type: r.type as DisputeType, grid_code: r.grid_code,
    town_code: r.town_code, department: dept, handler_unit: r.handler_unit, due_at: new Date(r.due_at) };
}

/** Same parties, same key (repeat detection); a report without parties gets a key of its own. */
function partyKey(parties: PartyInput[], code: string): string {
  if (parties.length === 0) return `none:${code}`;
  const s = parties.map((p) => `${p.name}/${p.phone ?? ''}`).sort().join('|');
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

export function createDisputeWorkflowService(deps: WorkflowDeps) {
  const { db, now } = deps;
  const one = async (q: Queryable, s: { text: string; values: unknown[] }) => (await q.query<Row>(s.text, s.values)).rows[0];

  async function record(scope: AccessScope, id: number, q: Queryable = db): Promise<Row | null> {
    const r = await one(q, disputeSql(scope, id, now()));
    return r ? disputeRecord(r) : null;
  }

  async function live(change: DisputeLive['change'], action: string, d: Row): Promise<DisputeLive> {
    return { change, action, id: d.id, code: d.code, status: d.status, level: d.level, version: d.version, town_code: d.town.code,
      village_code: d.village.code, grid_code: d.grid.code, point: [d.lon, d.lat], place: await disputePlace(db, d.id) };
  }

  /** The record, its deadline card, and (for an actor) every action with whether it is allowed and why not. */
  async function withActions(scope: AccessScope, id: number, actor: Actor | null, q: Queryable = db): Promise<Row | null> {
    const d = await record(scope, id, q);
    if (!d) return null;
    const out: Row = { ...d, card: card({ status: d.status, level: d.level, type: d.type, due_at: new Date(d.due_at) }, now(), deps.limits) };
    if (actor) out.actions = allowedActions(caseState(await one(q, disputeStateSql(scope, id))), actor);
    return out;
  }

  return {
    /** With a receipt, the answer is built and stored inside the write's transaction (idempotent writes). */
    async report(scope: AccessScope, input: ReportInput, receipt?: Receipt): Promise<Row> {
      const place = await one(db, placeForPointSql(scope, input.point));
      if (!place.inside || !place.grid_code) {
        throw new ApiError(400, 'outside_district', 'geometry', `point [${input.point.join(', ')}] (lng, lat) is ${place.inside ? 'in no grid' : 'outside 崆峒区 (Kongtong District)'}`);
      }
      const refused = reportRefusal({ grid_code: place.grid_code, town_code: place.town_code }, input.actor);
      if (refused) throw new RefusedError(refused, 'actor');
      const t = now();
      const names = { village: place.village_name, town: place.town_name };
      const [year] = localYearMonth(t);
      for (let attempt = 0; ; attempt++) {
        try {
          const { id, answer } = await db.transaction(async (tx) => {
            await tx.query(lockDisputeCodesSql().text);
            const last = (await one(tx, lastCodeOfYearSql(year)))?.code as string | undefined;
            const code = `KT${year}${String((last ? Number(last.slice(6)) : 0) + 1).padStart(6, '0')}`;
            const parties = input.parties.map((p) => ({ role: p.role, name: p.name, phone: p.phone, address: p.address }));
            const { id } = await one(tx, insertDisputeSql({
              code, town_code: place.town_code, village_code: place.village_code, grid_code: place.grid_code, type: input.type,
              criminal_risk: criminalRiskOf(input.type, input.criminal_risk), level: 'village', reported_at: t,
              due_at: dueAt(t, 'village', input.type, deps.limits), summary: input.summary, parties, party_key: partyKey(input.parties, code),
              place_key: `${place.grid_code}@${input.point[0].toFixed(4)},${input.point[1].toFixed(4)}`,
              handler_unit: handlerUnit('village', names, input.type), point: input.point,
            }));
            await one(tx, appendDisputeEventSql({ dispute_id: Number(id), at: t, action: 'report', from_status: null, to_status: 'reported',
              level: 'village', actor: actorLabel(input.actor, place.town_name), actor_role: input.actor.role, actor_unit: input.actor.unit, note: null }));
            if (!receipt) return { id: Number(id), answer: null };
            // ALL_SCOPE after the write: the caller's scope was checked before it (reportRefusal, disputeStateSql).
            const answer = (await withActions(ALL_SCOPE, Number(id), input.actor, tx))!;
            await receipt(tx, answer);
            return { id: Number(id), answer };
          });
          const d = answer ?? (await withActions(ALL_SCOPE, id, input.actor))!;
          deps.changed(await live('created', 'report', d));
          return d;
        } catch (e) {
          // The lock makes this rare (a code taken outside the API): take the one after.
          if (!isUniqueViolation(e) || attempt >= 4) throw e;
        }
      }
    },

    async act(scope: AccessScope, id: number, input: DisputeActionInput, receipt?: Receipt): Promise<{ dispute: Row; event: Row }> {
      const row = await one(db, disputeStateSql(scope, id));
      if (!row) throw notFound('id', `no dispute has the id ${id}`);
      if (input.version !== null && input.version !== row.version) throw staleVersion(row.version, input.version, await withActions(scope, id, input.actor));
      const t = now();
      const s = caseState(row);
      const decision = decide(s, { action: input.action, actor: input.actor, outcome: input.outcome, to: input.to, note: input.note },
        { now: t, limits: deps.limits, names: { village: row.village_name, town: row.town_name } });
      if (!decision.ok) throw refusedError(decision);
      const next = decision.next;
      const moved = next.handler_unit !== s.handler_unit;
      const note = input.note ?? (input.action === 'resolve' ? next.outcome : moved ? `转至${next.handler_unit}` : null);
      const done = await db.transaction(async (tx) => {
        const updated = await one(tx, updateDisputeSql(id, row.version, next));
        if (!updated) return null;
        const ev = appendDisputeEventSql({ dispute_id: id, at: t, action: input.action, from_status: s.status, to_status: next.status, level: next.level,
          actor: actorLabel(input.actor, row.town_name), actor_role: input.actor.role, actor_unit: input.actor.unit, note });
        const { seq } = await one(tx, ev);
        const event = { seq: Number(seq), at: t.toISOString(), action: input.action, from_status: s.status, to_status: next.status, level: next.level,
          actor: actorLabel(input.actor, row.town_name), note, actor_role: input.actor.role, actor_unit: input.actor.unit };
        if (!receipt) return { event, dispute: null };
        const answer = { dispute: (await withActions(ALL_SCOPE, id, input.actor, tx))!, event };
        await receipt(tx, answer);
        return answer;
      });
      if (!done) {
        // Another actor moved it between the read and the update: answer with what it is now.
        const current = (await withActions(ALL_SCOPE, id, input.actor))!;
        throw staleVersion(current.version, row.version, current);
      }
      // With the acting actor's next actions, so a client can update its buttons without a second request.
      const dispute = done.dispute ?? (await withActions(ALL_SCOPE, id, input.actor))!;
      deps.changed(await live('action', input.action, dispute));
      return { dispute, event: done.event };
    },

    get: withActions,

    /** The parties as stored (personal data: the caller applies the personal-data policy), or null when unknown or out of scope. */
    async parties(scope: AccessScope, id: number): Promise<Record<string, unknown>[] | null> {
      const q = disputePartiesSql(scope, id);
      const r = (await db.query<{ parties: unknown }>(q.text, q.values)).rows[0];
      if (!r) return null;
      const v = typeof r.parties === 'string' ? JSON.parse(r.parties) : r.parties;
      return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
    },

    /** The history in order, or null when no dispute has the id. */
    async history(scope: AccessScope, id: number): Promise<Row[] | null> {
      if (!(await one(db, disputeStateSql(scope, id)))) return null;
      const q = disputeEventsSql(scope, id);
      return (await db.query<Row>(q.text, q.values)).rows.map((e) => ({ ...e, seq: Number(e.seq) }));
    },
  };
}

export type DisputeWorkflowService = ReturnType<typeof createDisputeWorkflowService>;
