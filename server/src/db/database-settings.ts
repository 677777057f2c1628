/**
 * How long the server waits for PostgreSQL before it answers 503 instead of hanging
 * (DB_CONNECT_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS) and the Retry-After it then suggests
 * (DB_RETRY_AFTER_S). Read once at start like the rest of config.ts.
 */
import { intSetting } from '../config.ts';

export interface DatabaseSettings {
  /** A pooled connection must be made within this (pg connectionTimeoutMillis). */
  connectTimeoutMs: number;
  /** Server-side statement_timeout and the client's query_timeout (a bit longer). */
  statementTimeoutMs: number;
  /** Seconds in the Retry-After of a 503 database_unavailable. */
  retryAfterS: number;
}

export const DEFAULT_DATABASE_SETTINGS: DatabaseSettings = Object.freeze({ connectTimeoutMs: 5_000, statementTimeoutMs: 30_000, retryAfterS: 5 });

export function readDatabaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  return {
    connectTimeoutMs: intSetting(env, 'DB_CONNECT_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.connectTimeoutMs, 100, 120_000),
    statementTimeoutMs: intSetting(env, 'DB_STATEMENT_TIMEOUT_MS', DEFAULT_DATABASE_SETTINGS.statementTimeoutMs, 100, 3_600_000),
    retryAfterS: intSetting(env, 'DB_RETRY_AFTER_S', DEFAULT_DATABASE_SETTINGS.retryAfterS, 1, 3600),
  };
}
