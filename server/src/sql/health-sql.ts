import type { SqlQuery } from './sql-query.ts';

/** Versions of PostgreSQL and PostGIS, proving the database answers and has PostGIS loaded. */
export function healthSql(): SqlQuery {
  return {
    text: `SELECT current_setting('server_version') AS postgres, postgis_lib_version() AS postgis,
      (SELECT count(*)::int FROM district) AS districts`,
    values: [],
  };
}
