import { describe, expect, it } from 'vitest';
import { parseCookies, serializeCookie } from './cookies.ts';

describe('cookies', () => {
  it.each([
    { title: 'no header', header: undefined, expected: [] },
    { title: 'two cookies', header: 'a=1; b=two', expected: [['a', '1'], ['b', 'two']] },
    { title: 'a quoted and an encoded value', header: 'a="x y"; b=%E5%B9%B3', expected: [['a', 'x y'], ['b', '平']] },
    { title: 'a repeated name (first wins)', header: 'a=1; a=2', expected: [['a', '1']] },
    { title: 'malformed parts', header: '=x; noeq; c=%E0%A4%A', expected: [] },
  ])('parses $title', ({ header, expected }) => {
    expect([...parseCookies(header)]).toEqual(expected);
  });

  it('writes HttpOnly, Secure, SameSite=Strict and Path=/', () => {
    expect(serializeCookie('s', 'a b', { httpOnly: true, secure: true, maxAge: 60 })).toBe('s=a%20b; Path=/; SameSite=Strict; Max-Age=60; HttpOnly; Secure');
    expect(serializeCookie('c', 'v', { httpOnly: false, secure: false })).toBe('c=v; Path=/; SameSite=Strict');
  });
});
