/**
 * The allow-list of every feature collection the API and the tile server expose: which table,
 * which columns, which filters, which time column and how it is tiled. Nothing outside this file
 * decides what a client can read; SQL builders take identifiers only from here.
 */
import { DISPUTE_STATUSES, DISPUTE_TYPES, HANDLING_LEVELS } from './dispute-types.ts';
import type { PersonalFields } from './personal-data.ts';
import { NAME, assertIdentifier, choice, code, flag, instant, integer, number, text, type PropertyDef } from './property-defs.ts';

export type GeometryType = 'MultiPolygon' | 'LineString' | 'Point';

export interface TileSettings {
  /** Below this zoom the layer is empty (dense point layers would make huge tiles). */
  readonly minzoom: number;
  /** TileJSON maxzoom: clients overzoom beyond it. */
  readonly maxzoom: number;
  /** How long a cached tile stays fresh (seconds); live layers (disputes) are short. */
  readonly ttlSeconds: number;
}

export interface CollectionDef {
  readonly id: string;
  readonly table: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly description: string;
  readonly geometryType: GeometryType;
  readonly properties: readonly PropertyDef[];
  /** The date-time property that `datetime` filters on, or null for timeless collections. */
  readonly temporal: string | null;
  readonly tiles: TileSettings;
}

const STATIC = 3600;
const tiles = (minzoom: number, ttlSeconds = STATIC): TileSettings => ({ minzoom, maxzoom: 14, ttlSeconds });

const TOWN = code('town_code', 'Town/subdistrict code');
const VILLAGE = code('village_code', 'Village/community code');
const GRID = code('grid_code', 'Grid code');
const OWN = code('code', 'Code');
const HOUSEHOLDS = integer('households', 'Households', { inTiles: true });
const POPULATION = integer('population', 'Resident population', { inTiles: true });
const PHONE = text('phone', 'Phone');
/** A staff member's direct phone: personal data. */
const STAFF_PHONE = text('phone', 'Phone', { personal: 'phone' });

const collection = (c: CollectionDef): CollectionDef => {
  assertIdentifier(c.table);
  const leak = c.properties.find((p) => p.personal && p.inTiles);
  if (leak) throw new Error(`${c.id}: personal property ${leak.name} must not be in tiles`);
  if (c.temporal && !c.properties.some((p) => p.name === c.temporal && p.type === 'date-time')) {
    throw new Error(`${c.id}: temporal property ${c.temporal} is not a date-time property`);
  }
  return Object.freeze(c);
};

