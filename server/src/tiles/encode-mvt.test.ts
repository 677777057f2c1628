import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeTileRows, type TileRow } from './encode-mvt.ts';

/** Surveyor's formula in tile coordinates (y down): the MVT spec wants exterior rings > 0. */
const area = (ring: { x: number; y: number }[]) => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  return s / 2;
};

// pbf 4 reads what vector-tile 3 expects; only its type declarations differ (they name pbf 5).
const decode = (bytes: Uint8Array) => new VectorTile(new Pbf(bytes) as unknown as ConstructorParameters<typeof VectorTile>[0]).layers.test;

// Exterior counter-clockwise in numbers (positive area), hole the other way, as tile SQL emits them.
const square = { type: 'Polygon', coordinates: [[[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]], [[20, 20], [20, 80], [80, 80], [80, 20], [20, 20]]] };

describe('encodeTileRows', () => {
  it('keeps ids, tags and rings, leaving out null tags', () => {
    const rows: TileRow[] = [
      { id: 7, name: '东关', households: 312, urban: true, note: null, geometry: JSON.stringify(square) },
      { id: 8n, name: 'river', geometry: JSON.stringify({ type: 'MultiLineString', coordinates: [[[0, 0], [10, 10]], [[20, 20], [30, 5]]] }) },
      { id: 9, name: 'cams', geometry: JSON.stringify({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }) },
    ];
    const layer = decode(encodeTileRows('test', rows));
    expect(layer.length).toBe(3);
    expect(layer.extent).toBe(4096);
    const poly = layer.feature(0);
    expect([poly.id, poly.type, poly.properties]).toEqual([7, 3, { name: '东关', households: 312, urban: true }]);
    const rings = poly.loadGeometry();
    expect(rings.map(area)).toEqual([10000, -3600]);
    expect(rings[0].slice(0, 3).map((p) => [p.x, p.y])).toEqual([[0, 0], [100, 0], [100, 100]]);
    const line = layer.feature(1);
    expect([line.id, line.type]).toEqual([8, 2]);
    expect(line.loadGeometry().map((l) => l.map((p) => [p.x, p.y]))).toEqual([[[0, 0], [10, 10]], [[20, 20], [30, 5]]]);
    const pts = layer.feature(2);
    expect(pts.loadGeometry().flat().map((p) => [p.x, p.y])).toEqual([[1, 2], [3, 4]]);
  });
  it('returns no bytes when there are no rows, like ST_AsMVT', () => {
    expect(encodeTileRows('test', []).length).toBe(0);
  });
  it('skips a row with unusable geometry and warns, instead of failing the tile', () => {
    const warnings: string[] = [];
    const rows: TileRow[] = [
      { id: 1, geometry: 'not json' },
      { id: 2, geometry: JSON.stringify({ type: 'GeometryCollection', geometries: [] }) },
      { id: 3, geometry: JSON.stringify({ type: 'Point', coordinates: [5, 5] }) },
    ];
    const layer = decode(encodeTileRows('test', rows, (m) => warnings.push(m)));
    expect(layer.length).toBe(1);
    expect(layer.feature(0).id).toBe(3);
    expect(warnings).toHaveLength(2);
  });
});
