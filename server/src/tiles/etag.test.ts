import { describe, expect, it } from 'vitest';
import { etagOf, ifNoneMatchHits } from './etag.ts';

describe('etagOf', () => {
  it('is a quoted tag that changes with the bytes', () => {
    const a = etagOf(new Uint8Array([1, 2, 3]));
    expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(etagOf(new Uint8Array([1, 2, 3]))).toBe(a);
    expect(etagOf(new Uint8Array([1, 2, 4]))).not.toBe(a);
  });
});

describe('ifNoneMatchHits', () => {
  const tag = '"abc"';
  it.each([
    { title: 'no header', header: undefined, hit: false },
    { title: 'the same tag', header: '"abc"', hit: true },
    { title: 'a weak form of the tag', header: 'W/"abc"', hit: true },
    { title: 'a list containing it', header: '"x", "abc"', hit: true },
    { title: 'a wildcard', header: '*', hit: true },
    { title: 'another tag', header: '"abd"', hit: false },
    { title: 'the tag unquoted', header: 'abc', hit: false },
  ])('$title → $hit', ({ header, hit }) => {
    expect(ifNoneMatchHits(header, tag)).toBe(hit);
  });
});
