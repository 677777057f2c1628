/**
 * Composite tile layers: one tile endpoint whose MVT holds several source layers, so a map's first
 * view arrives in one batch of tiles instead of one batch per source (in software WebGL each batch
 * costs a frame: BENCHMARKS.md, issue 3). Each layer inside is byte for byte its single-layer tile
 * (same properties, minzoom, simplification): MVT layers are a repeated protobuf field, so the
 * concatenation of single-layer tiles is a valid multi-layer tile.
 */
import { findTileLayer, type CollectionDef } from '../domain/collections.ts';

export interface CompositeLayer {
  /** Path segment: /api/tiles/{id}/{z}/{x}/{y}.mvt, /api/tiles/{id}.json. */
  readonly id: string;
  readonly title: { zh: string; en: string };
  readonly description: string;
  /** The layers inside, in drawing order (each keeps its own minzoom: absent below it). */
  readonly layers: readonly CollectionDef[];
  /** The smallest minzoom and largest maxzoom of its layers. */
  readonly minzoom: number;
  readonly maxzoom: number;
  /** The shortest cache lifetime of its layers. */
  readonly ttlSeconds: number;
}

function composite(id: string, title: CompositeLayer['title'], description: string, ids: readonly string[]): CompositeLayer {
  const layers = ids.map((l) => {
    const def = findTileLayer(l);
    if (!def) throw new Error(`composite ${id}: unknown tile layer ${l}`);
    // Composite tiles are cached once for every user: only reference layers (not scoped) may go in.
    if (def.table === 'disputes') throw new Error(`composite ${id}: ${l} is scoped per user`);
    return def;
  });
  return Object.freeze({
    id, title, description, layers,
    minzoom: Math.min(...layers.map((l) => l.tiles.minzoom)),
    maxzoom: Math.max(...layers.map((l) => l.tiles.maxzoom)),
    ttlSeconds: Math.min(...layers.map((l) => l.tiles.ttlSeconds)),
  });
}

export const COMPOSITE_LAYERS: readonly CompositeLayer[] = [
  composite('base', { zh: '底图与区划', en: 'Basemap and areas' },
    'The offline basemap and the administrative areas in one tile: neighbouring counties, river and roads, towns, villages, grids.',
    ['context-counties', 'context-lines', 'towns', 'villages', 'grids']),
];

const BY_ID = new Map(COMPOSITE_LAYERS.map((c) => [c.id, c]));

/** The composite layer with this id, or undefined. */
export function findCompositeLayer(id: string): CompositeLayer | undefined {
  return BY_ID.get(id);
}
