/**
 * Stored answers of idempotent writes. A write that carries a key gets a `receipt` to call inside its
 * own transaction with its answer: the answer is stored with the write or not at all. When a
 * concurrent duplicate stored first, the receipt throws IdempotencyRace, the write rolls back and the
 * caller replays what the winner stored.
 */
import type { Database, Queryable } from '../db/database.ts';
import { IDEMPOTENCY_TTL_MS } from '../domain/idempotency-key.ts';
import { findIdempotencyKeySql, storeIdempotencyKeySql, sweepIdempotencyKeysSql } from '../sql/idempotency-sql.ts';

export interface StoredAnswer {
  fingerprint: string;
  status: number;
  location: string | null;
  /** The JSON text that was sent. */
  body: string;
}

/** Called by a write inside its transaction, with the answer it is about to give. */
export type Receipt = (tx: Queryable, body: unknown) => Promise<void>;

export class IdempotencyRace extends Error {
  constructor() {
    super('a concurrent request with the same Idempotency-Key stored its answer first');
  }
}

const SWEEP_EVERY_MS = 60_000;

export function createIdempotencyService(db: Database, ttlMs = IDEMPOTENCY_TTL_MS) {
  let lastSweep = 0;
  return {
    async find(key: string): Promise<StoredAnswer | null> {
      const q = findIdempotencyKeySql(key, ttlMs);
      const r = (await db.query<Record<string, any>>(q.text, q.values)).rows[0];
      if (!r) return null;
      return { fingerprint: r.fingerprint, status: Number(r.status), location: r.location, body: String(r.body) };
    },

    /** A receipt for one write: status and location are known before the write, the body after. */
    receipt(key: string, fingerprint: string, status: number, location: (body: any) => string | null = () => null): Receipt {
      return async (tx, body) => {
        const sweepAll = Date.now() - lastSweep > SWEEP_EVERY_MS;
        if (sweepAll) lastSweep = Date.now();
        const s = sweepIdempotencyKeysSql(ttlMs, sweepAll ? null : key);
        await tx.query(s.text, s.values);
        const q = storeIdempotencyKeySql({ key, fingerprint, status, location: location(body), body: JSON.stringify(body) });
        if ((await tx.query(q.text, q.values)).rows.length === 0) throw new IdempotencyRace();
      };
    },
  };
}

export type IdempotencyService = ReturnType<typeof createIdempotencyService>;
