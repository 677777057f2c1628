/**
 * Log-in by password (throttled per IP and per username), wall-display credentials (a long random
 * token, shown once, stored as its SHA-256, revocable) and log-in with one. Every attempt is audited.
 */
import type { Database } from '../db/database.ts';
import { ApiError, invalidParameter, notFound, unauthorized } from '../domain/api-error.ts';
import { createLoginThrottle } from '../domain/login-throttle.ts';
import { decoyHash, verifyPassword } from '../domain/password-hash.ts';
import type { SessionUser } from '../domain/user-roles.ts';
import { credentialByTokenSql, insertCredentialSql, listCredentialsSql, revokeCredentialSql, userByIdSql, userByNameSql } from '../sql/auth-sql.ts';
import type { AuditService } from './audit-service.ts';
import { newToken, sessionUser, tokenHash, type Session, type SessionService } from './session-service.ts';

type Row = Record<string, any>;

export interface ClientMeta { ip: string | null; userAgent: string | null }

/** 429 with the seconds to wait (the route sends them as Retry-After). */
export class ThrottledError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', 'username', `too many failed log-ins; try again in ${retryAfterSeconds} s`);
  }
}

const BAD_CREDENTIALS = 'wrong username or password';

export function createAuthService(db: Database, sessions: SessionService, audit: AuditService, now: () => Date) {
  const throttle = createLoginThrottle();
  const one = async (s: { text: string; values: unknown[] }) => (await db.query<Row>(s.text, s.values)).rows[0];

  async function startSession(user: SessionUser, kind: 'browser' | 'display', meta: ClientMeta, credentialId: number | null = null) {
    return sessions.create(user, kind, { ...meta, credentialId });
  }

  return {
    async login(username: string, password: string, meta: ClientMeta): Promise<{ token: string; session: Session }> {
      const keys = [`ip:${meta.ip ?? '?'}`, `user:${username.toLowerCase()}`];
      const wait = throttle.retryAfter(keys, now().getTime());
      if (wait > 0) {
        await audit.record({ action: 'login_throttled', username, ip: meta.ip });
        throw new ThrottledError(Math.ceil(wait / 1000));
      }
      const r = await one(userByNameSql(username));
      // Unknown users cost a hash too, so the answer's timing does not tell which usernames exist.
      const ok = await verifyPassword(password, r?.password_hash ?? (await decoyHash()));
      if (!r || !ok || r.disabled) {
        throttle.fail(keys, now().getTime());
        await audit.record({ action: 'login_failed', username, ip: meta.ip, detail: { reason: !r ? 'unknown_user' : r.disabled ? 'disabled' : 'wrong_password' } });
        throw unauthorized('password', BAD_CREDENTIALS, 'invalid_credentials');
      }
      throttle.succeed([keys[1]]);
      const user = sessionUser(r);
      const s = await startSession(user, 'browser', meta);
      await audit.record({ action: 'login', user, ip: meta.ip, target_kind: 'session', detail: { kind: 'browser' } });
      return s;
    },

    async logout(session: Session, meta: ClientMeta): Promise<void> {
      await sessions.revoke(session.id);
      await audit.record({ action: 'logout', user: session.user, ip: meta.ip, target_kind: 'session', detail: { kind: session.kind } });
    },

    /** A new display credential for the display account `username`; the token is returned here only. */
    async createDisplayCredential(by: SessionUser, label: string, username: string, meta: ClientMeta): Promise<Row> {
      const u = await one(userByNameSql(username));
      if (!u || u.role !== 'display') throw invalidParameter('username', `username must name a wall-display account${u ? '' : ' that exists'}`);
      const token = `pd_${newToken()}`;
      const c = await one(insertCredentialSql({ user_id: Number(u.id), label, token_hash: tokenHash(token), created_by: by.id, at: now() }));
      await audit.record({ action: 'display_credential_create', user: by, ip: meta.ip, target_kind: 'display_credential', target_id: c.id, detail: { label, username } });
      return { id: Number(c.id), label: c.label, username, created_at: c.created_at, revoked_at: null, token };
    },

    async revokeDisplayCredential(by: SessionUser, id: number, meta: ClientMeta): Promise<Row> {
      const c = await one(revokeCredentialSql(id, now()));
      if (!c) throw notFound('id', `no display credential has the id ${id}`);
      await sessions.revokeCredential(id);
      await audit.record({ action: 'display_credential_revoke', user: by, ip: meta.ip, target_kind: 'display_credential', target_id: id });
      return { id, revoked_at: c.revoked_at };
    },

    async listDisplayCredentials(): Promise<Row[]> {
      const q = listCredentialsSql();
      return (await db.query<Row>(q.text, q.values)).rows.map((c) => ({ ...c, id: Number(c.id) }));
    },

    async displayLogin(token: string, meta: ClientMeta): Promise<{ token: string; session: Session }> {
      const keys = [`ip:${meta.ip ?? '?'}`];
      const wait = throttle.retryAfter(keys, now().getTime());
      if (wait > 0) throw new ThrottledError(Math.ceil(wait / 1000));
      const c = /^pd_[A-Za-z0-9_-]{43}$/.test(token) ? await one(credentialByTokenSql(tokenHash(token))) : undefined;
      const u = c ? await one(userByIdSql(Number(c.user_id))) : undefined;
      if (!c || !u || u.disabled) {
        throttle.fail(keys, now().getTime());
        await audit.record({ action: 'display_login_failed', ip: meta.ip });
        throw unauthorized('token', 'unknown or revoked display credential', 'invalid_credentials');
      }
      const user = sessionUser(u);
      const s = await startSession(user, 'display', meta, Number(c.id));
      await audit.record({ action: 'login', user, ip: meta.ip, target_kind: 'display_credential', target_id: c.id, detail: { kind: 'display' } });
      return s;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
