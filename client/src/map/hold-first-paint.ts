/**
 * The first view is painted once, complete, instead of once per batch of tiles as they arrive.
 *
 * MapLibre paints a frame each time a tile or a GeoJSON source finishes loading. Where WebGL runs
 * in software (headless browsers, virtual desktops and thin clients without a GPU: common on a
 * command centre's private network) each frame of the district costs 70–170 ms of CPU, and the
 * first view used to take nine painted frames, all but the last of a half-loaded map that was at once
 * painted over (counted by tests/browser/first-paint.test.ts; BENCHMARKS.md, issue 3). While the first view loads, this skips the painting step of
 * MapLibre's render loop (tiles are still requested, parsed and placed as usual) until the map
 * reports everything loaded, or `maxMs` has passed: then it paints, and never holds again.
 *
 * It wraps the map's painter, which MapLibre does not document as public: if a later version
 * renames it, this does nothing and the map paints as before (a test checks the hook holds).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export const HOLD_MAX_MS = 1500;

interface PainterLike { render: (...args: unknown[]) => unknown }

/** Holds painting of the map's first view; returns whether it could (false: painting as usual). */
export function holdFirstPaint(map: MapLibreMap, maxMs = HOLD_MAX_MS): boolean {
  const painter = (map as unknown as { painter?: PainterLike }).painter;
  if (!painter || typeof painter.render !== 'function') return false;
  const paint = painter.render;
  let holding = true;
  /** Stops holding for good: the painter is the map's own again. */
  const stop = () => { holding = false; painter.render = paint; clearTimeout(timer); };
  const timer = setTimeout(() => { if (holding) { stop(); map.triggerRepaint(); } }, maxMs);
  painter.render = function held(this: unknown, ...args: unknown[]) {
    if (holding && !map.loaded()) return undefined;
    stop();
    return paint.apply(this, args);
  };
  map.once('remove', () => clearTimeout(timer));
  return true;
}
