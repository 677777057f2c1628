/**
 * MapLibre layers drawn over the basemap: administrative outlines, the four-colour risk fills with
 * level marks (towns when zoomed out, villages in between, grids when zoomed in),
 * facilities, and the clustered disputes and cameras. Pure descriptors: the map applies them.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { RiskLevelName } from '../api/endpoints.ts';
import type { Lang, LayerId } from '../state/url-state.ts';
import { BASE_SOURCE, FONT } from './base-style.ts';
import { RISK_COLOURS, RISK_LEVELS, RISK_MARKS } from './risk-colours.ts';

export type AreaKind = 'towns' | 'villages' | 'grids';
/**
 * Zoom band in which each kind carries the risk colours. The bands start at whole zooms: a tile of
 * zoom z lays out every layer whose minzoom is below z + 1, so a band starting at 10.5 had the z10
 * tiles of the district view lay out all the villages' fills, names and marks without showing them.
 */
export const RISK_BANDS: Record<AreaKind, [number, number]> = { towns: [0, 11], villages: [11, 13], grids: [13, 24] };
export type RiskIndex = Partial<Record<AreaKind, Map<string, RiskLevelName>>>;

/** Codes of the areas at each level. */
export function codesByLevel(index: Map<string, RiskLevelName> | undefined): Record<RiskLevelName, string[]> {
  const groups: Record<RiskLevelName, string[]> = { blue: [], yellow: [], orange: [], red: [] };
  for (const [code, level] of index ?? []) groups[level].push(code);
  return groups;
}

const inCodes = (codes: string[]): ExpressionSpecification => ['in', ['get', 'code'], ['literal', codes]];

const OUTLINE: Record<AreaKind, { color: string; width: number; minzoom: number }> = {
  towns: { color: '#4b4f47', width: 2, minzoom: 0 }, villages: { color: '#7b8076', width: 1, minzoom: 9.5 }, grids: { color: '#9aa094', width: 0.6, minzoom: 11.5 },
};
const FILL_OPACITY: Record<RiskLevelName, number> = { red: 0.6, orange: 0.58, yellow: 0.55, blue: 0.32 };
const LABEL_COLOUR: Record<RiskLevelName, string> = { red: '#8a0b1b', orange: '#8a3d00', yellow: '#5f4b00', blue: '#123f87' };
/** Levels that carry a mark on the map; blue (low) is the unmarked default, so the legend says. */
const MARKED: RiskLevelName[] = ['red', 'orange', 'yellow'];

/**
 * The layers of one kind of area. Every level gets a fill of its own with constant paint (filtered
 * by the codes at that level) rather than one layer with data-driven `match` colours: MapLibre
 * compiles a shader program per combination of constant and data-driven paint properties, and in
 * software WebGL each program costs tens of milliseconds at start-up (BENCHMARKS.md, issue 3).
 * Fills have `fill-antialias: false` for the same reason: the outlines are line layers of their own.
 *
 * Colour is never the only signal: every red, orange or yellow area carries its level's mark
 * ("● 红", "● R"…) at its label point, in the band where the colours show, drawn whatever the
 * collisions (`text-allow-overlap`), as a symbol layer sharing the labels' program. It replaced
 * canvas-drawn hatch patterns, whose fill-pattern program and three more fills per kind cost about
 * a seventh of the start-up's CPU time in software WebGL (BENCHMARKS.md, issue 3).
 */
/** What is outlined: the selected area, or the areas picked for a report. */
export type Selected = string | readonly string[] | null;
const selectedCodes = (s: Selected): string[] => (s === null ? [] : typeof s === 'string' ? [s] : [...s]);

