/**
 * Re-seeds the configured database from scratch: the embedded one (DATA_DIR) or, with DATABASE_URL,
 * a real PostGIS (its public schema is dropped and rebuilt). Run: npm run db:reset
 */
import { rmSync } from 'node:fs';
import { readConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/open-database.ts';
import { migrate } from '../server/src/db/migrate.ts';
import { ensureSeeded } from '../server/src/db/seed.ts';

const config = readConfig();
const log = (m: string) => console.log(m);
if (!config.databaseUrl) {
  log(`removing embedded database in ${config.dataDir}`);
  rmSync(config.dataDir, { recursive: true, force: true });
}
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
if (db.engine === 'postgis') await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
await migrate(db);
await ensureSeeded(db, config.seed, log);
await db.close();
