/** Loads the generated cameras and facilities. */
import type { Database } from './database.ts';
import type { DataSet } from '../seed/generate.ts';
import type { Facility } from '../seed/facilities.ts';
import { bulkInsert, POINT, wktPoint, type Column } from './bulk-insert.ts';

const col = (name: string): Column =>
  name === 'id' ? { name, type: 'int8' } : name === 'geom' ? { name, ...POINT() } : name === 'camera_count' ? { name, type: 'int4' } : { name, type: 'text' };

async function insertPlaced(db: Database, table: string, extra: string[], list: Facility[], withGrid = false): Promise<void> {
  const names = ['id', 'code', 'district_code', 'town_code', 'village_code', ...(withGrid ? ['grid_code'] : []), 'name', ...extra, 'geom'];
  await bulkInsert(db, table, names.map(col), list.map((f) => [f.id, f.code, '620802', f.townCode, f.villageCode,
    ...(withGrid ? [f.gridCode] : []), f.name, ...extra.map((k) => f.extra[k]), wktPoint(f.at)]));
}

export async function insertFacilities(db: Database, ds: DataSet): Promise<void> {
  const f = ds.facilities;
  await bulkInsert(db, 'cameras', ['id', 'code', 'district_code', 'town_code', 'village_code', 'grid_code', 'program', 'name', 'geom'].map(col),
    f.cameras.map((c) => [c.id, c.code, '620802', c.townCode, c.villageCode, c.gridCode, c.program, c.name, wktPoint(c.at)]));
  await insertPlaced(db, 'monitoring_rooms', ['camera_count'], f.monitoringRooms);
  await bulkInsert(db, 'police_stations', ['id', 'code', 'district_code', 'town_code', 'name', 'phone', 'geom'].map(col),
    f.policeStations.map((s) => [s.id, s.code, '620802', s.townCode, s.name, s.extra.phone, wktPoint(s.at)]));
  await insertPlaced(db, 'police_workrooms', ['station_code', 'officer_name', 'phone'], f.policeWorkrooms);
  await insertPlaced(db, 'mediation_rooms', ['mediator_name', 'phone'], f.mediationRooms);
  await insertPlaced(db, 'legal_stations', [], f.legalStations);
  await bulkInsert(db, 'governance_centres', ['id', 'code', 'district_code', 'level', 'town_code', 'village_code', 'name', 'geom'].map(col),
    f.governanceCentres.map((c) => [c.id, c.code, '620802', c.level, c.townCode, c.villageCode, c.name, wktPoint(c.at)]));
}
