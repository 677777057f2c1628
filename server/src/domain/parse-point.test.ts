import { describe, expect, it } from 'vitest';
import { parsePoint } from './parse-point.ts';
import { parseTileAddress } from './parse-tile-address.ts';
import { apiErrorOf } from './test-helpers.ts';

describe('parsePoint', () => {
  it('returns [lng, lat]', () => {
    expect(parsePoint('106.68', '35.54')).toEqual([106.68, 35.54]);
  });
  it.each([
    { title: 'missing lon', lon: undefined, lat: '35', parameter: 'lon' },
    { title: 'missing lat', lon: '106', lat: undefined, parameter: 'lat' },
    { title: 'empty lon', lon: '', lat: '35', parameter: 'lon' },
    { title: 'non-numeric lat', lon: '106', lat: 'north', parameter: 'lat' },
    { title: 'NaN lon', lon: 'NaN', lat: '35', parameter: 'lon' },
    { title: 'lat beyond the pole', lon: '106', lat: '90.5', parameter: 'lat' },
    { title: 'huge lon', lon: '1e300', lat: '35', parameter: 'lon' },
    { title: 'swapped-looking injection', lon: "106) OR (1=1", lat: '35', parameter: 'lon' },
  ])('rejects $title with 400 naming $parameter', ({ lon, lat, parameter }) => {
    const e = apiErrorOf(() => parsePoint(lon, lat));
    expect([e.status, e.parameter]).toEqual([400, parameter]);
  });
});

describe('parseTileAddress', () => {
  it('accepts the corners of a zoom level', () => {
    expect(parseTileAddress('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 });
    expect(parseTileAddress('3', '7', '7')).toEqual({ z: 3, x: 7, y: 7 });
  });
  it.each([
    { title: 'negative zoom', z: '-1', x: '0', y: '0', parameter: 'z' },
    { title: 'zoom beyond 22', z: '23', x: '0', y: '0', parameter: 'z' },
    { title: 'x beyond the zoom', z: '3', x: '8', y: '0', parameter: 'x' },
    { title: 'y beyond the zoom', z: '3', x: '0', y: '8', parameter: 'y' },
    { title: 'fractional x', z: '3', x: '1.5', y: '0', parameter: 'x' },
    { title: 'words', z: 'ten', x: '0', y: '0', parameter: 'z' },
  ])('rejects $title with 400 naming $parameter', ({ z, x, y, parameter }) => {
    const e = apiErrorOf(() => parseTileAddress(z, x, y));
    expect([e.status, e.parameter]).toEqual([400, parameter]);
  });
});
