/** Reads the configuration, opens (and on first start seeds) the database, and serves the API. */
import { resolve } from 'node:path';
import { readConfig, ConfigError } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { migrate } from './db/migrate.ts';
import { ensureSeeded } from './db/seed.ts';
import { createApp } from './app.ts';
import { readResilienceSettings } from './config-resilience.ts';
import { startServer } from './start-server.ts';

const log = (msg: string) => console.log(`[${new Date().toISOString()}] ${msg}`);

async function main(): Promise<void> {
  const config = readConfig();
  const resilience = readResilienceSettings();
  const t0 = Date.now();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  log(`opening ${where}…`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir, settings: resilience.database });
  const applied = await migrate(db);
  if (applied.length) log(`applied migrations ${applied.join(', ')}`);
  await ensureSeeded(db, config.seed, log, { demoPassword: config.demoPassword });
  const app = createApp({ db, tileCacheSize: config.tileCacheSize, risk: config.risk, timeLimits: config.timeLimits, basemaps: config.basemaps, auth: config.auth, clientDir: resolve('dist/client'),
    writeRateLimit: resilience.writeRateLimit, databaseRetryAfterS: resilience.database.retryAfterS, trustProxyHops: resilience.trustProxyHops });
  const running = await startServer({ app, db, port: config.port, host: config.host, timeoutMs: resilience.shutdownTimeoutMs, log });
  log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${running.url}/  (API: /api)`);
  const stop = (signal: string) => {
    log(`${signal}: closing live streams, finishing in-flight requests, then the database…`);
    // Should closing the database itself hang, give up a little after the request timeout.
    setTimeout(() => process.exit(1), resilience.shutdownTimeoutMs + 10_000).unref();
    running.close().then(
      (clean) => (log(clean ? 'stopped cleanly' : 'stopped (some requests were cut)'), process.exit(0)),
      (e) => (console.error('shutdown failed:', e), process.exit(1)),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? `configuration error: ${e.message}` : e);
  process.exit(1);
});
