/**
 * Layers of the working systems: open letters (提示函/协办函) as flows from sender to receiver coloured
 * by status, with an arrow for the direction; and the day's screening (日排查) as grid fills: reported,
 * silent, silent for several days. Constant paint per layer (see overlay-layers.ts for why).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT } from './base-style.ts';

export const FLOW_COLOURS = { sent: '#6a51a3', received: '#2171b5', in_progress: '#238b45', overdue: '#cb181d' } as const;
export type FlowState = keyof typeof FLOW_COLOURS;

const flowFilter = (s: FlowState): ExpressionSpecification => s === 'overdue'
  ? ['==', ['get', 'overdue'], true]
  : ['all', ['==', ['get', 'status'], s], ['!=', ['get', 'overdue'], true]];

export function flowLayers(): LayerSpecification[] {
  const lines: LayerSpecification[] = (Object.keys(FLOW_COLOURS) as FlowState[]).map((s) => ({
    id: `transfers-${s}`, type: 'line', source: 'transfers', filter: flowFilter(s),
    layout: { 'line-cap': 'round' },
    paint: { 'line-color': FLOW_COLOURS[s], 'line-width': s === 'overdue' ? 3.5 : 2.5, 'line-opacity': 0.85, ...(s === 'overdue' ? { 'line-dasharray': [2, 1.5] } : {}) },
  }));
  return [...lines, {
    id: 'transfers-arrow', type: 'symbol', source: 'transfers',
    layout: { 'symbol-placement': 'line-center', 'text-field': '▶', 'text-font': FONT, 'text-size': 14, 'text-keep-upright': false, 'text-allow-overlap': true, 'text-rotation-alignment': 'map' },
    paint: { 'text-color': '#333', 'text-halo-color': '#fff', 'text-halo-width': 1.5 },
  }];
}

export interface ScreeningSets { reported: string[]; silent: string[]; flagged: string[] }
export const SCREENING_COLOURS = { reported: '#41ab5d', silent: '#969696', flagged: '#e6550d' } as const;

/** Grid fills for the day's check-ins; `flagged` (silent for several days) also gets a thick outline. */
export function screeningLayers(sets: ScreeningSets | null): LayerSpecification[] {
  const inCodes = (codes: string[]): ExpressionSpecification => ['in', ['get', 'code'], ['literal', codes]];
  const s = sets ?? { reported: [], silent: [], flagged: [] };
  return [
    ...(['reported', 'silent'] as const).map((k): LayerSpecification => ({ id: `screening-${k}`, type: 'fill', source: 'grids', 'source-layer': 'grids', minzoom: 10,
      filter: inCodes(s[k]), paint: { 'fill-color': SCREENING_COLOURS[k], 'fill-opacity': k === 'reported' ? 0.35 : 0.55, 'fill-antialias': false } })),
    { id: 'screening-flagged', type: 'line', source: 'grids', 'source-layer': 'grids', minzoom: 10, filter: inCodes(s.flagged),
      paint: { 'line-color': SCREENING_COLOURS.flagged, 'line-width': 2.5 } },
  ];
}
