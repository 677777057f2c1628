/**
 * The only component that holds the MapLibre map (and, in hotspot mode, the deck.gl overlay). It
 * applies descriptors from base-style.ts and overlay-layers.ts, reports moves and clicks upwards,
 * and loads viewport data (clusters) as the view changes.
 */
import { useEffect, useRef, useState } from 'react';
import * as maplibregl from 'maplibre-gl';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AppConfig } from '../api/endpoints.ts';
import type { DisputeMode, Lang, LayerId } from '../state/url-state.ts';
import { baseStyle, labelLayers } from './base-style.ts';
import { classLayers, EMERGING_STYLE, GI_STYLE, type ClassIndex } from './hotspot-layers.ts';
import { retryFailedTiles } from './tile-retry.ts';
import { holdFirstPaint } from './hold-first-paint.ts';
import { themeLayers, type MapTheme } from './dark-theme.ts';
import { areaLayers, clusterLayers, facilityLayers, FACILITY_STYLE, RISK_BANDS, type AreaKind, type RiskIndex, type Selected } from './overlay-layers.ts';
import { useViewportClusters } from './use-viewport-clusters.ts';
import { useHotspotOverlay } from './use-hotspot-overlay.ts';
import { flowLayers, screeningLayers, type ScreeningSets } from './workflow-layers.ts';

maplibregl.setWorkerUrl(workerUrl);
// At least two workers: MapLibre's default is half the cores (one on a two-core machine), and the
// first view's tiles of four vector sources and three GeoJSON sources then queue behind each other.
maplibregl.setWorkerCount(Math.max(2, maplibregl.getWorkerCount()));
// Start the worker (and its script download) while React renders the first screen, not when the map
// is created in the first commit's effect.
maplibregl.prewarm();

const READY = 'pingan:ready' as 'load';

export interface MapCanvasProps {
  config: AppConfig;
  center: [number, number];
  zoom: number;
  layers: LayerId[];
  risk: RiskIndex;
  /** Outlined: the selected area, or the areas picked for a report. */
  selected: Selected;
  lang: Lang;
  mode: DisputeMode;
  period: { from: string; to: string } | null;
  basemap: string;
  fitTo: { bbox: [number, number, number, number]; nonce: number; maxZoom?: number } | null;
  labels: GeoJSON.FeatureCollection | null;
  /** Open letters as lines from sender to receiver (/api/transfers/flows). */
  flows: GeoJSON.FeatureCollection | null;
  /** Today's screening: grid codes that reported, were silent, were silent for days. */
  screening: ScreeningSets | null;
  /** Increments on every live update: viewport data is refetched. */
  live: number;
  /** Report mode: the next click on the map picks the place of a new dispute. */
  reportMode: boolean;
  reportPoint: [number, number] | null;
  onReportAt: (at: [number, number]) => void;
  onMove: (center: [number, number], zoom: number) => void;
  onPickArea: (kind: 'town' | 'village' | 'grid', code: string) => void;
  onPickDispute: (id: number, at: [number, number]) => void;
  /** Grid classes of the hotspot layers (code → class key), while those layers are on. */
  classes?: { hotspots: ClassIndex | null; emerging: ClassIndex | null };
  /** Told the map once it exists (and null when it is gone), for overlays that draw over it. */
  onMap?: (map: maplibregl.Map | null) => void;
  /** 'dark' for the wall (dark-theme.ts); light by default. */
  theme?: MapTheme;
}

const AREA_KINDS: AreaKind[] = ['towns', 'villages', 'grids'];
const KIND_OF: Record<AreaKind, 'town' | 'village' | 'grid'> = { towns: 'town', villages: 'village', grids: 'grid' };

