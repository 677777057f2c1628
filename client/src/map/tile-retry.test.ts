import { describe, expect, it } from 'vitest';
import { RETRY_MS, TileRetryQueue } from './tile-retry.ts';

describe('failed tiles are retried with a back-off', () => {
  it('retries each failed tile once per round, per source', () => {
    const q = new TileRetryQueue();
    q.add('base', { x: 1, y: 2, z: 10 }, 0);
    q.add('base', { x: 1, y: 2, z: 10 }, 10);
    q.add('cameras', { x: 3, y: 4, z: 12 }, 20);
    expect(q.pending).toBe(2);
    expect(q.take()).toEqual([['base', [{ x: 1, y: 2, z: 10 }]], ['cameras', [{ x: 3, y: 4, z: 12 }]]]);
    expect(q.pending).toBe(0);
    expect(q.take()).toEqual([]);
  });

  it('waits longer while failures go on, up to the maximum, and starts again after a quiet spell', () => {
    const q = new TileRetryQueue();
    const delays: number[] = [];
    let t = 0;
    for (let i = 0; i < 7; i++) { delays.push(q.add('base', { x: 0, y: 0, z: 9 }, t)); t += delays.at(-1)!; q.take(); }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000].map((ms) => Math.min(ms, RETRY_MS.max)));
    expect(q.add('base', { x: 0, y: 0, z: 9 }, t + RETRY_MS.max * 2 + 1)).toBe(RETRY_MS.base);
  });
});
