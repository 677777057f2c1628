/**
 * Sessions over HTTP. `attachSession` (every request, pages included) reads the session cookie and
 * sets req.user, req.scope and req.authSession when it names a live session. `requireSession` guards
 * /api: everything but PUBLIC_PATHS needs a session (401 JSON), a write needs the CSRF header
 * (double submit: the readable `pingan_csrf` cookie echoed in X-CSRF-Token, 403 JSON naming it), and
 * roles that may not write (analyst, wall display) get 403 for any write but log-out, and a wall
 * display gets 403 for anything off its allow-list (domain/display-access.ts).
 *
 * The CSRF token is derived from the session's secret token (sha256("csrf:" + token)), so a cookie
 * planted by a sibling subdomain cannot forge one, and SameSite=Strict stops cross-site sends too.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccessScope } from '../domain/access-scope.ts';
import { forbidden, unauthorized } from '../domain/api-error.ts';
import { parseCookies, serializeCookie } from '../domain/cookies.ts';
import { displayMayRead } from '../domain/display-access.ts';
import { maySaveAreaReports, mayWrite, scopeOf, USER_ROLE_LABELS, type SessionUser } from '../domain/user-roles.ts';
import { csrfTokenOf, type Session, type SessionService } from '../services/session-service.ts';

export const SESSION_COOKIE = 'pingan_session';
export const CSRF_COOKIE = 'pingan_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The logged-in user (attachSession), absent for anonymous requests. */
      user?: SessionUser;
      /** What the user may read: from their role (domain/user-roles.ts). */
      scope?: AccessScope;
      authSession?: Session & { token: string };
    }
  }
}

/** Paths under /api anyone may reach: health, log-in, and the OGC landing page and API documentation. */
export const PUBLIC_PATHS = new Set(['/', '/conformance', '/openapi.json', '/health', '/auth/login', '/auth/display-login']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function attachSession(sessions: SessionService): RequestHandler {
  return async (req, _res, next) => {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!token) return next();
    try {
      const s = await sessions.lookup(token);
      if (s) {
        req.user = s.user;
        req.scope = scopeOf(s.user);
        req.authSession = { ...s, token };
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}

function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export function requireSession(): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    const path = req.path.length > 1 && req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
    if (PUBLIC_PATHS.has(path)) return next();
    const s = req.authSession;
    if (!s) return next(unauthorized('session', 'log in first: this resource needs a session (POST /api/auth/login)'));
    if (s.user.role === 'display' && path !== '/auth/logout' && !displayMayRead(path)) {
      return next(forbidden('role', 'a wall display reads only the map and its figures, never individual records'));
    }
    if (SAFE_METHODS.has(req.method)) return next();
    const sent = req.get(CSRF_HEADER);
    if (!sent || !sameText(sent, csrfTokenOf(s.token))) {
      return next(forbidden(CSRF_HEADER, `a write needs the ${CSRF_HEADER} header carrying the value of the ${CSRF_COOKIE} cookie`));
    }
    const savesReport = path === '/area-reports' && maySaveAreaReports(s.user.role);
    if (!mayWrite(s.user.role) && path !== '/auth/logout' && !savesReport) {
      return next(forbidden('role', `a ${USER_ROLE_LABELS[s.user.role].en.toLowerCase()} may only read`));
    }
    next();
  };
}

/** The session and CSRF cookies of a new session; Secure on HTTPS or when configured. */
export function sessionCookies(token: string, maxAgeSeconds: number, secure: boolean): string[] {
  return [
    serializeCookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAge: maxAgeSeconds }),
    // Readable by the page's script, which echoes it in the header.
    serializeCookie(CSRF_COOKIE, csrfTokenOf(token), { httpOnly: false, secure, maxAge: maxAgeSeconds }),
  ];
}

export function clearedCookies(secure: boolean): string[] {
  return [SESSION_COOKIE, CSRF_COOKIE].map((n) => serializeCookie(n, '', { httpOnly: n === SESSION_COOKIE, secure, maxAge: 0 }));
}
