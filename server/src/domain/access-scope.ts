/**
 * Who a data-access call is made for. Every service and SQL builder takes a scope first, so that
 * per-role scoping (a town leader sees only their town) can later be added in the SQL builders
 * without rewriting any query. Today there is one kind: everything.
 */
export type AccessScope = { readonly kind: 'all' };

/** The scope of an unrestricted caller (the only one until roles exist). */
export const ALL_SCOPE: AccessScope = Object.freeze({ kind: 'all' });

/** A stable key for caches that must never mix results of different scopes. */
export function scopeKey(scope: AccessScope): string {
  return scope.kind;
}
