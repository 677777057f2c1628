import { describe, expect, it } from 'vitest';
import { LruCache } from './tile-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its size', () => {
    const c = new LruCache<number>(2);
    c.set('a', 1, 1000);
    c.set('b', 2, 1000);
    expect(c.get('a')).toBe(1); // a is now the most recent
    c.set('c', 3, 1000);
    expect([c.get('a'), c.get('b'), c.get('c')]).toEqual([1, undefined, 3]);
  });
  it('expires entries after their ttl', () => {
    let now = 0;
    const c = new LruCache<string>(10, () => now);
    c.set('t', 'tile', 60_000);
    now = 59_999;
    expect(c.get('t')).toBe('tile');
    now = 60_000;
    expect(c.get('t')).toBeUndefined();
    expect(c.size).toBe(0);
  });
  it('stores nothing when its size is 0', () => {
    const c = new LruCache<number>(0);
    c.set('a', 1, 1000);
    expect(c.get('a')).toBeUndefined();
  });
  it('drops keys by prefix', () => {
    const c = new LruCache<number>(10);
    c.set('disputes/10/1/1@all', 1, 1000);
    c.set('grids/10/1/1@all', 2, 1000);
    c.deletePrefix('disputes/');
    expect([c.get('disputes/10/1/1@all'), c.get('grids/10/1/1@all')]).toEqual([undefined, 2]);
  });
});
