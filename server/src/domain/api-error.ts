/**
 * The one error type for "the caller did something wrong". The HTTP layer turns it into a 4xx
 * response whose JSON body names the parameter and the reason; anything else becomes a 500.
 */
export type ApiErrorCode =
  | 'invalid_parameter'
  | 'unknown_parameter'
  | 'repeated_parameter'
  | 'not_found'
  | 'outside_district'
  | 'not_allowed'
  | 'stale_version'
  | 'idempotency_key_reused'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'out_of_scope'
  | 'invalid_credentials';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly parameter: string | null;

  constructor(status: number, code: ApiErrorCode, parameter: string | null, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.parameter = parameter;
  }

  toJSON(): { code: string; parameter: string | null; message: string } {
    return { code: this.code, parameter: this.parameter, message: this.message };
  }
}

/** 400 for a parameter whose value is malformed or out of range. */
export function invalidParameter(parameter: string, message: string): ApiError {
  return new ApiError(400, 'invalid_parameter', parameter, message);
}

/** 404 for a path parameter that names nothing (collection, feature, layer). */
export function notFound(parameter: string, message: string): ApiError {
  return new ApiError(404, 'not_found', parameter, message);
}

/** Echo of caller input inside messages: short and printable, so it cannot flood a log or a page. */
export function quoteInput(value: string): string {
  const clean = value.replace(/[^\x20-\x7e\u4e00-\u9fff]/g, '?');
  return JSON.stringify(clean.length > 60 ? `${clean.slice(0, 60)}…` : clean);
}

/** 401: no valid session (or wrong credentials at log-in, with code invalid_credentials). */
export function unauthorized(parameter: string, message: string, code: ApiErrorCode = 'unauthorized'): ApiError {
  return new ApiError(401, code, parameter, message);
}

/** 403: logged in, but this role, actor or request may not do this. */
export function forbidden(parameter: string | null, message: string): ApiError {
  return new ApiError(403, 'forbidden', parameter, message);
}

/** 403: the request names an area (or other unit) outside the caller's scope (domain/access-scope.ts). */
export function forbiddenScope(parameter: string, value: string): ApiError {
  return new ApiError(403, 'out_of_scope', parameter, `${parameter} ${quoteInput(value)} is outside the areas your account may see`);
}
