import { describe, expect, it } from 'vitest';
import { fullBucket, isFull, take, type Bucket } from './token-bucket.ts';

const RULE = { capacity: 60, perSecond: 1 }; // 60 writes a minute

function drain(n: number, at: number, start: Bucket = fullBucket(RULE, at)) {
  let b = start;
  const results: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const r = take(b, RULE, at);
    results.push(r.ok);
    b = r.bucket;
  }
  return { b, results };
}

describe('token bucket', () => {
  it('lets a burst of `capacity` through, then refuses with the seconds until a token is back', () => {
    const { b, results } = drain(60, 0);
    expect(results.every(Boolean)).toBe(true);
    const r = take(b, RULE, 0);
    expect(r).toMatchObject({ ok: false, retryAfterS: 1 });
  });

  it('refills at the rate: half a minute later 30 more pass, the 31st does not', () => {
    const { b } = drain(60, 0);
    const { results } = drain(31, 30_000, b);
    expect(results.filter(Boolean)).toHaveLength(30);
    expect(results[30]).toBe(false);
  });

  it('never holds more than the capacity after a long pause', () => {
    const { b } = drain(10, 0);
    const { results } = drain(61, 3_600_000, b);
    expect(results.filter(Boolean)).toHaveLength(60);
  });

  it('gives Retry-After of several seconds at a slow rate', () => {
    const slow = { capacity: 1, perSecond: 1 / 30 };
    const first = take(fullBucket(slow, 0), slow, 0);
    expect(first.ok).toBe(true);
    expect(take(first.bucket, slow, 0)).toMatchObject({ ok: false, retryAfterS: 30 });
    expect(take(first.bucket, slow, 10_000)).toMatchObject({ ok: false, retryAfterS: 20 });
  });

  it('does not go wrong when the clock steps back', () => {
    const { b } = drain(60, 10_000);
    expect(take(b, RULE, 0).ok).toBe(false);
  });

  it('tells when a bucket may be forgotten', () => {
    const { b } = drain(1, 0);
    expect(isFull(b, RULE, 0)).toBe(false);
    expect(isFull(b, RULE, 1_000)).toBe(true);
  });
});