export function MapCanvas(p: MapCanvasProps) {
  const box = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const builtWith = useRef<unknown[]>([]);
  const props = useRef(p);
  props.current = p;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    // One style with every layer from the start: all sources load at once, no layers are added at 'load'.
    const style = fullStyle(p);
    builtWith.current = styleInputs(p);
    const map = new maplibregl.Map({
      container: box.current!, style, center: p.center, zoom: p.zoom,
      maxBounds: [[p.config.district.bbox[0] - 1, p.config.district.bbox[1] - 0.8], [p.config.district.bbox[2] + 1, p.config.district.bbox[3] + 0.8]],
      attributionControl: { compact: true, customAttribution: '边界与区划名称：公开数据；其余为合成数据' },
      fadeDuration: 0,
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'bottom-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    mapRef.current = map;
    holdFirstPaint(map);
    const stopRetry = retryFailedTiles(map);
    (window as any).__pinganMap = map;
    props.current.onMap?.(map);
    // The style is parsed and its sources exist (at start and after a basemap change): from here on
    // props are applied to the map directly. 'load' would wait for the first complete render.
    map.on('style.load', () => {
      setLabels(map, props.current.labels);
      setReady(true);
      map.fire(READY);
    });
    map.on('moveend', () => {
      const c = map.getCenter();
      props.current.onMove([c.lng, c.lat], map.getZoom());
    });
    map.on('click', (e) => {
      if (props.current.reportMode) return props.current.onReportAt([e.lngLat.lng, e.lngLat.lat]);
      const hits = map.queryRenderedFeatures(e.point);
      const dispute = hits.find((f) => f.layer.id === 'disputes-point');
      if (dispute) return props.current.onPickDispute(Number(dispute.properties.id ?? dispute.id), [e.lngLat.lng, e.lngLat.lat]);
      const cluster = hits.find((f) => f.layer.id.endsWith('-cluster'));
      if (cluster) return void map.easeTo({ center: (cluster.geometry as GeoJSON.Point).coordinates as [number, number], zoom: map.getZoom() + 2 });
      // Drill-down follows the zoom bands of the risk colours: towns, then villages, then grids.
      const z = map.getZoom();
      const kind = AREA_KINDS.find((k) => z >= RISK_BANDS[k][0] && z < RISK_BANDS[k][1]) ?? 'grids';
      const f = hits.find((h) => h.layer.id === `${kind}-hit`);
      if (f) props.current.onPickArea(KIND_OF[kind], String(f.properties.code));
    });
    for (const kind of AREA_KINDS) {
      map.on('mouseenter', `${kind}-hit`, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', `${kind}-hit`, () => (map.getCanvas().style.cursor = ''));
    }
    if (p.config.basemaps.some((b) => b.kind === 'pmtiles')) {
      void import('pmtiles').then(({ Protocol }) => maplibregl.addProtocol('pmtiles', new Protocol().tile));
    }
    return () => { props.current.onMap?.(null); stopRetry(); map.remove(); mapRef.current = null; };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Risk, selection, toggles, language or basemap changed: MapLibre diffs the new style against the
  // shown one and applies only the differences (a filter here, a visibility there).
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || styleInputs(p).every((v, i) => v === builtWith.current[i])) return;
    builtWith.current = styleInputs(p);
    map.setStyle(fullStyle(p), { diff: true, transformStyle: keepGeoJsonData });
  }, [ready, p.theme, p.risk, p.selected, p.lang, p.layers, p.mode, p.basemap, p.screening, p.classes?.hotspots, p.classes?.emerging]);

  useEffect(() => { if (ready && mapRef.current) setLabels(mapRef.current, p.labels); }, [ready, p.labels]);
  useEffect(() => { if (ready && mapRef.current) setGeoJson(mapRef.current, 'transfers', p.flows); }, [ready, p.flows]);

  useEffect(() => { if (mapRef.current) mapRef.current.getCanvas().style.cursor = p.reportMode ? 'crosshair' : ''; }, [p.reportMode]);
  const marker = useRef<maplibregl.Marker | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!p.reportPoint) { marker.current?.remove(); marker.current = null; return; }
    marker.current ??= new maplibregl.Marker({ color: '#c0392b' });
    marker.current.setLngLat(p.reportPoint).addTo(map);
  }, [p.reportPoint]);

  useEffect(() => {
    const map = mapRef.current;
    if (!p.fitTo || !map) return;
    const fit = p.fitTo.bbox;
    // The first fit (opening on the whole district) jumps; later ones (drill-down) animate.
    map.fitBounds(fit, { padding: 40, maxZoom: p.fitTo.maxZoom ?? 15.5, duration: map.loaded() ? 800 : 0 });
  }, [p.fitTo?.nonce]);

  useViewportClusters(mapRef, ready, p.layers, p.period, p.mode, p.live);
  useHotspotOverlay(mapRef, p.layers.includes('disputes') && p.mode !== 'clusters' ? p.mode : null, p.period);
  return <div ref={box} className="map-canvas" data-testid="map" />;
}

