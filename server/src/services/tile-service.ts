/**
 * Vector tiles of one layer: render through the shared tile SQL (ST_AsMVT on PostGIS, the
 * TypeScript encoder on PGlite), then keep the bytes and their ETag in an LRU cache. A composite
 * tile (tiles/composite-layers.ts) is the concatenation of its layers' tiles, cached as well.
 */
import type { Database } from '../db/database.ts';
import { scopeKey, type AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import type { TileAddress } from '../domain/parse-tile-address.ts';
import { tileSql } from '../sql/tile-sql.ts';
import { compositeMinzoom, type CompositeLayer } from '../tiles/composite-layers.ts';
import { encodeTileRows, type TileRow } from '../tiles/encode-mvt.ts';
import { etagOf } from '../tiles/etag.ts';
import { LruCache } from '../tiles/tile-cache.ts';

export interface Tile {
  /** MVT bytes; empty when no feature touches the tile. */
  readonly bytes: Uint8Array;
  readonly etag: string;
}

export interface TileService {
  /** The tile, from cache when fresh. Below the layer's minzoom the tile is empty. */
  getTile(scope: AccessScope, layer: CollectionDef, tile: TileAddress): Promise<Tile>;
  /**
   * One tile holding every layer of a composite, each exactly its single-layer tile (those come
   * from, and go into, the cache too). Composites hold reference layers only: one entry for all users.
   */
  getComposite(scope: AccessScope, composite: CompositeLayer, tile: TileAddress): Promise<Tile>;
  /** Renders MVT bytes without touching the cache (benchmarks, engine comparisons). */
  render(scope: AccessScope, layer: CollectionDef, tile: TileAddress): Promise<Uint8Array>;
  /** Forget cached tiles of one layer (after its data changed), or of all layers. */
  invalidate(layerId?: string): void;
}

export const DEFAULT_TILE_CACHE_SIZE = 2000;
const EMPTY = new Uint8Array(0);

/** Renders one tile on whichever engine `db` is: ST_AsMVT on PostGIS, rows + encoder on PGlite. */
async function renderOn(db: Database, scope: AccessScope, layer: CollectionDef, tile: TileAddress): Promise<Uint8Array> {
  if (tile.z < layer.tiles.minzoom) return EMPTY;
  if (db.engine === 'postgis') {
    const q = tileSql(scope, layer, tile, 'mvt');
    const { rows } = await db.query<{ mvt: Uint8Array | null }>(q.text, q.values);
    const mvt = rows[0]?.mvt;
    return mvt ? new Uint8Array(mvt.buffer, mvt.byteOffset, mvt.byteLength) : EMPTY;
  }
  const q = tileSql(scope, layer, tile, 'rows');
  const { rows } = await db.query<TileRow>(q.text, q.values);
  return encodeTileRows(layer.id, rows);
}

/** A tile service over db with an LRU of `cacheSize` tiles (default 2000; 0 disables the cache). */
export function createTileService(db: Database, cacheSize = DEFAULT_TILE_CACHE_SIZE): TileService {
  const cache = new LruCache<Tile>(cacheSize);
  // Concurrent requests for the same uncached tile share one rendering.
  const inFlight = new Map<string, Promise<Tile>>();
  const render = (scope: AccessScope, layer: CollectionDef, tile: TileAddress) => renderOn(db, scope, layer, tile);
  // Composites that hold each layer, so invalidating a layer forgets them too.
  const compositesOf = new Map<string, Set<string>>();
  /** The cached tile at key, or the one being rendered, or a new rendering shared by concurrent callers. */
  async function cached(key: string, ttlSeconds: number, make: () => Promise<Uint8Array>): Promise<Tile> {
    const hit = cache.get(key) ?? inFlight.get(key);
    if (hit) return hit;
    const job = make().then((bytes) => {
      const t: Tile = { bytes, etag: etagOf(bytes) };
      cache.set(key, t, ttlSeconds * 1000);
      return t;
    });
    inFlight.set(key, job);
    try {
      return await job;
    } finally {
      inFlight.delete(key);
    }
  }
  const service: TileService = {
    render,
    getTile(scope, layer, tile) {
      // Only dispute tiles differ by scope (sql/scope-clause.ts); reference layers are shared by every user.
      const key = `${layer.id}/${tile.z}/${tile.x}/${tile.y}@${layer.table === 'disputes' ? scopeKey(scope) : 'reference'}`;
      return cached(key, layer.tiles.ttlSeconds, () => render(scope, layer, tile));
    },
    getComposite(scope, composite, tile) {
      for (const l of composite.layers) {
        if (!compositesOf.has(l.id)) compositesOf.set(l.id, new Set());
        compositesOf.get(l.id)!.add(composite.id);
      }
      const key = `${composite.id}/${tile.z}/${tile.x}/${tile.y}@reference`;
      return cached(key, composite.ttlSeconds, async () => {
        // Each layer below its minzoom in the composite is simply absent from the tile.
        const parts = await Promise.all(composite.layers.map((l) => (tile.z < compositeMinzoom(composite, l) ? null : service.getTile(scope, l, tile))));
        return concatBytes(parts.flatMap((p) => (p ? [p.bytes] : [])));
      });
    },
    invalidate(layerId) {
      if (!layerId) return cache.clear();
      cache.deletePrefix(`${layerId}/`);
      for (const c of compositesOf.get(layerId) ?? []) cache.deletePrefix(`${c}/`);
    },
  };
  return service;
}

/**
 * Several MVT messages as one: a tile's layers are a repeated field (number 3) of the Tile message,
 * and protobuf parsers merge repeated fields of concatenated messages, so this is a valid
 * multi-layer tile (the same holds for the bytea of several ST_AsMVT results). Empty when all are.
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const nonEmpty = parts.filter((p) => p.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0];
  const out = new Uint8Array(nonEmpty.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of nonEmpty) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
