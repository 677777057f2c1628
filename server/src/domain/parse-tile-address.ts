import { invalidParameter, quoteInput } from './api-error.ts';
import { parseStrictInteger } from './parse-number.ts';

/** Deepest zoom served; beyond it clients overzoom (and z22 already has 2.4 cm pixels here). */
export const MAX_TILE_ZOOM = 22;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/**
 * Parses an XYZ (Google/OSM scheme, y down from the north) tile address.
 * @throws ApiError 400 naming `z`, `x` or `y`.
 */
export function parseTileAddress(zRaw: string, xRaw: string, yRaw: string): TileAddress {
  const z = parseStrictInteger(zRaw);
  if (z === null || z > MAX_TILE_ZOOM) throw invalidParameter('z', `z ${quoteInput(zRaw)} is not a zoom level in 0..${MAX_TILE_ZOOM}`);
  const n = 2 ** z;
  const axis = (name: 'x' | 'y', raw: string): number => {
    const v = parseStrictInteger(raw);
    if (v === null || v >= n) throw invalidParameter(name, `${name} ${quoteInput(raw)} is not a tile index in 0..${n - 1} at zoom ${z}`);
    return v;
  };
  return { z, x: axis('x', xRaw), y: axis('y', yRaw) };
}
