/** Embedded engine: PGlite with PostGIS, persisted in a folder. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './database.ts';

export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir ?? undefined, { extensions: { postgis } });
  // PGlite runs one query at a time; serialise transactions so their statements never interleave.
  let chain: Promise<unknown> = Promise.resolve();
  type Raw = Pick<PGlite, 'query' | 'exec'>;
  const wrap = (c: Raw): Queryable => ({
    async query<T>(text: string, values?: unknown[]) {
      const r = await c.query(text, values as any[]);
      return { rows: r.rows as T[] };
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  });
  const direct = wrap(pg);
  return {
    engine: 'pglite',
    query: (t, v) => chain.then(() => direct.query(t, v)),
    exec: (sql) => chain.then(() => direct.exec(sql)),
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const run = chain.then(() => pg.transaction((tx) => fn(wrap(tx as unknown as Raw))));
      chain = run.catch(() => undefined);
      return run as Promise<T>;
    },
    async close() {
      await chain;
      await pg.close();
    },
  };
}
