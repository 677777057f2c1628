/** The data part of what the client needs to start: the district's extent and the months the data covers. */
import type { Database } from '../db/database.ts';
import { scopeKey, type AccessScope } from '../domain/access-scope.ts';
import { clientConfigSql } from '../sql/client-config-sql.ts';
import type { Bbox4 } from './row-values.ts';

export interface ClientData {
  district: { code: string; name: string; bbox: Bbox4; centre: [number, number] };
  /** Local months (YYYY-MM) of the first and last reported dispute; null without disputes. */
  data: { first_month: string | null; last_month: string | null };
}

export interface ClientConfigService {
  /** Null before the data set is seeded (no district). Cached for a minute. */
  get(scope: AccessScope): Promise<ClientData | null>;
}

export function createClientConfigService(db: Database, now: () => Date = () => new Date()): ClientConfigService {
  const cache = new Map<string, { at: number; value: Promise<ClientData | null> }>();
  return {
    get(scope) {
      const key = scopeKey(scope);
      const hit = cache.get(key);
      if (hit && now().getTime() - hit.at < 60_000) return hit.value;
      const q = clientConfigSql(scope);
      type Row = { code: string; name: string; minx: number; miny: number; maxx: number; maxy: number; lon: number; lat: number; first_month: string | null; last_month: string | null };
      const value = db.query<Row>(q.text, q.values).then(({ rows: [r] }) => r ? {
        district: { code: r.code, name: r.name, bbox: [Number(r.minx), Number(r.miny), Number(r.maxx), Number(r.maxy)] as Bbox4, centre: [Number(r.lon), Number(r.lat)] as [number, number] },
        data: { first_month: r.first_month, last_month: r.last_month },
      } : null);
      value.catch(() => cache.delete(key));
      cache.set(key, { at: now().getTime(), value });
      return value;
    },
  };
}
