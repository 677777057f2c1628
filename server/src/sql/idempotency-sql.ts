/**
 * Named SQL of the idempotency keys: read a live one, store one (ON CONFLICT DO NOTHING, so of two
 * concurrent duplicates exactly one stores and the other learns it lost), and sweep expired ones.
 * Ages are measured by the database clock, not the app's (tests pin the app clock to the seed date).
 */
import type { SqlQuery } from './sql-query.ts';

export function findIdempotencyKeySql(key: string, ttlMs: number): SqlQuery {
  return {
    text: `SELECT fingerprint, status, location, body FROM idempotency_keys
      WHERE key = $1 AND created_at > now() - $2::float8 * interval '1 millisecond'`,
    values: [key, ttlMs],
  };
}

/** Returns one row when this call stored the key, none when another transaction holds it. */
export function storeIdempotencyKeySql(r: { key: string; fingerprint: string; status: number; location: string | null; body: string }): SqlQuery {
  return {
    text: `INSERT INTO idempotency_keys (key, fingerprint, status, location, body) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (key) DO NOTHING RETURNING key`,
    values: [r.key, r.fingerprint, r.status, r.location, r.body],
  };
}

/** Expired keys: all of them, or only `key` (so an expired key can be used again). */
export function sweepIdempotencyKeysSql(ttlMs: number, key: string | null = null): SqlQuery {
  return {
    text: `DELETE FROM idempotency_keys WHERE created_at <= now() - $1::float8 * interval '1 millisecond' AND ($2::text IS NULL OR key = $2)`,
    values: [ttlMs, key],
  };
}