export const COLLECTIONS: readonly CollectionDef[] = [
  collection({
    id: 'district', table: 'district', title: { zh: '崆峒区', en: 'Kongtong District' },
    description: 'The district boundary (real, from public data).', geometryType: 'MultiPolygon', temporal: null,
    properties: [OWN, NAME, number('area_km2', 'Area (km²)'), integer('population', 'Resident population'), flag('synthetic', 'Generated data set', { queryable: false })],
    tiles: tiles(0),
  }),
  collection({
    id: 'towns', table: 'towns', title: { zh: '乡镇（街道）', en: 'Towns and subdistricts' },
    description: '17 towns/townships and 3 subdistricts.', geometryType: 'MultiPolygon', temporal: null,
    properties: [OWN, NAME, choice('kind', 'Kind', ['subdistrict', 'town', 'township']), HOUSEHOLDS, POPULATION],
    tiles: tiles(6),
  }),
  collection({
    id: 'villages', table: 'villages', title: { zh: '村（社区）', en: 'Villages and communities' },
    description: 'Villages and urban communities.', geometryType: 'MultiPolygon', temporal: null,
    properties: [OWN, NAME, TOWN, choice('kind', 'Kind', ['community', 'village']), HOUSEHOLDS, POPULATION],
    tiles: tiles(8),
  }),
  collection({
    id: 'grids', table: 'grids', title: { zh: '网格', en: 'Grids' },
    description: 'Urban grids (~300 households) and rural grids (one per villager group), with their contact card.',
    geometryType: 'MultiPolygon', temporal: null,
    properties: [
      OWN, NAME, choice('kind', 'Urban or rural', ['urban', 'rural']), TOWN, VILLAGE, HOUSEHOLDS, POPULATION,
      text('worker_name', 'Grid worker', { personal: 'name' }), text('worker_phone', 'Grid worker phone', { personal: 'phone' }),
      choice('worker_type', 'Grid worker type', ['full_time', 'part_time'], { inTiles: false }),
      text('police_name', 'Community police officer', { personal: 'name' }), text('police_phone', 'Police officer phone', { personal: 'phone' }),
      text('cadre_name', 'Community cadre', { personal: 'name' }), text('cadre_phone', 'Cadre phone', { personal: 'phone' }),
    ],
    tiles: tiles(10),
  }),
  collection({
    id: 'cameras', table: 'cameras', title: { zh: '视频监控点位', en: 'Camera points' },
    description: '雪亮工程 (xueliang) and 平安乡村 (pingan) camera points.', geometryType: 'Point', temporal: null,
    // Names are unique per camera and would triple tile size; clients fetch them by feature id.
    properties: [OWN, text('name', 'Name'), choice('program', 'Programme', ['xueliang', 'pingan']), TOWN, VILLAGE, code('grid_code', 'Grid code', { nullable: true })],
    tiles: tiles(10),
  }),
  collection({
    id: 'monitoring-rooms', table: 'monitoring_rooms', title: { zh: '村级监控室', en: 'Village monitoring rooms' },
    description: '平安乡村 monitoring rooms.', geometryType: 'Point', temporal: null,
    properties: [OWN, NAME, TOWN, VILLAGE, integer('camera_count', 'Cameras', { inTiles: true })],
    tiles: tiles(6),
  }),
  collection({
    id: 'police-stations', table: 'police_stations', title: { zh: '派出所', en: 'Police stations' },
    description: 'Police stations.', geometryType: 'Point', temporal: null,
    properties: [OWN, NAME, TOWN, PHONE],
    tiles: tiles(6),
  }),
  collection({
    id: 'police-workrooms', table: 'police_workrooms', title: { zh: '警务工作室', en: 'Police workrooms' },
    description: 'Workrooms named after a community police officer.', geometryType: 'Point', temporal: null,
    properties: [OWN, NAME, TOWN, VILLAGE, code('station_code', 'Police station code'), text('officer_name', 'Officer', { personal: 'name' }), STAFF_PHONE],
    tiles: tiles(6),
  }),
  collection({
    id: 'mediation-rooms', table: 'mediation_rooms', title: { zh: '调解室', en: 'Mediation rooms' },
    description: 'Named people\'s mediation rooms.', geometryType: 'Point', temporal: null,
    properties: [OWN, NAME, TOWN, VILLAGE, text('mediator_name', 'Mediator', { personal: 'name' }), STAFF_PHONE],
    tiles: tiles(6),
  }),
  collection({
    id: 'legal-stations', table: 'legal_stations', title: { zh: '公共法律服务站', en: 'Public legal service stations' },
    description: 'Standard public legal service stations.', geometryType: 'Point', temporal: null,
    properties: [OWN, NAME, TOWN, VILLAGE],
    tiles: tiles(6),
  }),
  collection({
    id: 'governance-centres', table: 'governance_centres', title: { zh: '综治中心', en: 'Comprehensive governance centres' },
    description: 'District, town and village comprehensive-governance centres.', geometryType: 'Point', temporal: null,
    properties: [OWN, NAME, choice('level', 'Level', ['district', 'town', 'village']), code('town_code', 'Town/subdistrict code', { nullable: true }), code('village_code', 'Village/community code', { nullable: true })],
    tiles: tiles(6),
  }),
  collection({
    id: 'disputes', table: 'disputes', title: { zh: '矛盾纠纷', en: 'Disputes' },
    description: 'Recorded neighbourhood disputes (parties are personal data and never exposed).',
    geometryType: 'Point', temporal: 'reported_at',
    properties: [
      // Tiles carry only low-cardinality values (dense layer); code and times come from the items API by id.
      code('code', 'Code', { inTiles: false }), choice('type', 'Type', DISPUTE_TYPES), choice('status', 'Status', DISPUTE_STATUSES), choice('level', 'Handling level', HANDLING_LEVELS),
      flag('criminal_risk', 'Risk of turning criminal (民转刑)'),
      instant('reported_at', 'Reported at'), instant('resolved_at', 'Resolved at', { nullable: true }), instant('due_at', 'Due at'),
      TOWN, VILLAGE, GRID, text('summary', 'Summary'), text('outcome', 'Outcome', { nullable: true }), text('handler_unit', 'Handling unit'),
    ],
    tiles: tiles(10, 60),
  }),
];

/** Basemap context: tile-only layers (not OGC collections), for a map that must work offline. */
export const CONTEXT_LAYERS: readonly CollectionDef[] = [
  collection({
    id: 'context-counties', table: 'context_counties', title: { zh: '周边县区', en: 'Neighbouring counties' },
    description: 'Neighbouring counties of 平凉市 (real boundaries).', geometryType: 'MultiPolygon', temporal: null,
    properties: [OWN, NAME], tiles: tiles(0),
  }),
  collection({
    id: 'context-lines', table: 'context_lines', title: { zh: '河流与道路', en: 'River and main roads' },
    description: 'The Jing river and main roads (estimated lines).', geometryType: 'LineString', temporal: null,
    properties: [OWN, NAME, choice('kind', 'Kind', ['river', 'expressway', 'national_road'])], tiles: tiles(4),
  }),
];

/** Every layer the tile server knows: the collections plus the basemap context. */
export const TILE_LAYERS: readonly CollectionDef[] = [...COLLECTIONS, ...CONTEXT_LAYERS];

const byId = (list: readonly CollectionDef[]) => new Map(list.map((c) => [c.id, c]));
const COLLECTION_BY_ID = byId(COLLECTIONS);
const LAYER_BY_ID = byId(TILE_LAYERS);

/** The collection with this id, or undefined (ids are case-sensitive). */
export function findCollection(id: string): CollectionDef | undefined {
  return COLLECTION_BY_ID.get(id);
}

/** The tile layer with this id, or undefined. */
export function findTileLayer(id: string): CollectionDef | undefined {
  return LAYER_BY_ID.get(id);
}

/** Properties a client may filter on with `?name=value`. */
export function queryablesOf(c: CollectionDef): PropertyDef[] {
  return c.properties.filter((p) => p.queryable);
}

/** The personal properties of a collection (field → kind), empty for most. */
export function personalFieldsOf(c: CollectionDef): PersonalFields {
  return Object.fromEntries(c.properties.filter((p) => p.personal).map((p) => [p.name, p.personal!]));
}

/** Properties carried in vector tiles. */
export function tilePropertiesOf(c: CollectionDef): PropertyDef[] {
  return c.properties.filter((p) => p.inTiles);
}
