import { describe, expect, it } from 'vitest';
import { fitProjection } from './fit-projection.ts';

describe('fitProjection', () => {
  it('fits a square at the equator into a wide box, centred, y down', () => {
    const f = fitProjection([{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }], { x: 10, y: 20, width: 200, height: 100 });
    // top-left at (200 − 100) / 2 + 10; cos(0.5°) ≈ 1 at the equator
    const [a, b] = [f([0, 1]), f([1, 0])];
    [[a[0], 60], [a[1], 20], [b[0], 160], [b[1], 120]].forEach(([got, want]) => expect(got).toBeCloseTo(want, 1));
  });
  it('narrows longitudes by cos(latitude) at 60°', () => {
    const f = fitProjection([{ type: 'MultiPolygon', coordinates: [[[[0, 59.5], [2, 59.5], [2, 60.5], [0, 60.5], [0, 59.5]]]] }], { x: 0, y: 0, width: 100, height: 100 });
    const [x0] = f([0, 60]), [x1] = f([2, 60]);
    expect(x1 - x0).toBeCloseTo(100, 0); // 2° × cos 60° = 1 unit wide, as tall: both 100 pt
    expect(f([0, 60.5])[1]).toBeCloseTo(0, 6);
  });
});
