/**
 * The WHERE fragments that limit a query to what a scope may see: the SQL form of the rules in
 * domain/access-scope.ts (read its table first). Every query that reads disputes, or anything that
 * hangs off a dispute (history, letters, ledger rows, screening), calls `disputeScopeSql`; every query
 * of per-area figures calls `areaScopeSql`; the generic collection readers (items, tiles, nearest)
 * call `collectionScopeSql`. Values are always bound parameters.
 */
import type { AccessScope } from '../domain/access-scope.ts';
import type { CollectionDef } from '../domain/collections.ts';
import type { Params } from './sql-query.ts';

/** The disputes row aliased `alias` is visible to the scope. */
export function disputeScopeSql(scope: AccessScope, alias: string, p: Params): string {
  switch (scope.kind) {
    case 'town': return `${alias}.town_code = ${p.add(scope.town, 'text')}`;
    case 'grid': return `${alias}.grid_code = ${p.add(scope.grid, 'text')}`;
    case 'department': {
      const code = p.add(scope.department, 'text');
      const sector = scope.routedTypes.length ? `${alias}.type IN (${scope.routedTypes.map((t) => p.add(t, 'text')).join(', ')})` : 'FALSE';
      return `(${sector} OR ${alias}.handler_unit = ${p.add(scope.departmentName, 'text')}
        OR EXISTS (SELECT 1 FROM transfers sx WHERE sx.dispute_id = ${alias}.id AND (sx.receiver_unit = ${code} OR sx.sender_unit = ${code})))`;
    }
    default: return 'TRUE';
  }
}

/** A row that belongs to a dispute (history, letters) through `${alias}.${column}`: visible when the dispute is. */
export function disputeChildScopeSql(scope: AccessScope, alias: string, column: string, p: Params): string {
  if (scope.kind === 'all' || scope.kind === 'analyst' || scope.kind === 'display') return 'TRUE';
  return `EXISTS (SELECT 1 FROM disputes sd WHERE sd.id = ${alias}.${column} AND ${disputeScopeSql(scope, 'sd', p)})`;
}

/** The area whose code is the SQL expression `code` is visible to the scope (codes begin with their parents' codes). */
export function areaScopeSql(scope: AccessScope, code: string, p: Params): string {
  switch (scope.kind) {
    case 'town': return `left(${code}, 9) = ${p.add(scope.town, 'text')}`;
    case 'grid': return `${code} = ${p.add(scope.grid, 'text')}`;
    default: return 'TRUE';
  }
}

/**
 * A row of a feature collection: disputes follow the dispute rule; every other collection is
 * reference data (boundaries, cameras, facilities) that every role sees (its personal fields are
 * masked on the way out, domain/personal-data.ts).
 */
export function collectionScopeSql(scope: AccessScope, c: CollectionDef, alias: string, p: Params): string {
  return c.table === 'disputes' ? disputeScopeSql(scope, alias, p) : 'TRUE';
}
