/**
 * Tiles that failed to load (network lost, server restarting, 503 while the database is down) are
 * asked for again by themselves. MapLibre marks such a tile 'errored' and keeps it blank until its
 * source reloads, so an unattended wall that stays on one view after an outage would show holes for
 * good. Each failure is remembered (source and tile) and retried after RETRY_MS.base, doubling up to
 * RETRY_MS.max while failures go on, and at once when the browser reports it is back online. MapLibre
 * reports no error for a 404 (an empty tile), so those are never retried.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export const RETRY_MS = { base: 5_000, max: 60_000 };

type TileId = { x: number; y: number; z: number };

/** The retry schedule: pure, so it can be tested without a map. */
export class TileRetryQueue {
  private failed = new Map<string, Map<string, TileId>>();
  private delay = RETRY_MS.base;
  private lastFailureAt = -Infinity;

  /** Records a failure at time `now`; returns the delay until the next retry. */
  add(sourceId: string, tile: TileId, now: number): number {
    // A failure long after the last one starts the back-off again.
    if (now - this.lastFailureAt > RETRY_MS.max * 2) this.delay = RETRY_MS.base;
    this.lastFailureAt = now;
    let tiles = this.failed.get(sourceId);
    if (!tiles) this.failed.set(sourceId, (tiles = new Map()));
    tiles.set(`${tile.z}/${tile.x}/${tile.y}`, tile);
    return this.delay;
  }

  /** The failures to retry now, per source (and forgets them); the next delay doubles. */
  take(): [string, TileId[]][] {
    const out = [...this.failed].map(([id, tiles]) => [id, [...tiles.values()]] as [string, TileId[]]);
    this.failed.clear();
    this.delay = Math.min(RETRY_MS.max, this.delay * 2);
    return out;
  }

  get pending(): number { let n = 0; for (const t of this.failed.values()) n += t.size; return n; }
}

/** Retries the map's failed tiles by themselves; returns the function that stops it. */
export function retryFailedTiles(map: MapLibreMap): () => void {
  const queue = new TileRetryQueue();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const retry = () => {
    if (timer) { clearTimeout(timer); timer = null; }
    for (const [sourceId, tiles] of queue.take()) {
      // The style may have changed since (a basemap switch): skip sources that are gone.
      if (map.getSource(sourceId)) map.refreshTiles(sourceId, tiles);
    }
  };
  const onError = (e: { sourceId?: string; tile?: { tileID?: { canonical: TileId } } }) => {
    const t = e.tile?.tileID?.canonical;
    if (!e.sourceId || !t) return;
    const delay = queue.add(e.sourceId, { x: t.x, y: t.y, z: t.z }, Date.now());
    timer ??= setTimeout(retry, delay);
  };
  const onOnline = () => { if (queue.pending) retry(); };
  map.on('error', onError as (e: unknown) => void);
  window.addEventListener('online', onOnline);
  return () => {
    map.off('error', onError as (e: unknown) => void);
    window.removeEventListener('online', onOnline);
    if (timer) clearTimeout(timer);
  };
}
