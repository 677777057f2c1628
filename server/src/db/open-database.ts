/** Opens the configured engine: real PostGIS when DATABASE_URL is set, else embedded PGlite in DATA_DIR. */
import type { Database } from './database.ts';
import type { DatabaseSettings } from './database-settings.ts';

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string | null; settings?: DatabaseSettings }): Promise<Database> {
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./open-postgres.ts');
    return openPostgres(opts.databaseUrl, opts.settings);
  }
  const { openPglite } = await import('./open-pglite.ts');
  return openPglite(opts.dataDir);
}
