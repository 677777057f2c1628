/** OGC API Features use cases: a page of items, one item, a collection's extent. */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import type { ItemsQuery } from '../domain/parse-items-query.ts';
import { extentSql } from '../sql/extent-sql.ts';
import { itemByIdSql, itemsCountSql, itemsPageSql } from '../sql/items-sql.ts';

export interface ItemsPage {
  /** Each feature as GeoJSON text, ordered by id. */
  readonly features: string[];
  readonly numberMatched: number;
}

export interface Extent {
  /** [minLng, minLat, maxLng, maxLat], or null for an empty collection. */
  readonly bbox: [number, number, number, number] | null;
  /** [first, last] RFC 3339 instants, or null for timeless or empty collections. */
  readonly interval: [string, string] | null;
}

export interface FeaturesService {
  listItems(scope: AccessScope, c: CollectionDef, q: ItemsQuery): Promise<ItemsPage>;
  /** One feature as GeoJSON text, or null when no feature has that id (or the scope hides it). */
  getItem(scope: AccessScope, c: CollectionDef, id: number): Promise<string | null>;
  extent(scope: AccessScope, c: CollectionDef): Promise<Extent>;
}

export function createFeaturesService(db: Database): FeaturesService {
  return {
    async listItems(scope, c, q) {
      const page = itemsPageSql(scope, c, q);
      const { rows } = await db.query<{ feature: string }>(page.text, page.values);
      const features = rows.map((r) => r.feature);
      // A short, non-empty page (or an empty first page) is the end: no need to count.
      if (features.length < q.limit && (features.length > 0 || q.offset === 0)) {
        return { features, numberMatched: q.offset + features.length };
      }
      const count = itemsCountSql(scope, c, q);
      const n = await db.query<{ n: number }>(count.text, count.values);
      return { features, numberMatched: Number(n.rows[0].n) };
    },
    async getItem(scope, c, id) {
      const q = itemByIdSql(scope, c, id);
      const { rows } = await db.query<{ feature: string }>(q.text, q.values);
      return rows[0]?.feature ?? null;
    },
    async extent(scope, c) {
      const q = extentSql(scope, c);
      type Row = { minx: number | null; miny: number; maxx: number; maxy: number; tmin: string | null; tmax: string | null };
      const r = (await db.query<Row>(q.text, q.values)).rows[0];
      return {
        bbox: r.minx === null ? null : [Number(r.minx), Number(r.miny), Number(r.maxx), Number(r.maxy)],
        interval: r.tmin && r.tmax ? [r.tmin, r.tmax] : null,
      };
    },
  };
}
