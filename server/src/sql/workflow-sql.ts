/**
 * Named SQL for the dispute workflow: where a reported point falls, the next ledger code, inserting a
 * dispute, reading and updating its state (optimistic: WHERE version = the one read), appending to its
 * history, and the open disputes behind the deadline cards.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { AreaKind } from '../domain/area-kinds.ts';
import type { CaseNext } from '../domain/dispute-workflow.ts';
import { AREA_TABLE } from './area-sql.ts';
import { AREA_COLUMN } from './risk-sql.ts';
import { areaScopeSql, disputeScopeSql } from './scope-clause.ts';
import { Params, type SqlQuery } from './sql-query.ts';

/**
 * One row: `inside` (the district covers the point) and the grid covering it with its village and
 * town codes and names (nulls when none). ST_Covers, so a point on a border still finds a grid; ties go
 * to the lowest id. The && prefilter lets the GiST index on grids.geom do the work.
 */
export function placeForPointSql(scope: AccessScope, [lng, lat]: readonly [number, number]): SqlQuery {
  const p = new Params();
  const text = `WITH pt AS (SELECT ST_SetSRID(ST_MakePoint(${p.add(lng, 'float8')}, ${p.add(lat, 'float8')}), 4326) AS geom)
    SELECT EXISTS (SELECT 1 FROM district d, pt WHERE ST_Covers(d.geom, pt.geom)) AS inside,
      g.code AS grid_code, g.village_code, g.town_code, v.name AS village_name, t.name AS town_name
    FROM pt
      LEFT JOIN LATERAL (SELECT x.code, x.village_code, x.town_code FROM grids x
        WHERE x.geom && pt.geom AND ST_Covers(x.geom, pt.geom) ORDER BY x.id LIMIT 1) g ON TRUE
      LEFT JOIN villages v ON v.code = g.village_code LEFT JOIN towns t ON t.code = g.town_code`;
  return { text, values: p.values };
}

/**
 * Serialises code allocation until the transaction ends: reports in the same instant would otherwise
 * read the same last code. A transaction-level advisory lock (keys: district, 1 = dispute codes).
 */
export function lockDisputeCodesSql(): SqlQuery {
  return { text: 'SELECT pg_advisory_xact_lock(620802, 1)', values: [] };
}

/** The same for sending letters, so two identical letters cannot both pass the duplicate check (key 2). */
export function lockTransfersSql(): SqlQuery {
  return { text: 'SELECT pg_advisory_xact_lock(620802, 2)', values: [] };
}

/** The highest ledger code of a year (column `code`; no row when the year has none). Codes are KT + year + 6 digits. */
export function lastCodeOfYearSql(year: number): SqlQuery {
  const text = `SELECT code FROM disputes WHERE code >= $1::text AND code < $2::text ORDER BY code DESC LIMIT 1`;
  return { text, values: [`KT${year}`, `KT${year + 1}`] };
}

export interface NewDispute {
  code: string; town_code: string; village_code: string; grid_code: string; type: string; criminal_risk: boolean; level: string;
  reported_at: Date; due_at: Date; summary: string; parties: unknown[]; party_key: string; place_key: string; handler_unit: string;
  point: readonly [number, number];
}

/** Inserts a reported dispute (id from disputes_id_seq); returns its `id`. */
export function insertDisputeSql(d: NewDispute): SqlQuery {
  const p = new Params();
  const text = `INSERT INTO disputes (code, district_code, town_code, village_code, grid_code, type, criminal_risk, status, level,
      reported_at, due_at, summary, parties, party_key, place_key, handler_unit, geom)
    VALUES (${p.add(d.code, 'text')}, '620802', ${p.add(d.town_code, 'text')}, ${p.add(d.village_code, 'text')}, ${p.add(d.grid_code, 'text')},
      ${p.add(d.type, 'text')}, ${p.add(d.criminal_risk, 'boolean')}, 'reported', ${p.add(d.level, 'text')},
      ${p.add(d.reported_at.toISOString(), 'timestamptz')}, ${p.add(d.due_at.toISOString(), 'timestamptz')}, ${p.add(d.summary, 'text')},
      ${p.add(JSON.stringify(d.parties), 'text')}::jsonb, ${p.add(d.party_key, 'text')}, ${p.add(d.place_key, 'text')}, ${p.add(d.handler_unit, 'text')},
      ST_SetSRID(ST_MakePoint(${p.add(d.point[0], 'float8')}, ${p.add(d.point[1], 'float8')}), 4326))
    RETURNING id`;
  return { text, values: p.values };
}