/** Puts data into a GeoJSON source of the style, unless it is already there. */
function setGeoJson(map: maplibregl.Map, id: string, data: GeoJSON.FeatureCollection | null): void {
  const src = map.getSource(id) as maplibregl.GeoJSONSource | undefined;
  if (src && data && src.serialize().data !== data) src.setData(data);
}

/**
 * The label points of the basemap: towns and villages in 'labels', grids in 'grid-labels'. Grid
 * names show from z13 only, so at the district's zoom their source has no tiles to cut and lay out.
 */
function setLabels(map: maplibregl.Map, labels: GeoJSON.FeatureCollection | null): void {
  if (!labels) return;
  let split = splitLabels.get(labels);
  if (!split) {
    const areas = labels.features.filter((f) => f.properties?.kind !== 'grid'), grids = labels.features.filter((f) => f.properties?.kind === 'grid');
    split = [{ type: 'FeatureCollection', features: areas }, { type: 'FeatureCollection', features: grids }];
    splitLabels.set(labels, split);
  }
  setGeoJson(map, 'labels', split[0]);
  setGeoJson(map, 'grid-labels', split[1]);
}
const splitLabels = new WeakMap<GeoJSON.FeatureCollection, [GeoJSON.FeatureCollection, GeoJSON.FeatureCollection]>();

/** Every overlay layer for the current props: risk, selection, toggles (a few dozen descriptors). */
function overlaySpecs(p: MapCanvasProps): LayerSpecification[] {
  const specs: LayerSpecification[] = [];
  const withVisibility = (l: LayerSpecification, visible: boolean) => ({ ...l, layout: { ...(l.layout ?? {}), visibility: visible ? 'visible' : 'none' } }) as LayerSpecification;
  for (const kind of AREA_KINDS) {
    const on = p.layers.includes(kind);
    // With the risk layer off, names carry no level marks either.
    for (const l of areaLayers(kind, p.layers.includes('risk') ? p.risk : NO_RISK, p.selected, p.lang)) {
      const isRisk = l.id.includes('-risk');
      specs.push(withVisibility(l, isRisk ? p.layers.includes('risk') : on || l.id.endsWith('-selected')));
    }
  }
  for (const id of Object.keys(FACILITY_STYLE) as LayerId[]) for (const l of facilityLayers(id)) specs.push(withVisibility(l, p.layers.includes(id)));
  for (const l of screeningLayers(p.screening)) specs.push(withVisibility(l, p.layers.includes('screening')));
  for (const l of flowLayers()) specs.push(withVisibility(l, p.layers.includes('transfers')));
  for (const l of classLayers('hotspots', p.classes?.hotspots ?? null, GI_STYLE, p.lang)) specs.push(withVisibility(l, p.layers.includes('hotspots')));
  for (const l of classLayers('emerging', p.classes?.emerging ?? null, EMERGING_STYLE, p.lang)) specs.push(withVisibility(l, p.layers.includes('emerging')));
  for (const id of CLUSTER_SOURCES) {
    const visible = p.layers.includes(id) && (id !== 'disputes' || p.mode === 'clusters');
    for (const l of clusterLayers(id)) specs.push(withVisibility(l, visible));
  }
  return specs;
}

const NO_RISK: RiskIndex = {};
const CLUSTER_SOURCES = ['disputes', 'cameras-xueliang', 'cameras-pingan'] as const;

/** The basemap, its labels, the GeoJSON sources of the clusters and every overlay, as one style. */
function fullStyle(p: MapCanvasProps): StyleSpecification {
  const style = baseStyle(location.origin, p.config, p.basemap);
  style.layers.push(...labelLayers());
  for (const id of [...CLUSTER_SOURCES, 'transfers']) style.sources[id] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  style.layers.push(...overlaySpecs(p));
  style.layers = themeLayers(style.layers, p.theme ?? 'light');
  return style;
}

/** What the style is built from (the labels' and clusters' data is set apart, into their sources). */
const styleInputs = (p: MapCanvasProps): unknown[] => [p.theme, p.risk, p.selected, p.lang, p.layers, p.mode, p.basemap, p.screening, p.classes?.hotspots, p.classes?.emerging];

/** A style diff keeps the data already loaded into the GeoJSON sources (labels, clusters). */
function keepGeoJsonData(prev: StyleSpecification | undefined, next: StyleSpecification): StyleSpecification {
  const sources = { ...next.sources };
  for (const [id, src] of Object.entries(prev?.sources ?? {})) if (src.type === 'geojson' && sources[id]?.type === 'geojson') sources[id] = src;
  return { ...next, sources };
}
