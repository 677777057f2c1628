import { describe, expect, it } from 'vitest';
import { areaOf } from './AreaDrawOverlay.tsx';

describe('areaOf', () => {
  it('closes a polygon, dropping repeated points (a double-click clicks twice)', () => {
    expect(areaOf('polygon', [[1, 1], [2, 1], [2, 2], [2, 2]])).toEqual({ type: 'Polygon', coordinates: [[[1, 1], [2, 1], [2, 2], [1, 1]]] });
    expect(areaOf('polygon', [[1, 1], [2, 1], [2, 1]])).toBeNull();
  });
  it('makes a rectangle from any two opposite corners', () => {
    const r = { type: 'Polygon', coordinates: [[[1, 1], [3, 1], [3, 2], [1, 2], [1, 1]]] };
    expect(areaOf('rectangle', [[3, 2], [1, 1]])).toEqual(r);
    expect(areaOf('rectangle', [[1, 2], [3, 1]])).toEqual(r);
    expect(areaOf('rectangle', [[1, 2]])).toBeNull();
  });
  it('makes a circle with the great-circle radius in metres', () => {
    // 0.01° of latitude is 1,111.95 m on the mean sphere.
    expect(areaOf('circle', [[106.7, 35.5], [106.7, 35.51]])).toEqual({ type: 'Circle', center: [106.7, 35.5], radius_m: 1112 });
  });
});
