/**
 * One seeded database per test run, shared by every test file (vitest runs them in one fork with
 * isolate: false). Real PostGIS when DATABASE_URL is set (its public schema is rebuilt first),
 * otherwise in-memory PGlite. Volumes are scaled down; the geography is always complete.
 */
import type { Database } from '../../server/src/db/database.ts';
import { openDatabase } from '../../server/src/db/open-database.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { ensureSeeded } from '../../server/src/db/seed.ts';
import type { SeedConfig } from '../../server/src/config.ts';

// Items cover the last ~50 days; disputes at 10% (≈1,000 a year, enough for rates to the 0.1%).
export const TEST_SEED: SeedConfig = { seed: 'kongtong-test', scale: 0.02, disputeScale: 0.1, asOf: '2026-11-28' };

/** The demo accounts' password in the test database (DEMO_PASSWORD of its seed). */
export const TEST_DEMO_PASSWORD = 'pingan-test-password';

let shared: Promise<Database> | null = null;

export function testEngine(): 'postgis' | 'pglite' {
  return process.env.DATABASE_URL ? 'postgis' : 'pglite';
}

export function getTestDb(): Promise<Database> {
  shared ??= (async () => {
    const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || null, dataDir: null });
    if (db.engine === 'postgis') await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
    await migrate(db);
    await ensureSeeded(db, TEST_SEED, undefined, { demoPassword: TEST_DEMO_PASSWORD });
    return db;
  })();
  return shared;
}
