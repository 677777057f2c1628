/**
 * Vector tiles of one layer: render through the shared tile SQL (ST_AsMVT on PostGIS, the
 * TypeScript encoder on PGlite), then keep the bytes and their ETag in an LRU cache.
 */
import type { Database } from '../db/database.ts';
import { scopeKey, type AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import type { TileAddress } from '../domain/parse-tile-address.ts';
import { tileSql } from '../sql/tile-sql.ts';
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
  return {
    render,
    async getTile(scope, layer, tile) {
      // Only dispute tiles differ by scope (sql/scope-clause.ts); reference layers are shared by every user.
      const key = `${layer.id}/${tile.z}/${tile.x}/${tile.y}@${layer.table === 'disputes' ? scopeKey(scope) : 'reference'}`;
      const hit = cache.get(key) ?? inFlight.get(key);
      if (hit) return hit;
      const job = render(scope, layer, tile).then((bytes) => {
        const t: Tile = { bytes, etag: etagOf(bytes) };
        cache.set(key, t, layer.tiles.ttlSeconds * 1000);
        return t;
      });
      inFlight.set(key, job);
      try {
        return await job;
      } finally {
        inFlight.delete(key);
      }
    },
    invalidate(layerId) {
      if (layerId) cache.deletePrefix(`${layerId}/`);
      else cache.clear();
    },
  };
}
