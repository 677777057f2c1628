/**
 * The access scope of a request (set from its session by http/session-auth.ts), and the check that
 * an area named in a request lies within it (403 out_of_scope naming the parameter).
 */
import type { Request } from 'express';
import { areaInScope, type AccessScope } from '../domain/access-scope.ts';
import { forbiddenScope, unauthorized } from '../domain/api-error.ts';

export function requestScope(req: Request): AccessScope {
  if (!req.scope) throw unauthorized('session', 'log in first: this resource needs a session (POST /api/auth/login)');
  return req.scope;
}

/** Throws 403 out_of_scope when `code` (an area code from parameter `param`) is outside the request's scope. */
export function requireAreaInScope(req: Request, param: string, code: string): void {
  if (!areaInScope(requestScope(req), code)) throw forbiddenScope(param, code);
}
