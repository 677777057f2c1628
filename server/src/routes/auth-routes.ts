/**
 * Log-in, log-out, who am I, and the wall displays' credentials:
 *   POST /auth/login {username, password} → {user} + the session and CSRF cookies
 *   POST /auth/logout → 204, cookies cleared, session revoked
 *   GET  /auth/me → {user, session: {kind, expires_at}}
 *   POST /auth/display-credentials {label, username?} (commander) → 201 with the token, shown this once
 *   GET  /auth/display-credentials (commander); DELETE /auth/display-credentials/{id} (commander) revokes
 *   POST /auth/display-login {token} → a long-lived display session
 */
import { Router, type Request, type Response } from 'express';
import { forbidden, invalidParameter } from '../domain/api-error.ts';
import { bodyObject, text, type Body } from '../domain/parse-body.ts';
import { parsePositiveId } from '../domain/parse-id.ts';
import { readParams } from '../domain/read-params.ts';
import { USER_ROLE_LABELS, type SessionUser } from '../domain/user-roles.ts';
import { jsonBody } from '../http/json-body.ts';
import { sendJson } from '../http/send.ts';
import { clearedCookies, sessionCookies } from '../http/session-auth.ts';
import { ThrottledError, type AuthService, type ClientMeta } from '../services/auth-service.ts';
import type { Session } from '../services/session-service.ts';

const NONE = new Set<string>();

export interface AuthRouteSettings { secureCookies: boolean }

/** The user as the API shows it: no id, the role's label in both languages. */
export function userJson(u: SessionUser) {
  return { username: u.username, display_name: u.display_name, role: u.role, role_label: USER_ROLE_LABELS[u.role], unit: u.unit, unit_name: u.unit_name };
}

/** A password as typed: not trimmed, 1–200 characters. */
function secret(b: Body, field: string): string {
  const v = b[field];
  if (typeof v !== 'string' || v.length === 0) throw invalidParameter(field, `${field} is required (a string)`);
  if (v.length > 200) throw invalidParameter(field, `${field} has more than 200 characters`);
  return v;
}

const meta = (req: Request): ClientMeta => ({ ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null });

function commander(req: Request): SessionUser {
  if (req.user?.role !== 'commander') throw forbidden('role', 'only the district commander manages display credentials');
  return req.user;
}

export function authRoutes(auth: AuthService, settings: AuthRouteSettings, now: () => Date): Router {
  const r = Router();
  const secure = (req: Request) => settings.secureCookies || req.secure;
  const start = (req: Request, res: Response, s: { token: string; session: Session }) => {
    res.setHeader('Set-Cookie', sessionCookies(s.token, (s.session.expires_at.getTime() - now().getTime()) / 1000, secure(req)));
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, { user: userJson(s.session.user), session: { kind: s.session.kind, expires_at: s.session.expires_at.toISOString() } });
  };
  const throttled = (res: Response, e: unknown) => {
    if (e instanceof ThrottledError) res.setHeader('Retry-After', String(e.retryAfterSeconds));
    throw e;
  };

  r.post('/auth/login', jsonBody, async (req, res) => {
    readParams(req.query, NONE);
    const b = bodyObject(req.body, ['username', 'password']);
    const username = text(b, 'username', 1, 64, true);
    const password = secret(b, 'password');
    start(req, res, await auth.login(username, password, meta(req)).catch((e) => throttled(res, e)));
  });

  r.post('/auth/display-login', jsonBody, async (req, res) => {
    readParams(req.query, NONE);
    const b = bodyObject(req.body, ['token']);
    start(req, res, await auth.displayLogin(secret(b, 'token'), meta(req)).catch((e) => throttled(res, e)));
  });

  r.post('/auth/logout', async (req, res) => {
    readParams(req.query, NONE);
    await auth.logout(req.authSession!, meta(req));
    res.setHeader('Set-Cookie', clearedCookies(secure(req)));
    res.status(204).end();
  });

  r.get('/auth/me', (req, res) => {
    readParams(req.query, NONE);
    const s = req.authSession!;
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, { user: userJson(s.user), session: { kind: s.kind, expires_at: s.expires_at.toISOString() } });
  });

  r.get('/auth/display-credentials', async (req, res) => {
    commander(req);
    readParams(req.query, NONE);
    sendJson(res, { credentials: await auth.listDisplayCredentials() });
  });

  r.post('/auth/display-credentials', jsonBody, async (req, res) => {
    const by = commander(req);
    readParams(req.query, NONE);
    const b = bodyObject(req.body, ['label', 'username']);
    const c = await auth.createDisplayCredential(by, text(b, 'label', 1, 80, true), text(b, 'username', 1, 64) ?? 'display', meta(req));
    res.setHeader('Cache-Control', 'no-store');
    res.location(`${req.baseUrl}/auth/display-credentials/${c.id}`);
    sendJson(res, c, undefined, 201);
  });

  r.delete('/auth/display-credentials/:id', async (req, res) => {
    const by = commander(req);
    const id = parsePositiveId(String(req.params.id), 'id');
    readParams(req.query, NONE);
    sendJson(res, await auth.revokeDisplayCredential(by, id, meta(req)));
  });

  return r;
}
