/**
 * The whole generated data set, deterministically from (seed, as-of date, scale): real boundary and
 * names in, synthetic geography, facilities, disputes and platform items out. Pure: the caller reads
 * the source files (read-sources.ts) and writes the result (db/seed.ts or scripts).
 */
import { createRng } from './rng.ts';
import { generateGeography, type Divisions, type Geography } from './geography.ts';
import { generateFacilities, type Facilities } from './facilities.ts';
import { asOfInstant, generateDisputes, type Dispute } from './disputes.ts';
import { generateTransfers, type Transfer } from './transfers.ts';
import { generateItems, type GridDayRow } from './items.ts';
import { roundCoords, union, type MultiPolygonCoords } from './geometry.ts';
import type { SeedConfig } from '../config.ts';

export const GENERATOR_VERSION = 1;

export interface Sources {
  divisions: Divisions & { provenance: unknown };
  counties: { features: { id: string; properties: { code: string; name: string }; geometry: { type: string; coordinates: any } }[]; provenance: unknown };
}

export interface DataSet {
  meta: Record<string, unknown>;
  districtBoundary: MultiPolygonCoords;
  /** The other counties of 平凉市, real boundaries, for context. */
  contextCounties: { code: string; name: string; geom: MultiPolygonCoords }[];
  geography: Geography;
  facilities: Facilities;
  disputes: Dispute[];
  /** Prompt and assistance letters about the disputes (双向流转). */
  transfers: Transfer[];
  /** Lazily generated platform items, a month of rows per batch. */
  items: () => Generator<GridDayRow[]>;
}

/**
 * The district's polygon: the main part of feature 620802 (a 7-vertex sliver of the source is dropped),
 * cleaned by a self-union, since the quantised source ring touches itself in places (invalid for PostGIS).
 */
export function districtPolygon(sources: Sources): MultiPolygonCoords {
  const f = sources.counties.features.find((x) => x.id === sources.divisions.district.code)!;
  const parts: MultiPolygonCoords = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  return roundCoords(union([[parts.reduce((a, b) => (b[0].length > a[0].length ? b : a))]]));
}

export function generateDataSet(sources: Sources, cfg: SeedConfig): DataSet {
  const rng = createRng(cfg.seed);
  const district = districtPolygon(sources);
  const geography = generateGeography(sources.divisions, district, rng.fork('geography'));
  const facilities = generateFacilities(geography, rng.fork('facilities'));
  const disputes = generateDisputes(geography, { asOf: cfg.asOf, scale: cfg.disputeScale }, rng.fork('disputes'));
  return {
    meta: {
      synthetic: true,
      notice: '本数据集为合成数据（synthetic）：行政边界与区划名称为真实公开数据，其余网格、人员、设施、纠纷、事项均为程序生成，不对应任何真实个人。',
      generator: { name: 'pingan-map seed', version: GENERATOR_VERSION, seed: cfg.seed, scale: cfg.scale, dispute_scale: cfg.disputeScale, as_of: cfg.asOf },
      real: { boundary: sources.counties.provenance, divisions: sources.divisions.provenance },
      generated: ['town and village areas', 'grids and contact cards', 'households and population (sums to 504,300)',
        'cameras and facilities', 'disputes, parties and histories', 'transfer letters', 'platform items'],
    },
    districtBoundary: district,
    contextCounties: sources.counties.features.filter((f) => f.id !== sources.divisions.district.code).map((f) => ({
      code: f.properties.code, name: f.properties.name,
      geom: f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates })),
    geography,
    facilities,
    disputes,
    transfers: generateTransfers(disputes, asOfInstant(cfg.asOf), rng.fork('transfers')),
    items: () => generateItems(geography, disputes, cfg.asOf, cfg.scale, rng.fork('items')),
  };
}
