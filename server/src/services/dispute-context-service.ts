/**
 * One dispute in its surroundings, for the side panel: the record (what, where, when, who handles
 * it — never the parties), its history, the 3 nearest cameras, and the nearest mediation room and
 * police workroom, with distances on the ellipsoid.
 */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { findCollection, type CollectionDef } from '../domain/collections.ts';
import { DISPUTE_TYPE_LABELS, type DisputeType } from '../domain/dispute-types.ts';
import { disputeEventsSql, disputeSql } from '../sql/dispute-context-sql.ts';
import { nearestPointsSql } from '../sql/nearest-sql.ts';
import { nearestFacilitySql } from '../sql/responsible-sql.ts';
import { roundMetres, type NearbyCamera } from './area-service.ts';
import { jsonValue } from './row-values.ts';

export const NEAREST_CAMERAS_TO_DISPUTE = 3;

/** A room near a dispute: where it is, not who staffs it (their contacts are on the grid panel, by role). */
export interface NearbyFacility { id: number; code: string; name: string; lon: number; lat: number; distance_m: number }

export interface DisputeContext {
  dispute: Record<string, unknown>;
  history: Record<string, unknown>[];
  nearest: { cameras: NearbyCamera[]; mediation_room: NearbyFacility | null; police_workroom: NearbyFacility | null };
}

const must = (id: string): CollectionDef => findCollection(id)!;
const CAMERAS = must('cameras');
const MEDIATION = must('mediation-rooms');
const WORKROOMS = must('police-workrooms');

/** The record as the API shows it, from a row of disputeSql (never the parties). */
export function disputeRecord(d: Record<string, unknown>): Record<string, unknown> {
  return {
    id: Number(d.id), code: d.code, type: d.type, type_label: DISPUTE_TYPE_LABELS[d.type as DisputeType] ?? null,
    status: d.status, level: d.level, version: Number(d.version), criminal_risk: d.criminal_risk, overdue: d.overdue,
    repeat_of: d.repeat_of === null ? null : Number(d.repeat_of),
    reported_at: d.reported_at, resolved_at: d.resolved_at, due_at: d.due_at,
    handler_unit: d.handler_unit, summary: d.summary, outcome: d.outcome,
    town: { code: d.town_code, name: d.town_name }, village: { code: d.village_code, name: d.village_name }, grid: { code: d.grid_code, name: d.grid_name },
    lon: Number(d.lon), lat: Number(d.lat),
  };
}

export interface DisputeContextService {
  /** null when no dispute has that id. */
  context(scope: AccessScope, id: number): Promise<DisputeContext | null>;
}

export function createDisputeContextService(db: Database, now: () => Date = () => new Date()): DisputeContextService {
  async function facility(scope: AccessScope, c: CollectionDef, point: [number, number]): Promise<NearbyFacility | null> {
    const q = nearestFacilitySql(scope, c, point);
    const r = (await db.query<{ id: unknown; properties: unknown; lon: number; lat: number; distance_m: number }>(q.text, q.values)).rows[0];
    if (!r) return null;
    const p = jsonValue(r.properties) as { code: string; name: string };
    return { id: Number(r.id), code: p.code, name: p.name, lon: Number(r.lon), lat: Number(r.lat), distance_m: roundMetres(r.distance_m) };
  }

  return {
    async context(scope, id) {
      const q = disputeSql(scope, id, now());
      const d = (await db.query<Record<string, unknown>>(q.text, q.values)).rows[0];
      if (!d) return null;
      const point: [number, number] = [Number(d.lon), Number(d.lat)];
      const h = disputeEventsSql(scope, id);
      const history = (await db.query<Record<string, unknown>>(h.text, h.values)).rows;
      const c = nearestPointsSql(scope, CAMERAS, point, NEAREST_CAMERAS_TO_DISPUTE);
      const cams = (await db.query<{ id: unknown; properties: unknown; lon: number; lat: number; distance_m: number }>(c.text, c.values)).rows;
      return {
        dispute: disputeRecord(d),
        history,
        nearest: {
          cameras: cams.map((r) => {
            const p = jsonValue(r.properties) as { code: string; name: string; program: string };
            return { id: Number(r.id), code: p.code, name: p.name, program: p.program, lon: Number(r.lon), lat: Number(r.lat), distance_m: roundMetres(r.distance_m) };
          }),
          mediation_room: await facility(scope, MEDIATION, point),
          police_workroom: await facility(scope, WORKROOMS, point),
        },
      };
    },
  };
}
