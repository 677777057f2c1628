import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { AREA_LIMITS, areaWkt, parseAreaGeometry } from './parse-area-geometry.ts';

// A square of about 1.1 km × 0.9 km in 崆峒区 (中街), and one with a hole.
const SQUARE = [[106.66, 35.54], [106.67, 35.54], [106.67, 35.55], [106.66, 35.55], [106.66, 35.54]];
const HOLE = [[106.663, 35.543], [106.663, 35.546], [106.666, 35.546], [106.666, 35.543], [106.663, 35.543]];

const refusal = (raw: unknown): { parameter: string | null; message: string } => {
  try {
    parseAreaGeometry(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(400);
    return { parameter: (e as ApiError).parameter, message: e instanceof Error ? e.message : '' };
  }
  throw new Error('accepted');
};

describe('parseAreaGeometry accepts', () => {
  it('a polygon, with a hole', () => {
    expect(parseAreaGeometry({ type: 'Polygon', coordinates: [SQUARE] })).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
    expect(parseAreaGeometry({ type: 'Polygon', coordinates: [SQUARE, HOLE] }).coordinates).toHaveLength(2);
  });
  it('a multipolygon', () => {
    const east = SQUARE.map(([x, y]) => [x + 0.02, y]);
    expect(parseAreaGeometry({ type: 'MultiPolygon', coordinates: [[SQUARE], [east]] }).type).toBe('MultiPolygon');
  });
  it('a circle, as a polygon of the right area', () => {
    const g = parseAreaGeometry({ type: 'Circle', center: [106.67, 35.54], radius_m: 500 });
    expect(g.type).toBe('Polygon');
    expect(g.coordinates[0]).toHaveLength(AREA_LIMITS.circleSteps + 1);
    const m2 = area({ type: 'Polygon', coordinates: g.coordinates as number[][][] });
    expect(m2 / (Math.PI * 500 ** 2)).toBeGreaterThan(0.99);
    expect(m2 / (Math.PI * 500 ** 2)).toBeLessThan(1.001);
  });
});

describe('parseAreaGeometry refuses, naming the field', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['not an object', 'POLYGON((0 0))', 'geometry', /GeoJSON/],
    ['another type', { type: 'Point', coordinates: [106.6, 35.5] }, 'geometry.type', /Polygon/],
    ['an extra member', { type: 'Polygon', coordinates: [SQUARE], crs: 'x' }, 'geometry.crs', /only/],
    ['no rings', { type: 'Polygon', coordinates: [] }, 'geometry.coordinates', /rings/],
    ['a ring of 3 positions', { type: 'Polygon', coordinates: [SQUARE.slice(0, 3)] }, 'geometry.coordinates[0]', /at least 4/],
    ['an open ring', { type: 'Polygon', coordinates: [SQUARE.slice(0, 4).concat([[106.661, 35.54]])] }, 'geometry.coordinates[0]', /not closed/],
    ['a position as text', { type: 'Polygon', coordinates: [[['106.6', 35.5], ...SQUARE.slice(1)]] }, 'geometry.coordinates[0][0]', /finite/],
    ['a NaN-like value', { type: 'Polygon', coordinates: [[[null, 35.5], ...SQUARE.slice(1)]] }, 'geometry.coordinates[0][0]', /finite/],
    ['a latitude out of range', { type: 'Polygon', coordinates: [[[106.6, 95], [106.7, 95], [106.7, 96], [106.6, 95]]] }, 'geometry.coordinates[0][0]', /outside/],
    ['a bow tie', { type: 'Polygon', coordinates: [[[106.66, 35.54], [106.67, 35.55], [106.67, 35.54], [106.66, 35.55], [106.66, 35.54]]] }, 'geometry', /crosses itself/],
    ['a hole outside its shell', { type: 'Polygon', coordinates: [SQUARE, HOLE.map(([x, y]) => [x + 0.05, y])] }, 'geometry', /not a valid polygon/],
    ['too many vertices', { type: 'Polygon', coordinates: [Array.from({ length: AREA_LIMITS.maxVertices + 1 }, (_, i) => [106.6 + i * 1e-6, 35.5])] }, 'geometry', /vertices/],
    ['too many rings', { type: 'Polygon', coordinates: Array.from({ length: AREA_LIMITS.maxRings + 1 }, () => SQUARE) }, 'geometry.coordinates', /rings/],
    ['too many parts', { type: 'MultiPolygon', coordinates: Array.from({ length: AREA_LIMITS.maxParts + 1 }, () => [SQUARE]) }, 'geometry.coordinates', /polygons/],
    ['too large an area', { type: 'Polygon', coordinates: [[[100, 30], [110, 30], [110, 40], [100, 40], [100, 30]]] }, 'geometry', /km²/],
    ['an empty area', { type: 'Polygon', coordinates: [[[106.66, 35.54], [106.66, 35.54], [106.66, 35.54], [106.66, 35.54]]] }, 'geometry', /./],
    ['a circle without a radius', { type: 'Circle', center: [106.67, 35.54] }, 'geometry.radius_m', /metres/],
    ['a circle too large', { type: 'Circle', center: [106.67, 35.54], radius_m: AREA_LIMITS.maxRadiusM + 1 }, 'geometry.radius_m', /metres/],
  ];
  it.each(cases)('%s', (_name, raw, parameter, message) => {
    const r = refusal(raw);
    expect(r.parameter).toBe(parameter);
    expect(r.message).toMatch(message);
  });
});

describe('areaWkt', () => {
  it('writes polygons and multipolygons as WKT', () => {
    expect(areaWkt({ type: 'Polygon', coordinates: [[[1, 2], [3, 4], [5, 6], [1, 2]]] })).toBe('POLYGON((1 2, 3 4, 5 6, 1 2))');
    expect(areaWkt({ type: 'MultiPolygon', coordinates: [[[[1, 2], [3, 4], [5, 6], [1, 2]]], [[[7, 8], [9, 10], [11, 12], [7, 8]]]] }))
      .toBe('MULTIPOLYGON(((1 2, 3 4, 5 6, 1 2)), ((7 8, 9 10, 11 12, 7 8)))');
  });
});
