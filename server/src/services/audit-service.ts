/**
 * The audit log (append-only, migration 004): who did what to which record, when and from where.
 * Log-in, log-out, failed log-ins, display credentials and every write are recorded; `record` takes
 * the transaction of the write when the caller has one, so the entry commits or rolls back with it.
 */
import type { Queryable } from '../db/database.ts';
import { insertAuditSql } from '../sql/auth-sql.ts';

export interface AuditEntry {
  action: string;
  user?: { id: number; username: string; role: string } | null;
  /** A username typed at a failed log-in (no user id then). */
  username?: string | null;
  target_kind?: string | null;
  target_id?: string | number | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
}

export interface AuditService {
  record(entry: AuditEntry, q?: Queryable): Promise<void>;
}

export function createAuditService(db: Queryable, now: () => Date): AuditService {
  return {
    async record(e, q = db) {
      const s = insertAuditSql({
        at: now(), user_id: e.user?.id ?? null, username: e.user?.username ?? e.username?.slice(0, 64) ?? null, role: e.user?.role ?? null,
        action: e.action, target_kind: e.target_kind ?? null, target_id: e.target_id === undefined || e.target_id === null ? null : String(e.target_id),
        detail: e.detail ?? {}, ip: e.ip ?? null,
      });
      await q.query(s.text, s.values);
    },
  };
}
