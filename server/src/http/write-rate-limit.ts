/**
 * Rate limit on writes (every method but GET, HEAD and OPTIONS): one token bucket per client address
 * in memory (domain/token-bucket.ts); over the limit → 429 rate_limited with Retry-After. Buckets
 * that have refilled are forgotten, so the map holds only clients seen in the last minute or so.
 */
import type { RequestHandler } from 'express';
import { ApiError } from '../domain/api-error.ts';
import { fullBucket, isFull, take, type Bucket, type BucketRule } from '../domain/token-bucket.ts';

export interface WriteRateLimit {
  /** Writes a client may make per minute (sustained). */
  perMinute: number;
  /** Writes it may make at once (default: perMinute). */
  burst?: number;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function writeRateLimit(limit: WriteRateLimit, clock: () => number = Date.now): RequestHandler {
  const rule: BucketRule = { capacity: limit.burst ?? limit.perMinute, perSecond: limit.perMinute / 60 };
  const buckets = new Map<string, Bucket>();
  let lastPrune = clock();
  return (req, res, next) => {
    if (READS.has(req.method)) return next();
    const t = clock();
    if (t - lastPrune > 60_000) {
      lastPrune = t;
      for (const [k, b] of buckets) if (isFull(b, rule, t)) buckets.delete(k);
    }
    const who = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const r = take(buckets.get(who) ?? fullBucket(rule, t), rule, t);
    buckets.set(who, r.bucket);
    if (r.ok) return next();
    res.setHeader('Retry-After', String(r.retryAfterS));
    next(new ApiError(429, 'rate_limited', null, `too many writes from this address: at most ${limit.perMinute} a minute; try again in ${r.retryAfterS} s`));
  };
}
