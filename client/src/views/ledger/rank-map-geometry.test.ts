import { describe, expect, it } from 'vitest';
import { fitLabels, fitProjection, geometryPath, insidePolygon, labelPoint, projectedArea, rankColour } from './rank-map-geometry.ts';

const square = (x: number, y: number, s: number): GeoJSON.Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

describe('fitProjection', () => {
  it('fits the geometries inside the box with the margin, north up', () => {
    const p = fitProjection([square(106, 35, 1), square(107, 35, 1)], 400, 300, 10)!;
    const [xw, yn] = p.project([106, 36]);
    const [xe, ys] = p.project([108, 35]);
    expect(xw).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(xe).toBeLessThanOrEqual(390 + 1e-9);
    expect(yn).toBeLessThan(ys);
    expect(yn).toBeGreaterThanOrEqual(10 - 1e-9);
    expect(ys).toBeLessThanOrEqual(290 + 1e-9);
  });
  it('shrinks longitude by cos(latitude), so a degree square at 60° is half as wide as tall', () => {
    const p = fitProjection([square(10, 59.5, 1)], 1000, 1000, 0)!;
    const w = p.project([11, 60])[0] - p.project([10, 60])[0];
    const h = p.project([10, 59.5])[1] - p.project([10, 60.5])[1];
    expect(w / h).toBeCloseTo(Math.cos((60 * Math.PI) / 180), 6);
  });
  it('returns null when there is nothing to fit (empty input, null geometry)', () => {
    expect(fitProjection([], 100, 100)).toBeNull();
    expect(fitProjection([null], 100, 100)).toBeNull();
  });
});

describe('geometryPath', () => {
  it('draws every ring of a multipolygon as a closed subpath', () => {
    const p = fitProjection([square(0, 0, 1)], 100, 100, 0)!;
    const mp: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 0.5).coordinates, square(0.5, 0.5, 0.5).coordinates] };
    const d = geometryPath(mp, p);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/Z/g)).toHaveLength(2);
  });
  it('is empty for a null geometry', () => expect(geometryPath(null, fitProjection([square(0, 0, 1)], 10, 10)!)).toBe(''));
});

describe('labelPoint', () => {
  it('is the centroid of a convex town', () => {
    const [x, y] = labelPoint(square(106, 35, 1))!;
    expect(x).toBeCloseTo(106.5, 9);
    expect(y).toBeCloseTo(35.5, 9);
  });
  it('falls inside a U-shaped town whose centroid is outside it', () => {
    const u: GeoJSON.Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    const c = labelPoint(u)!;
    expect(insidePolygon(c, u.coordinates as [number, number][][])).toBe(true);
  });
  it('uses the largest part of a multipolygon', () => {
    const mp: GeoJSON.MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0, 0, 0.1).coordinates, square(5, 5, 2).coordinates] };
    expect(labelPoint(mp)).toEqual([6, 6]);
  });
  it('is null without a geometry', () => expect(labelPoint(null)).toBeNull());
});

describe('rankColour', () => {
  it('runs from dark (rank 1, white text) to light (last rank, dark text)', () => {
    expect(rankColour(1, 20)).toEqual({ fill: 'rgb(8,69,148)', ink: '#fff' });
    expect(rankColour(20, 20)).toEqual({ fill: 'rgb(222,235,247)', ink: '#10243a' });
  });
  it('does not divide by zero with a single unit', () => expect(rankColour(1, 1).fill).toBe('rgb(8,69,148)'));
});

describe('projectedArea', () => {
  it('measures the drawn area with holes subtracted', () => {
    const p = fitProjection([square(0, 0, 1)], 100, 100, 0)!;
    const holed: GeoJSON.Polygon = { type: 'Polygon', coordinates: [square(0, 0, 1).coordinates[0], square(0.25, 0.25, 0.5).coordinates[0]] };
    // A 1° square at the equator fills the height (100 px) and cos(0.5°) of the width.
    expect(projectedArea(square(0, 0, 1), p)).toBeCloseTo(100 * 100 * Math.cos((0.5 * Math.PI) / 180), 6);
    expect(projectedArea(holed, p) / projectedArea(square(0, 0, 1), p)).toBeCloseTo(0.75, 6);
  });
});

describe('fitLabels', () => {
  const box = (x: number, y: number, w = 10, h = 10) => ({ x, y, w, h });
  it('drops a name that would cover a rank', () => expect(fitLabels([box(0, 0)], [box(5, 5)])).toEqual([false]));
  it('keeps names that touch nothing', () => expect(fitLabels([box(0, 0)], [box(20, 0), box(40, 0)])).toEqual([true, true]));
  it('keeps the first of two overlapping names, not both', () => expect(fitLabels([], [box(0, 0), box(5, 0)])).toEqual([true, false]));
  it('skips a missing box', () => expect(fitLabels([], [null])).toEqual([false]));
});
