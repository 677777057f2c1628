/**
 * Label points as GeoJSON text, built once per process: the geography does not change at run time,
 * and labels are reference data every role sees (domain/access-scope.ts), so one copy serves all.
 */
import type { Database } from '../db/database.ts';
import { labelPointsSql } from '../sql/labels-sql.ts';

interface Row { kind: string; code: string; name: string; lon: number; lat: number }

export function createLabelsService(db: Database) {
  let text: Promise<string> | null = null;
  return {
    /** The FeatureCollection as JSON text (kept, so a request costs no serialisation). */
    labelsText(): Promise<string> {
      if (!text) {
        const q = labelPointsSql();
        const job = db.query<Row>(q.text, q.values).then(({ rows }) => JSON.stringify({
          type: 'FeatureCollection',
          features: rows.map((r) => ({ type: 'Feature', properties: { kind: r.kind, code: r.code, name: r.name },
            geometry: { type: 'Point', coordinates: [Math.round(r.lon * 1e6) / 1e6, Math.round(r.lat * 1e6) / 1e6] } })),
        }));
        job.catch(() => { text = null; });
        text = job;
      }
      return text;
    },
  };
}
