/** Named SQL of accounts, sessions, display credentials and the audit log; every value a $n parameter. */
import type { SqlQuery } from './sql-query.ts';

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.unit, u.disabled,
  CASE u.role WHEN 'town_leader' THEN (SELECT t.name FROM towns t WHERE t.code = u.unit)
    WHEN 'grid_worker' THEN (SELECT g.name FROM grids g WHERE g.code = u.unit)
    WHEN 'commander' THEN (SELECT d.name FROM district d WHERE d.code = u.unit) END AS unit_place_name`;

export function userByNameSql(username: string): SqlQuery {
  return { text: `SELECT ${USER_COLUMNS}, u.password_hash FROM users u WHERE u.username = $1`, values: [username] };
}

export function userByIdSql(id: number): SqlQuery {
  return { text: `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, values: [id] };
}

export interface NewSession { id: string; user_id: number; kind: 'browser' | 'display'; credential_id: number | null; at: Date; expires_at: Date; user_agent: string | null; ip: string | null }

export function insertSessionSql(s: NewSession): SqlQuery {
  return {
    text: `INSERT INTO sessions (id, user_id, kind, display_credential_id, created_at, expires_at, last_seen_at, user_agent, ip)
      VALUES ($1, $2, $3, $4, $5, $6, $5, $7, $8)`,
    values: [s.id, s.user_id, s.kind, s.credential_id, s.at, s.expires_at, s.user_agent, s.ip],
  };
}

/** A live session (not revoked, not past its absolute expiry) with its user, who must not be disabled. */
export function sessionSql(id: string, now: Date): SqlQuery {
  return {
    text: `SELECT s.id AS session_id, s.kind, s.created_at, s.expires_at, s.last_seen_at, ${USER_COLUMNS}
      FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND NOT u.disabled`,
    values: [id, now],
  };
}

export function touchSessionSql(id: string, at: Date): SqlQuery {
  return { text: 'UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', values: [id, at] };
}

export function revokeSessionSql(id: string, at: Date): SqlQuery {
  return { text: 'UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', values: [id, at] };
}

export function revokeCredentialSessionsSql(credentialId: number, at: Date): SqlQuery {
  return { text: 'UPDATE sessions SET revoked_at = $2 WHERE display_credential_id = $1 AND revoked_at IS NULL', values: [credentialId, at] };
}

export function insertCredentialSql(c: { user_id: number; label: string; token_hash: string; created_by: number; at: Date }): SqlQuery {
  return {
    text: `INSERT INTO display_credentials (user_id, label, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
      RETURNING id, label, created_at, revoked_at`,
    values: [c.user_id, c.label, c.token_hash, c.created_by, c.at],
  };
}

export function credentialByTokenSql(tokenHash: string): SqlQuery {
  return { text: 'SELECT id, user_id FROM display_credentials WHERE token_hash = $1 AND revoked_at IS NULL', values: [tokenHash] };
}

export function revokeCredentialSql(id: number, at: Date): SqlQuery {
  return { text: 'UPDATE display_credentials SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING id, revoked_at', values: [id, at] };
}

export function listCredentialsSql(): SqlQuery {
  return {
    text: `SELECT c.id, c.label, u.username, c.created_at, c.revoked_at, b.username AS created_by,
        (SELECT max(s.last_seen_at) FROM sessions s WHERE s.display_credential_id = c.id) AS last_used_at
      FROM display_credentials c JOIN users u ON u.id = c.user_id LEFT JOIN users b ON b.id = c.created_by ORDER BY c.id`,
    values: [],
  };
}

export interface AuditRow {
  at: Date; user_id: number | null; username: string | null; role: string | null; action: string;
  target_kind: string | null; target_id: string | null; detail: Record<string, unknown>; ip: string | null;
}

export function insertAuditSql(e: AuditRow): SqlQuery {
  return {
    text: `INSERT INTO audit_log (at, user_id, username, role, action, target_kind, target_id, detail, ip)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id`,
    values: [e.at, e.user_id, e.username, e.role, e.action, e.target_kind, e.target_id, JSON.stringify(e.detail), e.ip],
  };
}

export interface AuditFilter {
  username: string | null; action: string | null; target_kind: string | null; target_id: string | null;
  from: Date | null; to: Date | null; limit: number; offset: number;
}

/** The audit log filtered, newest first, with the total count of matches on every row. */
export function searchAuditSql(f: AuditFilter): SqlQuery {
  return {
    text: `SELECT id, at, user_id, username, role, action, target_kind, target_id, detail, ip, count(*) OVER () AS total
      FROM audit_log
      WHERE ($1::text IS NULL OR username = $1) AND ($2::text IS NULL OR action = $2) AND ($3::text IS NULL OR target_kind = $3)
        AND ($4::text IS NULL OR target_id = $4) AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at <= $6)
      ORDER BY at DESC, id DESC LIMIT $7 OFFSET $8`,
    values: [f.username, f.action, f.target_kind, f.target_id, f.from, f.to, f.limit, f.offset],
  };
}
