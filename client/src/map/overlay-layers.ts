/**
 * MapLibre layers drawn over the basemap: administrative outlines, the four-colour risk fills with
 * patterns and level marks (towns when zoomed out, villages in between, grids when zoomed in),
 * facilities, and the clustered disputes and cameras. Pure descriptors: the map applies them.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { RiskLevelName } from '../api/endpoints.ts';
import type { Lang, LayerId } from '../state/url-state.ts';
import { FONT } from './base-style.ts';
import { PATTERN_IDS } from './patterns.ts';
import { RISK_COLOURS, RISK_MARKS } from './risk-colours.ts';

export type AreaKind = 'towns' | 'villages' | 'grids';
/** Zoom band in which each kind carries the risk colours. */
export const RISK_BANDS: Record<AreaKind, [number, number]> = { towns: [0, 10.5], villages: [10.5, 12.5], grids: [12.5, 24] };
export type RiskIndex = Partial<Record<AreaKind, Map<string, RiskLevelName>>>;

/** ['match', ['get','code'], [codes…], value, …, fallback] for the codes at each level. */
export function byLevel(index: Map<string, RiskLevelName> | undefined, values: Record<RiskLevelName, unknown>, fallback: unknown): ExpressionSpecification {
  const groups: Record<RiskLevelName, string[]> = { blue: [], yellow: [], orange: [], red: [] };
  for (const [code, level] of index ?? []) groups[level].push(code);
  const arms: unknown[] = [];
  for (const level of ['red', 'orange', 'yellow', 'blue'] as const) if (groups[level].length) arms.push(groups[level], values[level]);
  return (arms.length ? ['match', ['get', 'code'], ...arms, fallback] : ['literal', fallback]) as ExpressionSpecification;
}

const OUTLINE: Record<AreaKind, { color: string; width: number; minzoom: number }> = {
  towns: { color: '#4b4f47', width: 2, minzoom: 0 }, villages: { color: '#7b8076', width: 1, minzoom: 9.5 }, grids: { color: '#9aa094', width: 0.6, minzoom: 11.5 },
};

export function areaLayers(kind: AreaKind, risk: RiskIndex, selected: string | null, lang: Lang): LayerSpecification[] {
  const [minzoom, maxzoom] = RISK_BANDS[kind];
  const idx = risk[kind];
  const o = OUTLINE[kind];
  // Blue (low) is the unmarked default, so the map is not covered in marks; the legend says so.
  const mark = byLevel(idx, { red: RISK_MARKS.red[lang], orange: RISK_MARKS.orange[lang], yellow: RISK_MARKS.yellow[lang], blue: '' }, '');
  return [
    { id: `${kind}-risk`, type: 'fill', source: kind, 'source-layer': kind, minzoom, maxzoom,
      paint: { 'fill-color': byLevel(idx, RISK_COLOURS, 'rgba(0,0,0,0)'), 'fill-opacity': byLevel(idx, { red: 0.6, orange: 0.58, yellow: 0.55, blue: 0.32 }, 0) } },
    { id: `${kind}-risk-pattern`, type: 'fill', source: kind, 'source-layer': kind, minzoom, maxzoom,
      filter: ['in', ['get', 'code'], ['literal', [...(idx ?? new Map())].filter(([, l]) => l !== 'blue').map(([c]) => c)]],
      paint: { 'fill-pattern': byLevel(idx, { red: PATTERN_IDS.red, orange: PATTERN_IDS.orange, yellow: PATTERN_IDS.yellow, blue: PATTERN_IDS.yellow }, PATTERN_IDS.yellow) as any, 'fill-opacity': 0.45 } },
    { id: `${kind}-hit`, type: 'fill', source: kind, 'source-layer': kind, minzoom: o.minzoom, paint: { 'fill-color': '#000', 'fill-opacity': 0 } },
    { id: `${kind}-line`, type: 'line', source: kind, 'source-layer': kind, minzoom: o.minzoom,
      paint: { 'line-color': o.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, o.width * 0.7, 14, o.width * 1.6] } },
    { id: `${kind}-selected`, type: 'line', source: kind, 'source-layer': kind, filter: ['==', ['get', 'code'], selected ?? '-'],
      paint: { 'line-color': '#0b1a33', 'line-width': 4 } },
    { id: `${kind}-label`, type: 'symbol', source: 'labels', minzoom: kind === 'towns' ? 7 : kind === 'villages' ? 10.5 : 13, maxzoom: kind === 'towns' ? 12 : 24,
      filter: ['==', ['get', 'kind'], kind === 'towns' ? 'town' : kind === 'villages' ? 'village' : 'grid'],
      layout: {
        'text-field': ['case', ['!=', mark, ''], ['format', ['get', 'name'], {}, '\n', {}, ['concat', '● ', mark], { 'font-scale': 0.85 }], ['get', 'name']] as any,
        'text-font': FONT, 'text-size': kind === 'towns' ? 15 : kind === 'villages' ? 13 : 11, 'text-padding': 2,
      },
      paint: { 'text-color': byLevel(idx, { red: '#8a0b1b', orange: '#8a3d00', yellow: '#5f4b00', blue: '#123f87' }, '#2f332c'), 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 } },
  ];
}

