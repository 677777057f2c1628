/**
 * Encodes tile rows (tile-space GeoJSON from the shared tile SQL) as a Mapbox Vector Tile, for the
 * embedded engine, which has no ST_AsMVT. Geometry is already clipped, snapped and oriented in SQL,
 * so this only reshapes it into geojson-vt tile features and lets @maplibre/vt-pbf write protobuf.
 * Malformed rows are skipped with a warning rather than failing the whole tile.
 */
import { fromGeojsonVt } from '@maplibre/vt-pbf';

type Pos = number[];
interface TileGeometry {
  type: string;
  coordinates: unknown;
}

/** One row of `tileSql(…, 'rows')`: id, the layer's tile properties, and `geometry` (GeoJSON text). */
export type TileRow = Record<string, unknown> & { id: unknown; geometry: string };

interface VtFeature {
  id: number;
  type: 1 | 2 | 3;
  geometry: Pos[] | Pos[][];
  tags: Record<string, string | number | boolean>;
}

/** GeoJSON (already in tile coordinates) → geojson-vt feature type and geometry, or null. */
export function toVtGeometry(g: TileGeometry): Pick<VtFeature, 'type' | 'geometry'> | null {
  const c = g.coordinates as never;
  switch (g.type) {
    case 'Point': return { type: 1, geometry: [c] };
    case 'MultiPoint': return { type: 1, geometry: c };
    case 'LineString': return { type: 2, geometry: [c] };
    case 'MultiLineString': return { type: 2, geometry: c };
    // Rings keep their SQL orientation; exterior rings of each polygon simply follow one another.
    case 'Polygon': return { type: 3, geometry: c };
    case 'MultiPolygon': return { type: 3, geometry: (c as Pos[][][]).flat() };
    default: return null;
  }
}

/** Property values as ST_AsMVT writes them: nulls left out, bigint as number. */
function tagsOf(row: TileRow): VtFeature['tags'] {
  const tags: VtFeature['tags'] = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'id' || k === 'geometry' || v === null || v === undefined) continue;
    if (typeof v === 'bigint') tags[k] = Number(v);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') tags[k] = v;
    else tags[k] = String(v);
  }
  return tags;
}

/**
 * Encodes the rows of one layer into MVT bytes (extent 4096, version 2).
 * Returns an empty array when no row has usable geometry, like ST_AsMVT over no rows.
 */
export function encodeTileRows(layerName: string, rows: readonly TileRow[], warn: (msg: string) => void = console.warn): Uint8Array {
  const features: VtFeature[] = [];
  for (const row of rows) {
    const id = Number(row.id);
    let geom: Pick<VtFeature, 'type' | 'geometry'> | null = null;
    try {
      geom = toVtGeometry(JSON.parse(row.geometry) as TileGeometry);
    } catch {
      geom = null;
    }
    if (!geom || !Number.isSafeInteger(id)) {
      warn(`tile layer ${layerName}: skipped feature ${String(row.id)} with unusable geometry or id`);
      continue;
    }
    features.push({ id, ...geom, tags: tagsOf(row) });
  }
  if (features.length === 0) return new Uint8Array(0);
  // vt-pbf reads only `features` of a geojson-vt tile; its type package is not installed here.
  const layer = { features } as unknown as Parameters<typeof fromGeojsonVt>[0][string];
  return fromGeojsonVt({ [layerName]: layer }, { version: 2, extent: 4096 });
}
