import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.ts';

const MIN = 60_000;

describe('log-in throttle', () => {
  it('blocks a key after five failures within 15 minutes, until the oldest leaves the window', () => {
    const t = createLoginThrottle(5, 15 * MIN);
    for (let i = 0; i < 5; i++) {
      expect(t.retryAfter(['ip:1'], i * MIN)).toBe(0);
      t.fail(['ip:1'], i * MIN);
    }
    expect(t.retryAfter(['ip:1'], 5 * MIN)).toBe(10 * MIN);
    expect(t.retryAfter(['ip:1'], 15 * MIN - 1)).toBe(1);
    expect(t.retryAfter(['ip:1'], 15 * MIN)).toBe(0);
  });

  it('blocks when any of the keys is blocked', () => {
    const t = createLoginThrottle(2, MIN);
    t.fail(['ip:1', 'user:a'], 0);
    t.fail(['ip:2', 'user:a'], 1);
    expect(t.retryAfter(['ip:3', 'user:a'], 2)).toBeGreaterThan(0);
    expect(t.retryAfter(['ip:1', 'user:b'], 2)).toBe(0);
  });

  it('forgets a username after a success', () => {
    const t = createLoginThrottle(1, MIN);
    t.fail(['user:a'], 0);
    expect(t.retryAfter(['user:a'], 1)).toBeGreaterThan(0);
    t.succeed(['user:a']);
    expect(t.retryAfter(['user:a'], 1)).toBe(0);
  });

  it('keeps at most maxKeys keys', () => {
    const t = createLoginThrottle(1, MIN, 3);
    for (const k of ['a', 'b', 'c', 'd']) t.fail([k], 0);
    expect(t.retryAfter(['a'], 1)).toBe(0);
    expect(t.retryAfter(['d'], 1)).toBeGreaterThan(0);
  });
});
