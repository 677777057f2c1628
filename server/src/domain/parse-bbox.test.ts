import { describe, expect, it } from 'vitest';
import { parseBbox } from './parse-bbox.ts';
import { apiErrorOf } from './test-helpers.ts';

const VALID = [
  { title: 'the district', raw: '106.43,35.27,107.20,35.75', expected: [106.43, 35.27, 107.2, 35.75] },
  { title: 'spaces around numbers', raw: ' 106.4 , 35.2 ,107.2, 35.7 ', expected: [106.4, 35.2, 107.2, 35.7] },
  { title: 'a degenerate box (a point)', raw: '106.5,35.5,106.5,35.5', expected: [106.5, 35.5, 106.5, 35.5] },
  { title: 'the whole world', raw: '-180,-90,180,90', expected: [-180, -90, 180, 90] },
  { title: 'exponent notation', raw: '1.065e2,35,107,3.6e1', expected: [106.5, 35, 107, 36] },
  { title: 'leading dot and sign', raw: '-.5,+.5,1,1', expected: [-0.5, 0.5, 1, 1] },
];

const INVALID = [
  { title: 'empty', raw: '', why: /empty/ },
  { title: 'blank', raw: '   ', why: /empty/ },
  { title: 'three numbers', raw: '1,2,3', why: /3 values/ },
  { title: 'five numbers', raw: '1,2,3,4,5', why: /5 values/ },
  { title: 'six numbers (3D)', raw: '1,2,0,3,4,10', why: /3D/ },
  { title: 'trailing comma', raw: '1,2,3,4,', why: /5 values/ },
  { title: 'NaN', raw: 'NaN,2,3,4', why: /not a finite number/ },
  { title: 'Infinity', raw: '1,Infinity,3,4', why: /not a finite number/ },
  { title: 'overflowing number', raw: '1,2,1e309,4', why: /not a finite number/ },
  { title: 'huge but finite number', raw: '1,2,1e20,4', why: /outside -180..180/ },
  { title: 'hexadecimal', raw: '0x10,2,3,4', why: /not a finite number/ },
  { title: 'SQL injection', raw: '1,2,3,4;DROP TABLE grids', why: /not a finite number/ },
  { title: 'empty member', raw: '1,,3,4', why: /not a finite number/ },
  { title: 'longitude beyond 180', raw: '170,0,181,10', why: /outside -180..180/ },
  { title: 'latitude beyond 90', raw: '0,-91,10,10', why: /outside -90..90/ },
  { title: 'inverted latitudes', raw: '106,35.7,107,35.2', why: /inverted/ },
  { title: 'antimeridian (minLon > maxLon)', raw: '170,-10,-170,10', why: /antimeridian/ },
];

describe('parseBbox', () => {
  it.each(VALID)('accepts $title', ({ raw, expected }) => {
    expect(parseBbox(raw)).toEqual(expected);
  });
  it.each(INVALID)('rejects $title with 400 naming bbox', ({ raw, why }) => {
    const e = apiErrorOf(() => parseBbox(raw));
    expect(e.status).toBe(400);
    expect(e.parameter).toBe('bbox');
    expect(e.code).toBe('invalid_parameter');
    expect(e.message).toMatch(why);
  });
  it('names the parameter it was given', () => {
    expect(apiErrorOf(() => parseBbox('x', 'area')).parameter).toBe('area');
  });
});
