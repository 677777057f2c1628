/** Find a place by name or code: towns, villages, grids, police workrooms, mediation rooms, legal stations. */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { searchSql, type SearchKind } from '../sql/search-sql.ts';
import { jsonValue, type Bbox4 } from './row-values.ts';

export const MAX_SEARCH_RESULTS = 20;

export interface SearchHit {
  kind: SearchKind;
  code: string;
  name: string;
  /** Names of the containing town and village (as far as they apply), town first. */
  parents: string[];
  /** Areas have a bbox, facilities a point [lng, lat]; the other is null. */
  bbox: Bbox4 | null;
  point: [number, number] | null;
}

export interface SearchService {
  search(scope: AccessScope, q: string): Promise<SearchHit[]>;
}

export function createSearchService(db: Database): SearchService {
  return {
    async search(scope, q) {
      const s = searchSql(scope, q, MAX_SEARCH_RESULTS);
      type Row = { kind: SearchKind; code: string; name: string; parents: unknown; minx: number | null; miny: number; maxx: number; maxy: number; lon: number | null; lat: number };
      const rows = (await db.query<Row>(s.text, s.values)).rows;
      return rows.map((r) => ({
        kind: r.kind, code: r.code, name: r.name, parents: jsonValue(r.parents) as string[],
        bbox: r.minx === null ? null : [Number(r.minx), Number(r.miny), Number(r.maxx), Number(r.maxy)],
        point: r.lon === null ? null : [Number(r.lon), Number(r.lat)],
      }));
    },
  };
}
