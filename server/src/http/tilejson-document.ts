/** TileJSON 3.0.0 for one vector tile layer. */
import { tilePropertiesOf, type CollectionDef } from '../domain/collections.ts';
import { collectionTitle } from './ogc-documents.ts';

const FIELD_TYPE = { string: 'String', 'date-time': 'String', integer: 'Number', number: 'Number', boolean: 'Boolean' } as const;

/**
 * @param bounds [minLng, minLat, maxLng, maxLat] of the district (the whole world when unknown)
 */
export function tileJsonDocument(base: string, layer: CollectionDef, bounds: readonly [number, number, number, number] | null) {
  const b = bounds ?? [-180, -85.0511, 180, 85.0511];
  const { minzoom, maxzoom } = layer.tiles;
  return {
    tilejson: '3.0.0',
    name: collectionTitle(layer),
    description: layer.description,
    version: '1.0.0',
    attribution: '平安一张图 — generated data; district boundary from public data',
    scheme: 'xyz',
    tiles: [`${base}/tiles/${layer.id}/{z}/{x}/{y}.mvt`],
    minzoom,
    maxzoom,
    bounds: b,
    center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, Math.max(minzoom, Math.min(10, maxzoom))],
    vector_layers: [
      {
        id: layer.id,
        description: collectionTitle(layer),
        minzoom,
        maxzoom,
        fields: Object.fromEntries(tilePropertiesOf(layer).map((p) => [p.name, FIELD_TYPE[p.type]])),
      },
    ],
  };
}
