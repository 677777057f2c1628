import type { Database } from '../db/database.ts';
import { healthSql } from '../sql/health-sql.ts';

export interface Health {
  status: 'ok';
  engine: Database['engine'];
  postgres: string;
  postgis: string;
  /** False until the data set is seeded (no district row yet). */
  seeded: boolean;
}

/** Asks the database for its versions; throws (→ 500) when it cannot answer. */
export async function checkHealth(db: Database): Promise<Health> {
  const q = healthSql();
  const r = (await db.query<{ postgres: string; postgis: string; districts: number }>(q.text, q.values)).rows[0];
  return { status: 'ok', engine: db.engine, postgres: r.postgres, postgis: r.postgis, seeded: Number(r.districts) > 0 };
}