export function areaLayers(kind: AreaKind, risk: RiskIndex, selected: Selected, lang: Lang): LayerSpecification[] {
  const [minzoom, maxzoom] = RISK_BANDS[kind];
  const groups = codesByLevel(risk[kind]);
  const o = OUTLINE[kind];
  const risky: LayerSpecification[] = [];
  for (const level of RISK_LEVELS) {
    risky.push({ id: `${kind}-risk-${level}`, type: 'fill', source: BASE_SOURCE, 'source-layer': kind, minzoom, maxzoom, filter: inCodes(groups[level]),
      paint: { 'fill-color': RISK_COLOURS[level], 'fill-opacity': FILL_OPACITY[level], 'fill-antialias': false } });
  }
  const source = kind === 'grids' ? 'grid-labels' : 'labels';
  const labelKind: ExpressionSpecification = ['==', ['get', 'kind'], kind === 'towns' ? 'town' : kind === 'villages' ? 'village' : 'grid'];
  const size = kind === 'towns' ? 15 : kind === 'villages' ? 13 : 11;
  const halo = { 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 };
  // The marks: just below the label point (the name sits on it), placed before the names so a name
  // gives way to a mark, never the other way round.
  const marks: LayerSpecification[] = MARKED.map((level) => ({
    id: `${kind}-risk-mark-${level}`, type: 'symbol', source, minzoom, maxzoom, filter: ['all', labelKind, inCodes(groups[level])] as FilterSpecification,
    layout: { 'text-field': `● ${RISK_MARKS[level][lang]}`, 'text-font': FONT, 'text-size': Math.max(11, size - 2), 'text-anchor': 'top', 'text-offset': [0, 0.9],
      'text-allow-overlap': true, 'text-padding': 0 },
    paint: { 'text-color': LABEL_COLOUR[level], ...halo },
  }));
  const label: LayerSpecification = {
    id: `${kind}-label`, type: 'symbol', source, minzoom: kind === 'towns' ? 7 : kind === 'villages' ? 11 : 13, maxzoom: kind === 'towns' ? 12 : 24, filter: labelKind,
    layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': size, 'text-padding': 2 }, paint: { 'text-color': '#2f332c', ...halo },
  };
  return [
    ...risky,
    { id: `${kind}-hit`, type: 'fill', source: BASE_SOURCE, 'source-layer': kind, minzoom: o.minzoom, paint: { 'fill-color': '#000', 'fill-opacity': 0, 'fill-antialias': false } },
    { id: `${kind}-line`, type: 'line', source: BASE_SOURCE, 'source-layer': kind, minzoom: o.minzoom,
      paint: { 'line-color': o.color, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, o.width * 0.7, 14, o.width * 1.6] } },
    { id: `${kind}-selected`, type: 'line', source: BASE_SOURCE, 'source-layer': kind, minzoom: o.minzoom, filter: ['in', ['get', 'code'], ['literal', selectedCodes(selected)]],
      paint: { 'line-color': '#0b1a33', 'line-width': 4 } },
    label,
    ...marks,
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

/**
 * A constant written as a per-feature expression. Every circle layer gives colour and radius per
 * feature, so they all share one shader program (see areaLayers for why the count matters).
 */
const perFeature = (v: string | number): ExpressionSpecification => ['case', ['has', 'point_count'], v, v] as ExpressionSpecification;

export function facilityLayers(id: LayerId): LayerSpecification[] {
  const s = FACILITY_STYLE[id];
  return [
    { id: `${id}-circle`, type: 'circle', source: id, 'source-layer': id, minzoom: s.minzoom,
      paint: { 'circle-color': perFeature(s.color), 'circle-radius': perFeature(s.radius), 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
    { id: `${id}-label`, type: 'symbol', source: id, 'source-layer': id, minzoom: 13,
      layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top' },
      paint: { 'text-color': s.color, 'text-halo-color': '#fff', 'text-halo-width': 1.4 } },
  ];
}

export const CLUSTER_COLOURS = { disputes: '#c0392b', 'cameras-xueliang': '#0e7c86', 'cameras-pingan': '#5b8c2a' } as const;
const RESOLVED_GREY = '#7f8c8d';

/** Clusters (circle sized by count, with the count) and single points, from a GeoJSON source of server clusters. */
export function clusterLayers(id: keyof typeof CLUSTER_COLOURS): LayerSpecification[] {
  const colour = CLUSTER_COLOURS[id];
  const disputes = id === 'disputes';
  // Disputes: a cluster with nothing open, and a resolved dispute, are grey; open ones are smaller when resolved.
  const clusterColour: ExpressionSpecification = disputes ? ['case', ['>', ['coalesce', ['get', 'open'], 0], 0], colour, RESOLVED_GREY] : perFeature(colour);
  const pointColour: ExpressionSpecification = disputes ? ['case', ['==', ['get', 'status'], 'resolved'], RESOLVED_GREY, colour] : perFeature(colour);
  const pointRadius: ExpressionSpecification = disputes ? ['case', ['==', ['get', 'status'], 'resolved'], 5, 6] : perFeature(4);
  return [
    { id: `${id}-cluster`, type: 'circle', source: id, filter: ['has', 'point_count'],
      paint: { 'circle-color': clusterColour, 'circle-opacity': 0.82, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'point_count']], 1, 10, 10, 20, 40, 40] } },
    { id: `${id}-count`, type: 'symbol', source: id, filter: ['has', 'point_count'],
      layout: { 'text-field': ['to-string', ['get', 'point_count']], 'text-font': FONT, 'text-size': 12, 'text-allow-overlap': true },
      paint: { 'text-color': '#fff' } },
    { id: `${id}-point`, type: 'circle', source: id, filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': pointColour, 'circle-radius': pointRadius, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 } },
  ];
}
