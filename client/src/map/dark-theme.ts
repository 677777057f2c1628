/**
 * The dark theme of the map, for the command-centre wall (a dark room, a dark page around the map):
 * the same layers as the light map, recoloured by layer id after the style is built, so every layer
 * module keeps one set of rules. The four risk colours and the hot-spot colours are kept as they are
 * (they are the legend); the ground goes dark, lines and names go light, and text halos take the
 * ground's colour so names stay readable over any fill.
 */
import type { LayerSpecification } from 'maplibre-gl';

export type MapTheme = 'light' | 'dark';

export const DARK_GROUND = '#0b1424';

/** Paint per layer id. */
const BY_ID: Record<string, Record<string, unknown>> = {
  background: { 'background-color': DARK_GROUND },
  'counties-fill': { 'fill-color': '#101b2d' },
  'counties-line': { 'line-color': '#3a4c66' },
  'district-fill': { 'fill-color': '#1a2940' },
  river: { 'line-color': '#3b8fdc' },
  roads: { 'line-color': '#8a6b58' },
  expressways: { 'line-color': '#a8843f' },
  'counties-label': { 'text-color': '#8d9cb2' },
  'river-label': { 'text-color': '#7dbbf2' },
  'towns-line': { 'line-color': '#d5deea' },
  'villages-line': { 'line-color': '#7d8ea7' },
  'grids-line': { 'line-color': '#55667f' },
  'towns-selected': { 'line-color': '#ffffff' },
  'villages-selected': { 'line-color': '#ffffff' },
  'grids-selected': { 'line-color': '#ffffff' },
};

/** The level marks ("● 红" …), brighter than on paper. */
const MARK_COLOUR: Record<string, string> = { red: '#ff7b88', orange: '#ffab5e', yellow: '#ffdf5e' };

function darkPaint(l: LayerSpecification): Record<string, unknown> {
  const own = BY_ID[l.id];
  if (own) return own;
  if (l.type !== 'symbol') return {};
  const mark = /-risk-mark-(red|orange|yellow)$/.exec(l.id);
  if (mark) return { 'text-color': MARK_COLOUR[mark[1]] };
  // Area names and every other label: light text.
  return { 'text-color': '#e8eef7' };
}

/** `layers` in the theme (the light theme is how they are built). */
export function themeLayers(layers: LayerSpecification[], theme: MapTheme): LayerSpecification[] {
  if (theme === 'light') return layers;
  return layers.map((l) => {
    const paint: Record<string, unknown> = { ...((l as { paint?: Record<string, unknown> }).paint ?? {}), ...darkPaint(l) };
    if (l.type === 'symbol') paint['text-halo-color'] = DARK_GROUND;
    if (l.type === 'circle' && paint['circle-stroke-color']) paint['circle-stroke-color'] = DARK_GROUND;
    return { ...l, paint } as LayerSpecification;
  });
}
