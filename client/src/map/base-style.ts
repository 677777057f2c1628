/**
 * The offline basemap, drawn from our own data through our vector tiles: neighbouring counties, the
 * district, the Jing River and main roads, towns, villages, grids, and place names in Chinese. Text
 * is rendered from the browser's fonts (no `glyphs` URL: MapLibre ≥ 5.11 draws it locally), so the
 * map needs no internet. Optional online basemaps (天地图, OSM, PMTiles) go underneath when configured.
 */
import type { StyleSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { AppConfig } from '../api/endpoints.ts';

export const LABEL_TILE_MAXZOOM = 8;
export const FONT = ['Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
export const VECTOR_LAYERS = ['context-counties', 'context-lines', 'towns', 'villages', 'grids', 'monitoring-rooms', 'police-stations',
  'police-workrooms', 'mediation-rooms', 'legal-stations', 'governance-centres'] as const;

/**
 * A vector source: inline from the config's tile templates (no TileJSON round trip before the first
 * tile), or through the layer's TileJSON when the config has none.
 */
function tileSource(origin: string, config: AppConfig | null, layer: string): SourceSpecification {
  const t = config?.tiles?.[layer];
  if (!t) return { type: 'vector', url: `${origin}/api/tiles/${layer}.json` };
  return { type: 'vector', tiles: [origin + t.path], minzoom: t.minzoom, maxzoom: t.maxzoom, ...(config?.district ? { bounds: config.district.bbox } : {}) };
}

/**
 * The composite source: one tile endpoint holding the layers of BASE_SOURCE_LAYERS, each exactly as
 * its own layer's tile (server/src/tiles/composite-layers.ts). The basemap and the area layers draw
 * from it, so the first view's tiles arrive in one batch rather than one per source, and in software
 * WebGL each batch costs a frame (BENCHMARKS.md, issue 3).
 */
export const BASE_SOURCE = 'base';
export const BASE_SOURCE_LAYERS = ['context-counties', 'context-lines', 'towns', 'villages', 'grids'] as const;

function baseSource(origin: string, config: AppConfig | null): SourceSpecification {
  const tiles = config?.tiles;
  if (!tiles || tiles[BASE_SOURCE]) return tileSource(origin, config, BASE_SOURCE);
  // The config lists the layers' templates; the composite spans their zooms.
  const parts = BASE_SOURCE_LAYERS.flatMap((l) => tiles[l] ?? []);
  if (parts.length === 0) return tileSource(origin, config, BASE_SOURCE);
  return { type: 'vector', tiles: [`${origin}/api/tiles/${BASE_SOURCE}/{z}/{x}/{y}.mvt`],
    minzoom: Math.min(...parts.map((t) => t.minzoom)), maxzoom: Math.max(...parts.map((t) => t.maxzoom)),
    ...(config?.district ? { bounds: config.district.bbox } : {}) };
}

export function baseStyle(origin: string, config: AppConfig | null, basemap: string): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  sources[BASE_SOURCE] = baseSource(origin, config);
  // The single-layer sources stay declared for layers drawn over grids by other modules (screening,
  // hotspots); MapLibre fetches no tiles for a source until a visible layer uses it.
  for (const l of VECTOR_LAYERS) sources[l] = tileSource(origin, config, l);
  // Town and village label points, cut into tiles no deeper than z8 and overzoomed from there: the
  // district's first view then lays them out in 4 tiles instead of 12 (counted by
  // TIMELINE=1 of scripts/bench-map.ts). A point may be off by up to 8 px at z16.
  sources.labels = { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, maxzoom: LABEL_TILE_MAXZOOM };
  sources['grid-labels'] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': '#e9ece6' } }];
  const online = config?.basemaps.find((b) => b.id === basemap && b.kind !== 'vector');
  if (online?.kind === 'raster') {
    online.layers.forEach((l, i) => {
      sources[`online-${i}`] = { type: 'raster', tiles: l.tiles, tileSize: l.tileSize, minzoom: l.minzoom, maxzoom: l.maxzoom, attribution: l.attribution };
      layers.push({ id: `online-${i}`, type: 'raster', source: `online-${i}` });
    });
  } else if (online?.kind === 'pmtiles') {
    // A raster PMTiles archive (the pmtiles:// protocol is registered in MapCanvas).
    sources['online-0'] = { type: 'raster', url: `pmtiles://${online.url}`, tileSize: 256 };
    layers.push({ id: 'online-0', type: 'raster', source: 'online-0' });
  }
  const dim = online ? 0.25 : 1;
  layers.push(
    { id: 'counties-fill', type: 'fill', source: BASE_SOURCE, 'source-layer': 'context-counties', paint: { 'fill-color': '#dcdfd7', 'fill-opacity': dim, 'fill-antialias': false } },
    { id: 'counties-line', type: 'line', source: BASE_SOURCE, 'source-layer': 'context-counties', paint: { 'line-color': '#a9ada2', 'line-width': 1 } },
    // The district's ground, drawn from the towns (they tile the district exactly): the towns load
    // anyway, so this saves a layer in the tiles at start-up (BENCHMARKS.md, issue 3).
    { id: 'district-fill', type: 'fill', source: BASE_SOURCE, 'source-layer': 'towns', paint: { 'fill-color': '#f8f7f1', 'fill-opacity': dim * 0.95, 'fill-antialias': false } },
    { id: 'river', type: 'line', source: BASE_SOURCE, 'source-layer': 'context-lines', filter: ['==', ['get', 'kind'], 'river'],
      paint: { 'line-color': '#5e9fe0', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2, 13, 6] } },
    // One constant colour per layer (not a `match`): fewer shader programs, see overlay-layers.ts.
    { id: 'roads', type: 'line', source: BASE_SOURCE, 'source-layer': 'context-lines', filter: ['==', ['get', 'kind'], 'national_road'],
      paint: { 'line-color': '#c98b6b', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 13, 4] } },
    { id: 'expressways', type: 'line', source: BASE_SOURCE, 'source-layer': 'context-lines', filter: ['==', ['get', 'kind'], 'expressway'],
      paint: { 'line-color': '#d9a03f', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 13, 4] } },
  );
  return { version: 8, sources, layers };
}

/** Labels of the offline basemap: counties, the river, and (from /api/labels) towns, villages, grids. */
export function labelLayers(): LayerSpecification[] {
  const text = (size: number[]) => ({ 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], ...size] as any, 'text-allow-overlap': false });
  return [
    { id: 'counties-label', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'context-counties',
      layout: { 'text-field': ['get', 'name'], ...text([7, 13, 11, 16]) }, paint: { 'text-color': '#7d8177', 'text-halo-color': '#fff', 'text-halo-width': 1 } },
    { id: 'river-label', type: 'symbol', source: BASE_SOURCE, 'source-layer': 'context-lines', filter: ['==', ['get', 'kind'], 'river'],
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], ...text([8, 12, 13, 16]) }, paint: { 'text-color': '#2d6db5', 'text-halo-color': '#fff', 'text-halo-width': 1.5 } },
  ];
}
