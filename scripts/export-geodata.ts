/**
 * Writes the generated geography and facilities as GeoJSON files to geodata/generated/ (git-ignored),
 * for a look in QGIS and to show determinism: the same SEED and SEED_AS_OF give byte-identical files
 * (compare with sha256sum). Run: npm run geodata:export
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSeedConfig } from '../server/src/config.ts';
import { generateDataSet } from '../server/src/seed/generate.ts';
import { readSources } from '../server/src/seed/read-sources.ts';

const OUT = resolve(import.meta.dirname, '../geodata/generated');
const cfg = readSeedConfig();
const ds = generateDataSet(readSources(), cfg);
mkdirSync(OUT, { recursive: true });

const poly = (coordinates: unknown) => ({ type: 'MultiPolygon', coordinates });
const point = (coordinates: unknown) => ({ type: 'Point', coordinates });
const write = (name: string, features: { id: number | string; geometry: unknown; properties: Record<string, unknown> }[]) => {
  const fc = { type: 'FeatureCollection', name, synthetic: true, generator: ds.meta.generator,
    features: features.map((f) => ({ type: 'Feature', ...f })) };
  writeFileSync(join(OUT, `${name}.geojson`), JSON.stringify(fc) + '\n');
  console.log(`${name}.geojson: ${features.length} features`);
};

const g = ds.geography;
write('towns', g.towns.map((t) => ({ id: t.id, geometry: poly(t.geom), properties: { code: t.code, name: t.name, kind: t.kind, population: t.population, households: t.households, seat: t.seat, seat_placed: t.seatPlaced } })));
write('villages', g.villages.map((v) => ({ id: v.id, geometry: poly(v.geom), properties: { code: v.code, name: v.name, official_name: v.officialName, town_code: v.townCode, kind: v.kind, population: v.population, households: v.households } })));
write('grids', g.grids.map((x) => ({ id: x.id, geometry: poly(x.geom), properties: { code: x.code, name: x.name, kind: x.kind, town_code: x.townCode, village_code: x.villageCode, population: x.population, households: x.households } })));
write('cameras', ds.facilities.cameras.map((c) => ({ id: c.id, geometry: point(c.at), properties: { code: c.code, program: c.program, name: c.name, grid_code: c.gridCode } })));
const f = ds.facilities;
for (const [name, list] of [['police-workrooms', f.policeWorkrooms], ['mediation-rooms', f.mediationRooms], ['legal-stations', f.legalStations], ['monitoring-rooms', f.monitoringRooms], ['police-stations', f.policeStations]] as const) {
  write(name, list.map((x) => ({ id: x.id, geometry: point(x.at), properties: { code: x.code, name: x.name, village_code: x.villageCode } })));
}
write('disputes', ds.disputes.map((d) => ({ id: d.id, geometry: point(d.at), properties: { code: d.code, type: d.type, status: d.status, level: d.level, reported_at: d.reportedAt.toISOString(), resolved_at: d.resolvedAt?.toISOString() ?? null, grid_code: d.gridCode } })));
