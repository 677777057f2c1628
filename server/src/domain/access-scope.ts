/**
 * Who a data-access call is made for. Every service and SQL builder takes a scope first, so that
 * per-role scoping (a town leader sees only their town) is added in the SQL builders without
 * rewriting any query. The scope follows the logged-in user's role (domain/user-roles.ts); the SQL
 * does not restrict by it yet (sql/scope-clause.ts), but caches already keep the scopes apart.
 */
export type AccessScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'town'; readonly town: string }
  | { readonly kind: 'grid'; readonly grid: string; readonly town: string }
  | { readonly kind: 'department'; readonly department: string }
  | { readonly kind: 'analyst' }
  | { readonly kind: 'display' };

/** The scope of an unrestricted caller: the district commander, and internal work (seeding, the page bootstrap of a commander). */
export const ALL_SCOPE: AccessScope = Object.freeze({ kind: 'all' });

/** A stable key for caches that must never mix results of different scopes: distinct for every scope. */
export function scopeKey(scope: AccessScope): string {
  switch (scope.kind) {
    case 'town': return `town:${scope.town}`;
    case 'grid': return `grid:${scope.grid}`;
    case 'department': return `department:${scope.department}`;
    default: return scope.kind;
  }
}
