/**
 * Seeds the database with the generated data set on first start and never again: the last step writes
 * dataset_meta.seeded, so a seed interrupted half-way is detected at the next start, wiped and redone.
 */
import type { Database } from './database.ts';
import type { SeedConfig } from '../config.ts';
import { generateDataSet, type DataSet } from '../seed/generate.ts';
import { readSources } from '../seed/read-sources.ts';
import { CONTEXT_LINES, DISTRICT_POPULATION } from '../seed/places.ts';
import { multiAreaKm2 } from '../seed/geometry.ts';
import { bulkInsert, geojsonMulti, LINESTRING, MULTIPOLYGON, POINT, wktPoint, type Column } from './bulk-insert.ts';
import { insertFacilities } from './seed-facilities.ts';
import { insertDisputes, insertItems } from './seed-activity.ts';
import { insertTransfers, syncIdSequences } from './seed-transfers.ts';
import { ensureDemoAccounts } from './seed-accounts.ts';

/** Tables in dependency order (children last); wiped in reverse by an interrupted seed. */
export const SEEDED_TABLES = ['dataset_meta', 'district', 'context_counties', 'context_lines', 'towns', 'villages', 'grids', 'cameras',
  'monitoring_rooms', 'police_stations', 'police_workrooms', 'mediation_rooms', 'legal_stations', 'governance_centres',
  'disputes', 'dispute_events', 'transfers', 'transfer_events', 'grid_daily_items', 'users', 'display_credentials', 'sessions'];

export type Log = (msg: string) => void;

export async function isSeeded(db: Database): Promise<boolean> {
  const r = await db.query("SELECT 1 FROM dataset_meta WHERE key = 'seeded'");
  return r.rows.length > 0;
}

/**
 * Seeds if not yet seeded; returns true when it seeded. The demo accounts come with the demo data
 * (db/seed-accounts.ts), also into a database seeded before accounts existed.
 */
export async function ensureSeeded(db: Database, cfg: SeedConfig, log: Log = () => undefined, accounts: { demoPassword: string | null } = { demoPassword: null }): Promise<boolean> {
  if (await isSeeded(db)) {
    await ensureDemoAccounts(db, accounts.demoPassword, log);
    return false;
  }
  await db.exec(`TRUNCATE ${[...SEEDED_TABLES].reverse().join(', ')}`);
  const t0 = Date.now();
  log(`seeding: generating data set (seed=${cfg.seed}, scale=${cfg.scale}, dispute scale=${cfg.disputeScale}, as of ${cfg.asOf})…`);
  const ds = generateDataSet(readSources(), cfg);
  log(`seeding: generated in ${((Date.now() - t0) / 1000).toFixed(1)} s; loading into ${db.engine}…`);
  await insertGeography(db, ds);
  await insertFacilities(db, ds);
  await insertDisputes(db, ds);
  await insertTransfers(db, ds);
  await syncIdSequences(db);
  const items = await insertItems(db, ds, log);
  await ensureDemoAccounts(db, accounts.demoPassword, log);
  await db.exec('ANALYZE');
  const meta = { ...ds.meta, counts: { disputes: ds.disputes.length, transfers: ds.transfers.length, grid_day_rows: items } };
  await bulkInsert(db, 'dataset_meta', [{ name: 'key', type: 'text' }, { name: 'value', type: 'text', expr: 'v::jsonb' }],
    [['dataset', JSON.stringify(meta)], ['seeded', JSON.stringify({ at: new Date().toISOString(), engine: db.engine })]]);
  log(`seeding: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

const txt = (name: string): Column => ({ name, type: 'text' });
const int = (name: string): Column => ({ name, type: 'int4' });
const big = (name: string): Column => ({ name, type: 'int8' });

async function insertGeography(db: Database, ds: DataSet): Promise<void> {
  const g = ds.geography;
  const src = ds.meta.real as { boundary: unknown };
  await bulkInsert(db, 'district', [big('id'), txt('code'), txt('name'), { name: 'area_km2', type: 'float8' }, int('population'),
    { name: 'synthetic', type: 'bool' }, txt('provenance'), { name: 'geom', ...MULTIPOLYGON() }],
  [[620802, '620802', '崆峒区', multiAreaKm2(ds.districtBoundary), DISTRICT_POPULATION, false, JSON.stringify(src.boundary), geojsonMulti(ds.districtBoundary)]]);
  await bulkInsert(db, 'context_counties', [big('id'), txt('code'), txt('name'), { name: 'geom', ...MULTIPOLYGON() }],
    ds.contextCounties.map((c) => [Number(c.code), c.code, c.name, geojsonMulti(c.geom)]));
  await bulkInsert(db, 'context_lines', [big('id'), txt('code'), txt('name'), txt('kind'), { name: 'geom', ...LINESTRING() }],
    CONTEXT_LINES.map((l, i) => [i + 1, l.code, l.name, l.kind, JSON.stringify({ type: 'LineString', coordinates: l.coords })]));
  await bulkInsert(db, 'towns', [big('id'), txt('code'), txt('district_code'), txt('name'), txt('kind'), int('households'), int('population'),
    { name: 'seat', ...POINT() }, { name: 'geom', ...MULTIPOLYGON() }],
  g.towns.map((t) => [t.id, t.code, '620802', t.name, t.kind, t.households, t.population, wktPoint(t.seat), geojsonMulti(t.geom)]));
  await bulkInsert(db, 'villages', [big('id'), txt('code'), txt('district_code'), txt('town_code'), txt('name'), txt('official_name'), txt('kind'),
    int('households'), int('population'), { name: 'centre', ...POINT() }, { name: 'geom', ...MULTIPOLYGON() }],
  g.villages.map((v) => [v.id, v.code, '620802', v.townCode, v.name, v.officialName, v.kind, v.households, v.population, wktPoint(v.centre), geojsonMulti(v.geom)]));
  await bulkInsert(db, 'grids', ['id', 'code', 'district_code', 'town_code', 'village_code', 'name', 'kind', 'households', 'population',
    'worker_name', 'worker_phone', 'worker_type', 'police_name', 'police_phone', 'cadre_name', 'cadre_phone', 'geom']
    .map((n) => (n === 'id' ? big(n) : n === 'households' || n === 'population' ? int(n) : n === 'geom' ? { name: n, ...MULTIPOLYGON() } : txt(n))),
  g.grids.map((x) => [x.id, x.code, '620802', x.townCode, x.villageCode, x.name, x.kind, x.households, x.population, x.worker.name,
    x.worker.phone, x.worker.type, x.police.name, x.police.phone, x.cadre.name, x.cadre.phone, geojsonMulti(x.geom)]), 500);
}
