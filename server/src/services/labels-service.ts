/** Label points as GeoJSON, computed once per process (the geography does not change at run time). */
import type { Database } from '../db/database.ts';
import { scopeKey, type AccessScope } from '../domain/access-scope.ts';
import { labelPointsSql } from '../sql/labels-sql.ts';

interface Row { kind: string; code: string; name: string; lon: number; lat: number }

export function createLabelsService(db: Database) {
  const cache = new Map<string, Promise<GeoJSON.FeatureCollection>>();
  return {
    labels(scope: AccessScope): Promise<GeoJSON.FeatureCollection> {
      const key = scopeKey(scope);
      if (!cache.has(key)) {
        const q = labelPointsSql(scope);
        const job = db.query<Row>(q.text, q.values).then(({ rows }) => ({
          type: 'FeatureCollection' as const,
          features: rows.map((r) => ({ type: 'Feature' as const, properties: { kind: r.kind, code: r.code, name: r.name },
            geometry: { type: 'Point' as const, coordinates: [Math.round(r.lon * 1e6) / 1e6, Math.round(r.lat * 1e6) / 1e6] } })),
        }));
        job.catch(() => cache.delete(key));
        cache.set(key, job);
      }
      return cache.get(key)!;
    },
  };
}
