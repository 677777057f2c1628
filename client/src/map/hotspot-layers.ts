/**
 * The hotspot layers over the grids: Getis–Ord Gi* classes (hot/cold at 99/95/90%) and emerging
 * hot-spot classes, each as one fill per class (constant paint, filtered by grid codes, as the risk
 * fills are), dots on the grids' label points when zoomed out (grid outlines are not in the tiles
 * there), and a text mark per class so colour is never the only signal. Pure descriptors.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang } from '../state/url-state.ts';
import { FONT } from './base-style.ts';

export type ClassIndex = Map<string, string>;
interface ClassStyle { colour: string; mark: { zh: string; en: string }; name: { zh: string; en: string } }

export const GI_STYLE: Record<string, ClassStyle> = {
  hot99: { colour: '#b2182b', mark: { zh: '热99', en: 'H99' }, name: { zh: '热点（99%置信）', en: 'Hot spot, 99% confidence' } },
  hot95: { colour: '#ef8a62', mark: { zh: '热95', en: 'H95' }, name: { zh: '热点（95%置信）', en: 'Hot spot, 95% confidence' } },
  hot90: { colour: '#f4c2a6', mark: { zh: '热90', en: 'H90' }, name: { zh: '热点（90%置信）', en: 'Hot spot, 90% confidence' } },
  cold90: { colour: '#b5d3e7', mark: { zh: '冷90', en: 'C90' }, name: { zh: '冷点（90%置信）', en: 'Cold spot, 90% confidence' } },
  cold95: { colour: '#67a9cf', mark: { zh: '冷95', en: 'C95' }, name: { zh: '冷点（95%置信）', en: 'Cold spot, 95% confidence' } },
  cold99: { colour: '#2166ac', mark: { zh: '冷99', en: 'C99' }, name: { zh: '冷点（99%置信）', en: 'Cold spot, 99% confidence' } },
};

export const EMERGING_STYLE: Record<string, ClassStyle> = {
  new: { colour: '#fdae61', mark: { zh: '新', en: 'New' }, name: { zh: '新增热点', en: 'New hot spot' } },
  consecutive: { colour: '#fb6a4a', mark: { zh: '连续', en: 'Con' }, name: { zh: '连续热点', en: 'Consecutive hot spot' } },
  intensifying: { colour: '#a50026', mark: { zh: '增强', en: 'Int' }, name: { zh: '增强热点', en: 'Intensifying hot spot' } },
  persistent: { colour: '#d73027', mark: { zh: '持续', en: 'Per' }, name: { zh: '持续热点', en: 'Persistent hot spot' } },
  diminishing: { colour: '#f46d43', mark: { zh: '减弱', en: 'Dim' }, name: { zh: '减弱热点', en: 'Diminishing hot spot' } },
  sporadic: { colour: '#fee090', mark: { zh: '零星', en: 'Spo' }, name: { zh: '零星热点', en: 'Sporadic hot spot' } },
  oscillating: { colour: '#c994c7', mark: { zh: '振荡', en: 'Osc' }, name: { zh: '振荡热点', en: 'Oscillating hot spot' } },
  historical: { colour: '#9e9e9e', mark: { zh: '历史', en: 'His' }, name: { zh: '历史热点', en: 'Historical hot spot' } },
};

/** The key of a Gi* answer's class, or null for "not significant". */
export function giKey(g: { class: string; confidence: number }): string | null {
  return g.class === 'none' ? null : `${g.class}${g.confidence}`;
}

const inCodes = (codes: string[]): ExpressionSpecification => ['in', ['get', 'code'], ['literal', codes]];
/** Written per feature so these circles share the clusters' shader program (overlay-layers.ts). */
const perFeature = (v: string | number): ExpressionSpecification => ['case', ['has', 'point_count'], v, v] as ExpressionSpecification;

/** The layers of one class layer (`id`: hotspots or emerging). */
export function classLayers(id: 'hotspots' | 'emerging', index: ClassIndex | null, styles: Record<string, ClassStyle>, lang: Lang): LayerSpecification[] {
  const byKey = new Map<string, string[]>(Object.keys(styles).map((k) => [k, []]));
  for (const [code, key] of index ?? []) byKey.get(key)?.push(code);
  return Object.entries(styles).flatMap(([key, s]): LayerSpecification[] => {
    const codes = byKey.get(key)!;
    return [
      { id: `${id}-${key}-fill`, type: 'fill', source: 'grids', 'source-layer': 'grids', minzoom: 10, filter: inCodes(codes),
        paint: { 'fill-color': s.colour, 'fill-opacity': 0.7, 'fill-antialias': false } },
      { id: `${id}-${key}-dot`, type: 'circle', source: 'grid-labels', maxzoom: 11, filter: inCodes(codes),
        paint: { 'circle-color': perFeature(s.colour), 'circle-radius': perFeature(5), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1 } },
      { id: `${id}-${key}-mark`, type: 'symbol', source: 'grid-labels', minzoom: 11, filter: inCodes(codes),
        layout: { 'text-field': s.mark[lang], 'text-font': FONT, 'text-size': 11, 'text-allow-overlap': true, 'text-anchor': 'bottom', 'text-offset': [0, -0.6] },
        paint: { 'text-color': '#2b2b2b', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 } },
    ];
  });
}
