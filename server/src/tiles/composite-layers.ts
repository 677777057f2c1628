/**
 * Composite tile layers: one tile endpoint whose MVT holds several source layers, so a map's first
 * view arrives in one batch of tiles instead of one batch per source (in software WebGL each batch
 * costs a frame: BENCHMARKS.md, issue 3). Each layer inside is byte for byte its single-layer tile
 * (same properties, minzoom, simplification): MVT layers are a repeated protobuf field, so the
 * concatenation of single-layer tiles is a valid multi-layer tile. A layer may start deeper in the
 * composite than on its own (`from`): the grids come into `base` at z11, where the map first draws
 * them from it, not at z10 (their own minzoom, for the hot-spot layers): at the district view they made
 * up most of each tile's bytes (1,066 grids, 158 KB of a city tile) and were decoded for nothing.
 */
import { findTileLayer, type CollectionDef } from '../domain/collections.ts';

export interface CompositeLayer {
  /** Path segment: /api/tiles/{id}/{z}/{x}/{y}.mvt, /api/tiles/{id}.json. */
  readonly id: string;
  readonly title: { zh: string; en: string };
  readonly description: string;
  /** The layers inside, in drawing order (each absent below its own minzoom, or below `from`). */
  readonly layers: readonly CollectionDef[];
  /** Per layer id: the zoom from which it is in the composite, when deeper than its own minzoom. */
  readonly from: Readonly<Record<string, number>>;
  /** The smallest minzoom and largest maxzoom of its layers. */
  readonly minzoom: number;
  readonly maxzoom: number;
  /** The shortest cache lifetime of its layers. */
  readonly ttlSeconds: number;
}

function composite(id: string, title: CompositeLayer['title'], description: string, ids: readonly string[], from: Record<string, number> = {}): CompositeLayer {
  const layers = ids.map((l) => {
    const def = findTileLayer(l);
    if (!def) throw new Error(`composite ${id}: unknown tile layer ${l}`);
    // Composite tiles are cached once for every user: only reference layers (not scoped) may go in.
    if (def.table === 'disputes') throw new Error(`composite ${id}: ${l} is scoped per user`);
    return def;
  });
  return Object.freeze({
    id, title, description, layers, from: Object.freeze({ ...from }),
    minzoom: Math.min(...layers.map((l) => l.tiles.minzoom)),
    maxzoom: Math.max(...layers.map((l) => l.tiles.maxzoom)),
    ttlSeconds: Math.min(...layers.map((l) => l.tiles.ttlSeconds)),
  });
}

export const COMPOSITE_LAYERS: readonly CompositeLayer[] = [
  composite('base', { zh: '底图与区划', en: 'Basemap and areas' },
    'The offline basemap and the administrative areas in one tile: neighbouring counties, river and roads, towns, villages, grids.',
    ['context-counties', 'context-lines', 'towns', 'villages', 'grids'], { grids: 11 }),
];

const BY_ID = new Map(COMPOSITE_LAYERS.map((c) => [c.id, c]));

/** The composite layer with this id, or undefined. */
export function findCompositeLayer(id: string): CompositeLayer | undefined {
  return BY_ID.get(id);
}

/** The zoom from which `layer` is in `composite`: its own minzoom, or deeper. */
export function compositeMinzoom(composite: CompositeLayer, layer: CollectionDef): number {
  return Math.max(layer.tiles.minzoom, composite.from[layer.id] ?? 0);
}
