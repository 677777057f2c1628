/**
 * Which errors mean "the database cannot be reached right now" (→ 503 with Retry-After) rather than
 * "this request or the code is wrong" (→ 4xx / 500): refused or dropped connections, a server that
 * shuts down or is still starting, the SQLSTATE class 08 (connection exception), the pool's connect
 * timeout and a statement cut by statement_timeout / query_timeout.
 */

const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, query_canceled (statement_timeout)
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Query read timeout/i, /connection (is )?(closed|ended)/i,
  /Client has encountered a connection error/i, /Cannot use a pool after calling end/i];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (err === null || typeof err !== 'object' || depth > 3) return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (NET_CODES.has(e.code) || SQLSTATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // Node reports a refused connection to several addresses (::1 and 127.0.0.1) as an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
