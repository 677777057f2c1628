/**
 * Fits lon/lat geometries into a box on a page: equirectangular with the longitude scaled by
 * cos(mid-latitude) (true shape at the district's size), aspect kept, centred, y pointing down.
 */
export type Ring = [number, number][];
export interface GeoJsonArea { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] }

/** The polygons of a Polygon or MultiPolygon, each a list of rings. */
export function polygonsOf(g: GeoJsonArea): Ring[][] {
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
}

export function fitProjection(geoms: readonly GeoJsonArea[], box: { x: number; y: number; width: number; height: number }): (p: [number, number]) => [number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of geoms) for (const poly of polygonsOf(g)) for (const ring of poly) for (const [x, y] of ring) {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) return () => [box.x, box.y];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const w = Math.max((maxX - minX) * k, 1e-9), h = Math.max(maxY - minY, 1e-9);
  const s = Math.min(box.width / w, box.height / h);
  const ox = box.x + (box.width - w * s) / 2, oy = box.y + (box.height - h * s) / 2;
  return ([lon, lat]) => [ox + (lon - minX) * k * s, oy + (maxY - lat) * s];
}
