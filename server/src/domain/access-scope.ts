/**
 * Who a data-access call is made for, and what that caller may see. Every service and SQL builder
 * takes a scope first; the SQL form of these rules is sql/scope-clause.ts (the same rules, applied
 * in the queries), and the TypeScript form below decides single records already in hand (a live
 * event, an area code named in a request). tests/api/authorization-matrix.test.ts checks that the two
 * agree, role by role.
 *
 * What each scope sees:
 *
 *   scope        disputes (and their history, letters,      areas (risk, statistics,      personal data
 *                live events, ledger rows, screening)      ledgers, panels by code)
 *   all          every dispute                              every area                    full
 *   town T       town_code = T                              T, its villages and grids     full
 *   grid G       grid_code = G                              G only                        full
 *   department D of a type routed to D (its sector), handled   every area                    full
 *                by D now, or a letter to/from D
 *   analyst      every dispute                              every area                    masked
 *   display      every dispute                              every area                    none
 *
 * Geography and facilities (boundaries, cameras, rooms, stations) are reference data that every
 * logged-in role sees; the personal data in them (staff names and phones) follows the last column
 * (domain/personal-data.ts).
 */
export type AccessScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'town'; readonly town: string }
  | { readonly kind: 'grid'; readonly grid: string; readonly town: string }
  | { readonly kind: 'department'; readonly department: string; readonly departmentName: string; readonly routedTypes: readonly string[] }
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

/** What a dispute-level rule needs to know about one dispute. */
export interface DisputePlace {
  type: string;
  town_code: string;
  grid_code: string;
  /** The handling unit's name (a department's name when a department handles it). */
  handler_unit: string;
  /** Units that sent or received a letter (提示函/协办函) about it. */
  letter_units: readonly string[];
}

/** Whether the scope may see this dispute (the rule of sql/scope-clause.ts disputeScopeSql). */
export function disputeInScope(scope: AccessScope, d: DisputePlace): boolean {
  switch (scope.kind) {
    case 'town': return d.town_code === scope.town;
    case 'grid': return d.grid_code === scope.grid;
    case 'department': return scope.routedTypes.includes(d.type) || d.handler_unit === scope.departmentName || d.letter_units.includes(scope.department);
    default: return true;
  }
}

/**
 * Whether the scope may see figures of the area with this code (district 6 digits, town 9, village
 * 12, grid 15; a code begins with its parents' codes). The rule of sql/scope-clause.ts areaScopeSql.
 */
export function areaInScope(scope: AccessScope, code: string): boolean {
  switch (scope.kind) {
    case 'town': return code.startsWith(scope.town);
    case 'grid': return code === scope.grid;
    default: return true;
  }
}
