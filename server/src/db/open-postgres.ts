/** Real PostgreSQL + PostGIS through a `pg` connection pool. */
import pg from 'pg';
import { isDatabaseUnavailable } from '../domain/database-errors.ts';
import type { Database, Queryable } from './database.ts';
import { DEFAULT_DATABASE_SETTINGS, type DatabaseSettings } from './database-settings.ts';

// Return bigint (int8) and numeric as JS numbers: our ids and counts are far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Timeouts make an unreachable database fail fast (→ 503, see domain/database-errors.ts) instead of
 * hanging; the pool drops broken connections and makes new ones, so the server recovers by itself.
 */
export async function openPostgres(url: string, settings: DatabaseSettings = DEFAULT_DATABASE_SETTINGS): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url, max: 10, connectionTimeoutMillis: settings.connectTimeoutMs, idleTimeoutMillis: 30_000, keepAlive: true,
    statement_timeout: settings.statementTimeoutMs, query_timeout: settings.statementTimeoutMs + 1_000,
  });
  // An idle client whose server went away emits 'error' on the pool: without a listener the process dies.
  pool.on('error', (err) => console.error('postgres pool error (idle client dropped):', err.message));
  await pool.query('SELECT 1');
  return {
    engine: 'postgis',
    async query<T>(text: string, values?: unknown[]) {
      const r = await pool.query(text, values as any[]);
      return { rows: r.rows as T[] };
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      // A checked-out client can lose its server between two statements; the failing statement reports it.
      const onError = (err: Error) => console.error('postgres client error during a transaction:', err.message);
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          async query<R>(text: string, values?: unknown[]) {
            const r = await client.query(text, values as any[]);
            return { rows: r.rows as R[] };
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        };
        const out = await fn(tx);
        await client.query('COMMIT');
        return out;
      } catch (e) {
        if (isDatabaseUnavailable(e)) broken = e as Error;
        else await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.off('error', onError);
        // release(err) destroys a connection that is broken instead of handing it to the next request.
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
