/**
 * "Who is responsible here" (联心卡 contact card): the units covering a point, the grid's three
 * contacts, and the nearest police workroom, mediation room and legal service station.
 */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { applyPersonalPolicy, contactCardUnderPolicy, type ContactCard, type PersonalPolicy } from '../domain/personal-data.ts';
import { ApiError } from '../domain/api-error.ts';
import { findCollection, personalFieldsOf, type CollectionDef } from '../domain/collections.ts';
import { nearestFacilitySql, placeAtPointSql } from '../sql/responsible-sql.ts';

type Props = Record<string, unknown>;
export interface Unit { id: number; properties: Props }
export interface NearestFacility extends Unit { lon: number; lat: number; distance_m: number }

export interface Responsible {
  location: { lon: number; lat: number };
  town: Unit | null;
  village: Unit | null;
  grid: Unit | null;
  /** The grid's contact card; null when the point lies in no grid. */
  contacts: ContactCard | null;
  nearest: { police_workroom: NearestFacility | null; mediation_room: NearestFacility | null; legal_station: NearestFacility | null };
}

const must = (id: string): CollectionDef => {
  const c = findCollection(id);
  if (!c) throw new Error(`collection ${id} missing from the allow-list`);
  return c;
};
const UNITS = { district: must('district'), town: must('towns'), village: must('villages'), grid: must('grids') };
const FACILITIES = { police_workroom: must('police-workrooms'), mediation_room: must('mediation-rooms'), legal_station: must('legal-stations') };

const unit = (v: unknown): Unit | null => {
  if (!v) return null;
  const o = (typeof v === 'string' ? JSON.parse(v) : v) as { id: unknown; properties: Props };
  return { id: Number(o.id), properties: o.properties };
};

const GRID_FIELDS = personalFieldsOf(UNITS.grid);

/**
 * The answer under a personal-data policy (domain/personal-data.ts): the grid's staff names and phones,
 * in its properties and its contact card, and the nearest facilities' staff contacts. `unmasked`
 * lists what went out unmasked (collection id and feature id), for the audit log.
 */
export function responsibleUnderPolicy(policy: PersonalPolicy, r: Responsible): { value: Responsible; unmasked: { kind: string; id: number }[] } {
  const unmasked: { kind: string; id: number }[] = [];
  const grid = r.grid && applyPersonalPolicy(policy, r.grid.properties, GRID_FIELDS);
  if (grid?.personal) unmasked.push({ kind: UNITS.grid.id, id: r.grid!.id });
  const contacts = r.contacts && contactCardUnderPolicy(policy, r.contacts).value;
  const facility = (key: keyof typeof FACILITIES) => {
    const f = r.nearest[key];
    if (!f) return null;
    const p = applyPersonalPolicy(policy, f.properties, personalFieldsOf(FACILITIES[key]));
    if (p.personal) unmasked.push({ kind: FACILITIES[key].id, id: f.id });
    return { ...f, properties: p.value };
  };
  return {
    value: {
      ...r, grid: r.grid && { ...r.grid, properties: grid!.value }, contacts,
      nearest: { police_workroom: facility('police_workroom'), mediation_room: facility('mediation_room'), legal_station: facility('legal_station') },
    },
    unmasked,
  };
}

export interface ResponsibleService {
  /**
   * @param point [lng, lat] in degrees
   * @throws ApiError 422 when the point is outside the district
   */
  lookup(scope: AccessScope, point: readonly [number, number]): Promise<Responsible>;
}

export function createResponsibleService(db: Database): ResponsibleService {
  async function nearest(scope: AccessScope, c: CollectionDef, point: readonly [number, number]): Promise<NearestFacility | null> {
    const q = nearestFacilitySql(scope, c, point);
    const r = (await db.query<{ id: unknown; properties: unknown; lon: number; lat: number; distance_m: number }>(q.text, q.values)).rows[0];
    if (!r) return null;
    const props = (typeof r.properties === 'string' ? JSON.parse(r.properties) : r.properties) as Props;
    return { id: Number(r.id), properties: props, lon: Number(r.lon), lat: Number(r.lat), distance_m: Math.round(Number(r.distance_m) * 10) / 10 };
  }

  return {
    async lookup(scope, point) {
      const q = placeAtPointSql(scope, UNITS, point);
      const row = (await db.query<{ inside: boolean; town: unknown; village: unknown; grid: unknown }>(q.text, q.values)).rows[0];
      if (!row.inside) {
        throw new ApiError(422, 'outside_district', 'lon,lat', `point [${point[0]}, ${point[1]}] (lon, lat) is outside 崆峒区 (Kongtong District)`);
      }
      const grid = unit(row.grid);
      const g = grid?.properties;
      return {
        location: { lon: point[0], lat: point[1] },
        town: unit(row.town),
        village: unit(row.village),
        grid,
        contacts: g
          ? {
              grid_worker: { name: g.worker_name, phone: g.worker_phone, type: g.worker_type },
              police: { name: g.police_name, phone: g.police_phone },
              cadre: { name: g.cadre_name, phone: g.cadre_phone },
            }
          : null,
        nearest: {
          police_workroom: await nearest(scope, FACILITIES.police_workroom, point),
          mediation_room: await nearest(scope, FACILITIES.mediation_room, point),
          legal_station: await nearest(scope, FACILITIES.legal_station, point),
        },
      };
    },
  };
}
