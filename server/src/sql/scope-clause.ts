import type { AccessScope } from '../domain/access-scope.ts';
import type { Params } from './sql-query.ts';

/**
 * The WHERE fragment that limits a table (aliased `alias`) to what `scope` may see. Every data
 * query calls it, so adding a role (e.g. one town's leader: `alias.town_code = $n`) changes this
 * one function, not every query. Today no scope restricts anything yet: the roles' scopes exist
 * (domain/access-scope.ts) and are passed down, and their SQL comes next.
 */
export function scopeClause(scope: AccessScope, _alias: string, _params: Params): string {
  switch (scope.kind) {
    case 'all':
      return 'TRUE';
    default:
      return 'TRUE';
  }
}
