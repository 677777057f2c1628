/** Named SQL for one dispute's context panel: the record (without its parties) and its history; the parties alone. */
import type { AccessScope } from '../domain/access-scope.ts';
import { isoMillisSql } from './iso-millis-sql.ts';
import { disputeChildScopeSql, disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/**
 * One row, none when the id is unknown; `overdue`: still open and due before `now`. Parties,
 * party_key and place_key are left out on purpose: the map shows what and where, not who.
 */
export function disputeSql(scope: AccessScope, id: number, now: Date): SqlQuery {
  const p = new Params();
  const text = `SELECT d.id, d.code, d.type, d.status, d.level, d.version, d.criminal_risk, d.repeat_of, d.handler_unit, d.summary, d.outcome,
      ${isoMillisSql('d.reported_at')} AS reported_at, ${isoMillisSql('d.resolved_at')} AS resolved_at, ${isoMillisSql('d.due_at')} AS due_at,
      d.status <> 'resolved' AND d.due_at < ${p.add(now.toISOString(), 'timestamptz')} AS overdue,
      d.town_code, tw.name AS town_name, d.village_code, vi.name AS village_name, d.grid_code, g.name AS grid_name,
      ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat
    FROM disputes d JOIN towns tw ON tw.code = d.town_code JOIN villages vi ON vi.code = d.village_code JOIN grids g ON g.code = d.grid_code
    WHERE d.id = ${p.add(id, 'bigint')} AND ${disputeScopeSql(scope, 'd', p)}`;
  return { text, values: p.values };
}

/** The parties of one dispute (JSON array of {role, name, phone, id_number, address}); no row when unknown or out of scope. */
export function disputePartiesSql(scope: AccessScope, id: number): SqlQuery {
  const p = new Params();
  return { text: `SELECT d.parties FROM disputes d WHERE d.id = ${p.add(id, 'bigint')} AND ${disputeScopeSql(scope, 'd', p)}`, values: p.values };
}

/** The dispute's history in order: seq, at, action, from_status, to_status, level, actor, note, actor_role, actor_unit. */
export function disputeEventsSql(scope: AccessScope, id: number): SqlQuery {
  const p = new Params();
  const text = `SELECT ev.seq, ${isoMillisSql('ev.at')} AS at, ev.action, ev.from_status, ev.to_status, ev.level, ev.actor, ev.note, ev.actor_role, ev.actor_unit
    FROM dispute_events ev WHERE ev.dispute_id = ${p.add(id, 'bigint')} AND ${disputeChildScopeSql(scope, 'ev', 'dispute_id', p)} ORDER BY ev.seq`;
  return { text, values: p.values };
}
