import { describe, expect, it } from 'vitest';
import { areaKindOfCode, parseAreaCode } from './area-kinds.ts';
import { parseStatusFilter, parseZoom } from './parse-cluster-query.ts';
import { parsePositiveId } from './parse-id.ts';
import { escapeLike, parseSearchQuery } from './parse-search-query.ts';
import { apiErrorOf } from './test-helpers.ts';

const AREA_CODES = [
  { title: 'the district', input: '620802', expected: 'district' },
  { title: 'a town', input: '620802001', expected: 'town' },
  { title: 'a village', input: '620802001001', expected: 'village' },
  { title: 'a grid', input: '620802001001001', expected: 'grid' },
  { title: '7 digits', input: '6208020', expected: null },
  { title: 'letters', input: 'PW001', expected: null },
  { title: 'empty', input: '', expected: null },
  { title: 'digits with SQL', input: "620802' OR 1=1", expected: null },
  { title: 'full-width digits', input: '６２０８０２', expected: null },
];

describe('area codes', () => {
  it.each(AREA_CODES)('$title → $expected', ({ input, expected }) => {
    expect(areaKindOfCode(input)).toBe(expected);
    if (expected === null) expect(apiErrorOf(() => parseAreaCode(input, 'areaCode')).parameter).toBe('areaCode');
    else expect(parseAreaCode(input)).toEqual({ code: input, kind: expected });
  });
});

const SEARCH = [
  { title: 'a Chinese name part', input: ' 崆峒 ', expected: '崆峒' },
  { title: 'a code prefix', input: '620802001', expected: '620802001' },
  { title: '40 Chinese characters', input: '村'.repeat(40), expected: '村'.repeat(40) },
  { title: 'empty', input: '', expected: null },
  { title: 'blank', input: '   ', expected: null },
  { title: 'missing', input: undefined, expected: null },
  { title: '41 characters', input: 'a'.repeat(41), expected: null },
  { title: 'a control character', input: 'a\u0000b', expected: null },
];

describe('search query', () => {
  it.each(SEARCH)('$title', ({ input, expected }) => {
    if (expected === null) expect(apiErrorOf(() => parseSearchQuery(input)).parameter).toBe('q');
    else expect(parseSearchQuery(input)).toBe(expected);
  });
  it.each([
    { title: 'percent', input: '100%', expected: '100\\%' },
    { title: 'underscore', input: 'a_b', expected: 'a\\_b' },
    { title: 'backslash', input: 'a\\b', expected: 'a\\\\b' },
    { title: 'quotes pass through (they are parameters)', input: "x' OR '1'='1", expected: "x' OR '1'='1" },
  ])('escapes $title for LIKE', ({ input, expected }) => {
    expect(escapeLike(input)).toBe(expected);
  });
});

describe('zoom, status and ids', () => {
  it.each([
    { input: '0', expected: 0 }, { input: '12.5', expected: 12.5 }, { input: '24', expected: 24 },
    { input: '25', expected: null }, { input: '-1', expected: null }, { input: 'NaN', expected: null }, { input: undefined, expected: null }, { input: '1e1', expected: 10 },
  ])('zoom $input → $expected', ({ input, expected }) => {
    if (expected === null) expect(apiErrorOf(() => parseZoom(input)).parameter).toBe('zoom');
    else expect(parseZoom(input)).toBe(expected);
  });
  it('accepts open or a status, and nothing else', () => {
    expect([parseStatusFilter('open'), parseStatusFilter('mediating'), parseStatusFilter(undefined)]).toEqual(['open', 'mediating', null]);
    expect(apiErrorOf(() => parseStatusFilter('closed')).message).toMatch(/must be one of reported, .*open/);
  });
  it.each([
    { input: '1', expected: 1 }, { input: '80000', expected: 80000 },
    { input: '0', expected: null }, { input: '-3', expected: null }, { input: '1.5', expected: null }, { input: '1 OR 1=1', expected: null }, { input: '', expected: null },
  ])('id $input → $expected', ({ input, expected }) => {
    if (expected === null) expect(apiErrorOf(() => parsePositiveId(input, 'id')).parameter).toBe('id');
    else expect(parsePositiveId(input, 'id')).toBe(expected);
  });
});
