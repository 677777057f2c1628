import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { areaLayers, clusterLayers, codesByLevel, facilityLayers, FACILITY_STYLE } from './overlay-layers.ts';
import { baseStyle, labelLayers } from './base-style.ts';
import { flowLayers, screeningLayers } from './workflow-layers.ts';
import type { RiskLevelName } from '../api/endpoints.ts';
import type { LayerId } from '../state/url-state.ts';

const RISK = new Map<string, RiskLevelName>([['620802001', 'red'], ['620802002', 'blue'], ['620802003', 'yellow'], ['620802004', 'red']]);
const paintOf = (l: LayerSpecification) => ('paint' in l ? (l.paint ?? {}) : {}) as Record<string, unknown>;
/** True for an expression that reads feature data (what makes MapLibre compile another shader variant). */
const readsFeatures = (v: unknown): boolean => Array.isArray(v) && (v[0] === 'get' || v[0] === 'has' || v.some(readsFeatures));

describe('risk layers by level', () => {
  it('groups area codes by level', () => {
    expect(codesByLevel(RISK)).toEqual({ blue: ['620802002'], yellow: ['620802003'], orange: [], red: ['620802001', '620802004'] });
    expect(codesByLevel(undefined)).toEqual({ blue: [], yellow: [], orange: [], red: [] });
  });

  it('gives each level a fill filtered to exactly its codes', () => {
    const layers = areaLayers('towns', { towns: RISK }, null, 'zh');
    const fill = (level: string) => layers.find((l) => l.id === `towns-risk-${level}`) as { filter: unknown };
    expect(fill('red').filter).toEqual(['in', ['get', 'code'], ['literal', ['620802001', '620802004']]]);
    expect(fill('orange').filter).toEqual(['in', ['get', 'code'], ['literal', []]]);
    // Blue is drawn but carries no mark (the unmarked default).
    expect(layers.some((l) => l.id === 'towns-risk-mark-blue')).toBe(false);
  });

  it('marks the level of every red, orange and yellow area in text, whatever the collisions, so colour is not the only signal', () => {
    const layers = areaLayers('towns', { towns: RISK }, null, 'zh');
    const red = layers.find((l) => l.id === 'towns-risk-mark-red') as { filter: unknown; minzoom: number; maxzoom: number; layout: Record<string, unknown> };
    expect(red.layout['text-field']).toBe('● 红');
    expect(red.layout['text-allow-overlap']).toBe(true);
    expect(JSON.stringify(red.filter)).toContain(JSON.stringify(['literal', ['620802001', '620802004']]));
    // Shown exactly where the colours are.
    const fill = layers.find((l) => l.id === 'towns-risk-red') as { minzoom: number; maxzoom: number };
    expect([red.minzoom, red.maxzoom]).toEqual([fill.minzoom, fill.maxzoom]);
    expect((areaLayers('towns', { towns: RISK }, null, 'en').find((l) => l.id === 'towns-risk-mark-yellow') as { layout: Record<string, unknown> }).layout['text-field']).toBe('● Y');
    // No fill patterns (a program of their own in software WebGL).
    expect(layers.filter((l) => l.type === 'fill' && 'fill-pattern' in paintOf(l))).toEqual([]);
  });
});

describe('shader variants at start-up', () => {
  it('keeps fill, line and text paint constant per layer (no per-feature colours)', () => {
    const layers = [...baseStyle('http://x', null, 'offline').layers, ...labelLayers(), ...(['towns', 'villages', 'grids'] as const).flatMap((k) => areaLayers(k, { [k]: RISK }, '620802001', 'zh')),
      ...flowLayers(), ...screeningLayers({ reported: ['1'], silent: ['2'], flagged: ['2'] })];
    const offenders = layers.filter((l) => l.type !== 'circle').flatMap((l) => Object.entries(paintOf(l)).filter(([, v]) => readsFeatures(v)).map(([k]) => `${l.id}.${k}`));
    expect(offenders).toEqual([]);
  });

  it('draws no fill antialiasing outline (outlines are line layers)', () => {
    const fills = [...baseStyle('http://x', null, 'offline').layers, ...areaLayers('grids', {}, null, 'zh')].filter((l) => l.type === 'fill');
    expect(fills.map((l) => [l.id, paintOf(l)['fill-antialias']]).filter(([, a]) => a !== false)).toEqual([]);
  });

  it('gives every circle layer per-feature colour and radius, so all circles share one program', () => {
    const circles = [...(Object.keys(FACILITY_STYLE) as LayerId[]).flatMap(facilityLayers), ...(['disputes', 'cameras-xueliang', 'cameras-pingan'] as const).flatMap(clusterLayers)]
      .filter((l) => l.type === 'circle');
    expect(circles.length).toBeGreaterThan(8);
    for (const l of circles) expect([l.id, readsFeatures(paintOf(l)['circle-color']), readsFeatures(paintOf(l)['circle-radius'])]).toEqual([l.id, true, true]);
  });
});

describe('one composite source for the basemap and the areas', () => {
  const config = {
    district: { bbox: [106.2, 35.2, 107.2, 35.8] }, basemaps: [],
    tiles: Object.fromEntries(['context-counties', 'context-lines', 'towns', 'villages', 'grids'].map((l, i) => [l, { path: `/api/tiles/${l}/{z}/{x}/{y}.mvt`, minzoom: [0, 4, 6, 8, 10][i], maxzoom: 14 }])),
  } as unknown as Parameters<typeof baseStyle>[1];

  it('draws the counties, river, roads, district ground and every area layer from the base source, by source-layer', () => {
    const style = baseStyle('http://x', config, 'vector');
    expect(style.sources.base).toEqual({ type: 'vector', tiles: ['http://x/api/tiles/base/{z}/{x}/{y}.mvt'], minzoom: 0, maxzoom: 14, bounds: [106.2, 35.2, 107.2, 35.8] });
    const vector = [...style.layers, ...labelLayers()].filter((l) => 'source-layer' in l) as { id: string; source: string }[];
    expect(vector.length).toBeGreaterThan(5);
    for (const l of vector) expect(l.source, l.id).toBe('base');
    for (const kind of ['towns', 'villages', 'grids'] as const) {
      for (const l of areaLayers(kind, { [kind]: RISK }, null, 'zh').filter((x) => 'source-layer' in x) as { id: string; source: string; 'source-layer': string }[]) {
        expect([l.id, l.source, l['source-layer']]).toEqual([l.id, 'base', kind]);
      }
    }
  });

  it('keeps the single-layer sources declared for other modules (no tiles load until a visible layer uses them)', () => {
    const style = baseStyle('http://x', config, 'vector');
    expect(style.sources.grids).toMatchObject({ type: 'vector', tiles: ['http://x/api/tiles/grids/{z}/{x}/{y}.mvt'] });
  });

  it('falls back to the TileJSON without a config', () => {
    expect(baseStyle('http://x', null, 'vector').sources.base).toEqual({ type: 'vector', url: 'http://x/api/tiles/base.json' });
  });
});
