/** Reads the configuration, opens (and on first start seeds) the database, and serves the API. */
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { readConfig, ConfigError } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import { migrate } from './db/migrate.ts';
import { ensureSeeded } from './db/seed.ts';
import { createApp } from './app.ts';

const log = (msg: string) => console.log(`[${new Date().toISOString()}] ${msg}`);

async function main(): Promise<void> {
  const config = readConfig();
  const t0 = Date.now();
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  log(`opening ${where}…`);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
  const applied = await migrate(db);
  if (applied.length) log(`applied migrations ${applied.join(', ')}`);
  await ensureSeeded(db, config.seed, log);
  const app = createApp({ db, tileCacheSize: config.tileCacheSize, risk: config.risk, timeLimits: config.timeLimits, basemaps: config.basemaps, clientDir: resolve('dist/client') });
  const server: Server = app.listen(config.port, config.host, () => {
    log(`ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: http://${config.host}:${config.port}/  (API: /api)`);
  });
  const stop = (signal: string) => {
    log(`${signal}: finishing in-flight requests…`);
    server.close(() => void db.close().then(() => process.exit(0)));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? `configuration error: ${e.message}` : e);
  process.exit(1);
});
