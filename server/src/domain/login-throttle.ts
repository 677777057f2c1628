/**
 * Log-in throttling: at most `max` failures per key (an IP, a username) within a sliding `windowMs`;
 * past that, attempts are refused until the oldest failure leaves the window. In memory, per process:
 * it slows down password guessing, it is not an account lock-out (a success clears the username).
 */
export interface LoginThrottle {
  /** Milliseconds until any of `keys` may try again; 0 when none is blocked. */
  retryAfter(keys: string[], now: number): number;
  fail(keys: string[], now: number): void;
  succeed(keys: string[]): void;
}

export function createLoginThrottle(max = 5, windowMs = 15 * 60_000, maxKeys = 100_000): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => t > now - windowMs);
    if (list.length) failures.set(key, list); else failures.delete(key);
    return list;
  };
  return {
    retryAfter(keys, now) {
      let wait = 0;
      for (const k of keys) {
        const list = recent(k, now);
        if (list.length >= max) wait = Math.max(wait, list[list.length - max] + windowMs - now);
      }
      return wait;
    },
    fail(keys, now) {
      // A flood of distinct keys must not grow memory without bound: forget the oldest.
      while (failures.size >= maxKeys) failures.delete(failures.keys().next().value!);
      for (const k of keys) failures.set(k, [...recent(k, now), now]);
    },
    succeed(keys) {
      for (const k of keys) failures.delete(k);
    },
  };
}
