/**
 * Token bucket (Turner 1986): `capacity` tokens, refilled continuously at `perSecond`; a request
 * takes one or is refused with the seconds until one is back. Pure: the caller keeps the state and the clock.
 */

export interface Bucket {
  tokens: number;
  /** Milliseconds of the last refill. */
  at: number;
}

export interface BucketRule {
  capacity: number;
  perSecond: number;
}

export type Take = { ok: true; bucket: Bucket } | { ok: false; bucket: Bucket; retryAfterS: number };

export function fullBucket(rule: BucketRule, nowMs: number): Bucket {
  return { tokens: rule.capacity, at: nowMs };
}

export function take(bucket: Bucket, rule: BucketRule, nowMs: number): Take {
  const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
  const tokens = Math.min(rule.capacity, bucket.tokens + elapsed * rule.perSecond);
  if (tokens >= 1) return { ok: true, bucket: { tokens: tokens - 1, at: nowMs } };
  return { ok: false, bucket: { tokens, at: nowMs }, retryAfterS: Math.max(1, Math.ceil((1 - tokens) / rule.perSecond - 1e-9)) };
}

/** True when the bucket has refilled completely, so forgetting it changes nothing. */
export function isFull(bucket: Bucket, rule: BucketRule, nowMs: number): boolean {
  return bucket.tokens + (Math.max(0, nowMs - bucket.at) / 1000) * rule.perSecond >= rule.capacity;
}