export const FACILITY_STYLE: Record<string, { color: string; radius: number; minzoom: number }> = {
  'police-stations': { color: '#1f3f8f', radius: 6, minzoom: 8 },
  'police-workrooms': { color: '#2b6de0', radius: 6, minzoom: 8 },
  'mediation-rooms': { color: '#13956b', radius: 7, minzoom: 8 },
  'legal-stations': { color: '#7a4bc2', radius: 6, minzoom: 8 },
  'governance-centres': { color: '#8a5a18', radius: 4, minzoom: 10 },
  'monitoring-rooms': { color: '#4e5968', radius: 4, minzoom: 10 },
};

export function facilityLayers(id: LayerId): LayerSpecification[] {
  const s = FACILITY_STYLE[id];
  return [
    { id: `${id}-circle`, type: 'circle', source: id, 'source-layer': id, minzoom: s.minzoom,
      paint: { 'circle-color': s.color, 'circle-radius': s.radius, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
    { id: `${id}-label`, type: 'symbol', source: id, 'source-layer': id, minzoom: 13,
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top' },
      paint: { 'text-color': s.color, 'text-halo-color': '#fff', 'text-halo-width': 1.4 } },
  ];
}

export const CLUSTER_COLOURS = { disputes: '#c0392b', 'cameras-xueliang': '#0e7c86', 'cameras-pingan': '#5b8c2a' } as const;

/** Clusters (circle sized by count, with the count) and single points, from a GeoJSON source of server clusters. */
export function clusterLayers(id: keyof typeof CLUSTER_COLOURS): LayerSpecification[] {
  const colour = CLUSTER_COLOURS[id];
  const openColour: ExpressionSpecification = id === 'disputes'
    ? ['case', ['>', ['coalesce', ['get', 'open'], 0], 0], '#c0392b', '#7f8c8d']
    : ['literal', colour];
  return [
    { id: `${id}-cluster`, type: 'circle', source: id, filter: ['has', 'point_count'],
      paint: { 'circle-color': colour, 'circle-opacity': 0.82, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1, 10, 10, 20, 40, 40] } },
    { id: `${id}-count`, type: 'symbol', source: id, filter: ['has', 'point_count'],
      layout: { 'text-field': ['to-string', ['get', 'point_count']], 'text-font': FONT, 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': '#fff' } },
    { id: `${id}-point`, type: 'circle', source: id, filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': id === 'disputes' ? ['case', ['==', ['get', 'status'], 'resolved'], '#7f8c8d', '#c0392b'] : openColour,
        'circle-radius': id === 'disputes' ? 6 : 4, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
  ];
}