/** What the state machine needs of one dispute, with its version and the names of its village and town. */
export function disputeStateSql(scope: AccessScope, id: number): SqlQuery {
  const p = new Params();
  const text = `SELECT d.id, d.status, d.level, d.type, d.grid_code, d.village_code, d.town_code, d.handler_unit, d.due_at, d.version,
      ST_X(d.geom) AS lon, ST_Y(d.geom) AS lat, v.name AS village_name, t.name AS town_name
    FROM disputes d JOIN villages v ON v.code = d.village_code JOIN towns t ON t.code = d.town_code
    WHERE d.id = ${p.add(id, 'bigint')} AND ${disputeScopeSql(scope, 'd', p)}`;
  return { text, values: p.values };
}

/** Where a dispute is and who may see it (domain/access-scope.ts DisputePlace): type, town_code, grid_code, handler_unit, letter_units. */
export function disputePlaceSql(id: number): SqlQuery {
  const text = `SELECT d.type, d.town_code, d.grid_code, d.handler_unit,
      coalesce((SELECT array_agg(DISTINCT u ORDER BY u) FROM transfers x, unnest(ARRAY[x.sender_unit, x.receiver_unit]) u WHERE x.dispute_id = d.id), ARRAY[]::text[]) AS letter_units
    FROM disputes d WHERE d.id = $1::bigint`;
  return { text, values: [id] };
}

/** Moves a dispute to its next state if it is still at `version`; returns the new `version` (no row: stale). */
export function updateDisputeSql(id: number, version: number, next: CaseNext): SqlQuery {
  const p = new Params();
  const text = `UPDATE disputes SET status = ${p.add(next.status, 'text')}, level = ${p.add(next.level, 'text')},
      handler_unit = ${p.add(next.handler_unit, 'text')}, due_at = ${p.add(next.due_at.toISOString(), 'timestamptz')},
      resolved_at = ${p.add(next.resolved_at?.toISOString() ?? null, 'timestamptz')}, outcome = coalesce(${p.add(next.outcome, 'text')}, outcome),
      version = version + 1
    WHERE id = ${p.add(id, 'bigint')} AND version = ${p.add(version, 'int')}
    RETURNING version`;
  return { text, values: p.values };
}

export interface NewEvent {
  dispute_id: number; at: Date; action: string; from_status: string | null; to_status: string; level: string;
  actor: string; actor_role: string; actor_unit: string; note: string | null;
}

/** Appends one event to a dispute's history with the next seq; returns `seq`. Run after locking the dispute (UPDATE). */
export function appendDisputeEventSql(e: NewEvent): SqlQuery {
  const p = new Params();
  const id = p.add(e.dispute_id, 'bigint');
  const text = `INSERT INTO dispute_events (dispute_id, district_code, seq, at, action, from_status, to_status, level, actor, note, actor_role, actor_unit)
    SELECT ${id}, '620802', coalesce(max(seq), 0) + 1, ${p.add(e.at.toISOString(), 'timestamptz')}, ${p.add(e.action, 'text')},
      ${p.add(e.from_status, 'text')}, ${p.add(e.to_status, 'text')}, ${p.add(e.level, 'text')}, ${p.add(e.actor, 'text')}, ${p.add(e.note, 'text')},
      ${p.add(e.actor_role, 'text')}, ${p.add(e.actor_unit, 'text')}
    FROM dispute_events WHERE dispute_id = ${id}
    RETURNING seq`;
  return { text, values: p.values };
}

/** Open disputes (id, town/village/grid codes, type, level, status, due_at), within an area when `within` is given. */
export function openDisputesSql(scope: AccessScope, within: { kind: AreaKind; code: string } | null): SqlQuery {
  const p = new Params();
  const area = within ? `AND d.${AREA_COLUMN[within.kind]} = ${p.add(within.code, 'text')}` : '';
  const text = `SELECT d.id, d.town_code, d.village_code, d.grid_code, d.type, d.level, d.status, d.due_at
    FROM disputes d WHERE d.status <> 'resolved' ${area} AND ${disputeScopeSql(scope, 'd', p)}`;
  return { text, values: p.values };
}

/** Areas of a kind (code, name), within a parent area when given, ordered by code. */
export function areasOfKindSql(scope: AccessScope, kind: Exclude<AreaKind, 'district'>, within: { kind: AreaKind; code: string } | null): SqlQuery {
  const p = new Params();
  // The caller checks that `within` is the same kind or coarser (a town has no village_code).
  const col = within ? (within.kind === kind ? 'code' : AREA_COLUMN[within.kind]) : null;
  const area = within && col ? `AND a.${col} = ${p.add(within.code, 'text')}` : '';
  const text = `SELECT a.code, a.name FROM ${AREA_TABLE[kind]} a WHERE TRUE ${area} AND ${areaScopeSql(scope, 'a.code', p)} ORDER BY a.code`;
  return { text, values: p.values };
}
