/** TileJSON 3.0.0 for one vector tile layer, or for a composite of several (tiles/composite-layers.ts). */
import { tilePropertiesOf, type CollectionDef } from '../domain/collections.ts';
import { collectionTitle } from './ogc-documents.ts';
import { compositeMinzoom, type CompositeLayer } from '../tiles/composite-layers.ts';

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
    vector_layers: [vectorLayer(layer)],
  };
}

/** One entry of `vector_layers`: the layer's id, zooms and tile properties. */
function vectorLayer(layer: CollectionDef, minzoom = layer.tiles.minzoom) {
  return {
    id: layer.id,
    description: collectionTitle(layer),
    minzoom,
    maxzoom: layer.tiles.maxzoom,
    fields: Object.fromEntries(tilePropertiesOf(layer).map((p) => [p.name, FIELD_TYPE[p.type]])),
  };
}

/** TileJSON of a composite: its template, and one `vector_layers` entry per layer inside (with the zoom it starts at in the composite). */
export function compositeTileJsonDocument(base: string, composite: CompositeLayer, bounds: readonly [number, number, number, number] | null) {
  const b = bounds ?? [-180, -85.0511, 180, 85.0511];
  const { minzoom, maxzoom } = composite;
  return {
    tilejson: '3.0.0',
    name: `${composite.title.zh} ${composite.title.en}`,
    description: composite.description,
    version: '1.0.0',
    attribution: '平安一张图 — generated data; district boundary from public data',
    scheme: 'xyz',
    tiles: [`${base}/tiles/${composite.id}/{z}/{x}/{y}.mvt`],
    minzoom,
    maxzoom,
    bounds: b,
    center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2, Math.max(minzoom, Math.min(10, maxzoom))],
    vector_layers: composite.layers.map((l) => vectorLayer(l, compositeMinzoom(composite, l))),
  };
}
