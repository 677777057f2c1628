/**
 * Settings of resilience and hardening, read once at start (see README "Resilience"): database
 * timeouts and Retry-After (db/database-settings.ts), the write rate limit per client address
 * (WRITE_RATE_PER_MIN, 0 = off) and how long shutdown waits for in-flight requests (SHUTDOWN_TIMEOUT_MS).
 */
import { intSetting } from './config.ts';
import { readDatabaseSettings, type DatabaseSettings } from './db/database-settings.ts';
import type { WriteRateLimit } from './http/write-rate-limit.ts';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from './start-server.ts';

export interface ResilienceSettings {
  database: DatabaseSettings;
  writeRateLimit: WriteRateLimit | null;
  shutdownTimeoutMs: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none; the peer address is the client). */
  trustProxyHops: number;
}

export function readResilienceSettings(env: NodeJS.ProcessEnv = process.env): ResilienceSettings {
  const perMinute = intSetting(env, 'WRITE_RATE_PER_MIN', 60, 0, 1_000_000);
  return {
    database: readDatabaseSettings(env),
    writeRateLimit: perMinute === 0 ? null : { perMinute },
    shutdownTimeoutMs: intSetting(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_SHUTDOWN_TIMEOUT_MS, 0, 600_000),
    trustProxyHops: intSetting(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
  };
}
