/** Real PostgreSQL + PostGIS through a `pg` connection pool. */
import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// Return bigint (int8) and numeric as JS numbers: our ids and counts are far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (err) => console.error('postgres pool error:', err.message));
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
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
