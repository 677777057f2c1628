/**
 * Server-side sessions. The browser holds a random 32-byte token (HttpOnly cookie); the database holds
 * only its SHA-256, the user, the kind (browser or wall display), an absolute expiry and when it was
 * last seen. A browser session also ends after `idleMs` without a request. Valid sessions are cached
 * for a few seconds (one query less per request); revoking one here clears it from the cache at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import { findDepartment } from '../domain/handler-unit.ts';
import type { SessionUser, UserRole } from '../domain/user-roles.ts';
import { insertSessionSql, revokeCredentialSessionsSql, revokeSessionSql, sessionSql, touchSessionSql } from '../sql/auth-sql.ts';

export interface SessionSettings {
  /** A browser session ends after this long without a request. */
  idleMs: number;
  /** …and this long after log-in, whatever happens. */
  absoluteMs: number;
  /** A wall display's session lasts this long (no idle limit: it is always on). */
  displayMs: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = Object.freeze({ idleMs: 8 * 3_600_000, absoluteMs: 7 * 86_400_000, displayMs: 90 * 86_400_000 });

export type SessionKind = 'browser' | 'display';

export interface Session { id: string; kind: SessionKind; user: SessionUser; expires_at: Date }

const CACHE_MS = 5_000;
const TOUCH_MS = 60_000;

export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');
/** The CSRF token of a session: derived from its secret token, so the server need not store it. */
export const csrfTokenOf = (token: string): string => createHash('sha256').update(`csrf:${token}`).digest('base64url');

type Row = Record<string, any>;

/** A user row (auth-sql USER_COLUMNS) as the API shows it. */
export function sessionUser(r: Row): SessionUser {
  const dept = r.role === 'department_officer' ? findDepartment(r.unit) : null;
  return { id: Number(r.id), username: r.username, display_name: r.display_name, role: r.role as UserRole, unit: r.unit ?? null, unit_name: dept?.name ?? r.unit_place_name ?? null };
}

export function createSessionService(db: Database, now: () => Date, settings: SessionSettings = DEFAULT_SESSION_SETTINGS) {
  const cache = new Map<string, { session: Session; lastSeen: number; fetched: number }>();

  return {
    settings,

    /** Starts a session; returns the token for the cookie (never stored) and the session. */
    async create(user: SessionUser, kind: SessionKind, meta: { ip: string | null; userAgent: string | null; credentialId?: number | null }): Promise<{ token: string; session: Session }> {
      const token = newToken();
      const at = now();
      const expires_at = new Date(at.getTime() + (kind === 'display' ? settings.displayMs : settings.absoluteMs));
      const id = tokenHash(token);
      const q = insertSessionSql({ id, user_id: user.id, kind, credential_id: meta.credentialId ?? null, at, expires_at,
        user_agent: meta.userAgent?.slice(0, 300) ?? null, ip: meta.ip });
      await db.query(q.text, q.values);
      const session: Session = { id, kind, user, expires_at };
      cache.set(id, { session, lastSeen: at.getTime(), fetched: at.getTime() });
      return { token, session };
    },

    /**
     * The live session of a cookie token, or null (unknown, revoked, expired, idle too long, user
     * disabled). A request counts as activity; `touch: false` checks without it (an open stream).
     */
    async lookup(token: string, { touch = true } = {}): Promise<Session | null> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
      const id = tokenHash(token);
      const t = now().getTime();
      let hit = cache.get(id);
      if (!hit || t - hit.fetched > CACHE_MS || t < hit.fetched) {
        const q = sessionSql(id, new Date(t));
        const r = (await db.query<Row>(q.text, q.values)).rows[0];
        if (!r) {
          cache.delete(id);
          return null;
        }
        hit = { session: { id, kind: r.kind, user: sessionUser(r), expires_at: new Date(r.expires_at) }, lastSeen: Math.max(hit?.lastSeen ?? 0, new Date(r.last_seen_at).getTime()), fetched: t };
        cache.set(id, hit);
      }
      if (hit.session.expires_at.getTime() <= t || (hit.session.kind === 'browser' && t - hit.lastSeen > settings.idleMs)) {
        await this.revoke(id);
        return null;
      }
      if (!touch) return hit.session;
      if (t - hit.lastSeen > TOUCH_MS) {
        const q = touchSessionSql(id, new Date(t));
        await db.query(q.text, q.values);
      }
      hit.lastSeen = Math.max(hit.lastSeen, t);
      return hit.session;
    },

    async revoke(id: string): Promise<void> {
      cache.delete(id);
      const q = revokeSessionSql(id, now());
      await db.query(q.text, q.values);
    },

    /** Ends every session opened with a display credential. */
    async revokeCredential(credentialId: number): Promise<void> {
      cache.clear();
      const q = revokeCredentialSessionsSql(credentialId, now());
      await db.query(q.text, q.values);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
