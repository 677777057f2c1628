import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, MAX_LIMIT, parseLimit, parseOffset } from './parse-paging.ts';
import { apiErrorOf } from './test-helpers.ts';

describe('parseLimit', () => {
  it.each([
    { title: 'absent → default', raw: undefined, expected: DEFAULT_LIMIT },
    { title: 'one', raw: '1', expected: 1 },
    { title: 'the maximum', raw: String(MAX_LIMIT), expected: MAX_LIMIT },
    { title: 'leading zeros', raw: '007', expected: 7 },
  ])('accepts $title', ({ raw, expected }) => {
    expect(parseLimit(raw)).toBe(expected);
  });
  it.each([
    { title: 'empty', raw: '' },
    { title: 'zero', raw: '0' },
    { title: 'negative', raw: '-1' },
    { title: 'one above the maximum', raw: String(MAX_LIMIT + 1) },
    { title: 'fraction', raw: '1.5' },
    { title: 'exponent', raw: '1e3' },
    { title: 'NaN', raw: 'NaN' },
    { title: 'huge', raw: '99999999999999999999' },
    { title: 'injection', raw: "10; DROP TABLE grids" },
  ])('rejects $title with 400 naming limit', ({ raw }) => {
    const e = apiErrorOf(() => parseLimit(raw));
    expect([e.status, e.parameter]).toEqual([400, 'limit']);
  });
});

describe('parseOffset', () => {
  it.each([
    { title: 'absent → 0', raw: undefined, expected: 0 },
    { title: 'zero', raw: '0', expected: 0 },
    { title: 'large', raw: '123456', expected: 123456 },
  ])('accepts $title', ({ raw, expected }) => {
    expect(parseOffset(raw)).toBe(expected);
  });
  it.each([
    { title: 'negative', raw: '-5' },
    { title: 'empty', raw: '' },
    { title: 'beyond 1e9', raw: '1000000001' },
    { title: 'words', raw: 'ten' },
  ])('rejects $title with 400 naming offset', ({ raw }) => {
    const e = apiErrorOf(() => parseOffset(raw));
    expect([e.status, e.parameter]).toEqual([400, 'offset']);
  });
});
