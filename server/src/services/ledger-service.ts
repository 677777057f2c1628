/**
 * A town's monthly ledger (一表一帐): its rows as at the month end (or now, for the current month) and
 * the checklist statistics table over them (domain/ledger-stats.ts).
 */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { toLedgerRow, type LedgerRow, type LedgerSqlRow } from '../domain/ledger-rows.ts';
import { ledgerStats, type LedgerStats } from '../domain/ledger-stats.ts';
import { addMonths, monthStart } from '../domain/parse-period.ts';
import { ledgerRowsSql } from '../sql/ledger-sql.ts';
import type { Town } from './resolution-service.ts';

export interface Ledger {
  town: { code: string; name: string };
  month: string;
  /** The instant the rows are shown as at: the month end, or now while the month runs. */
  as_of: string;
  current: boolean;
  rows: LedgerRow[];
  stats: LedgerStats;
}

export interface LedgerService {
  /** The ledger, or null when no town has that code. */
  ledger(scope: AccessScope, town: string, month: string): Promise<Ledger | null>;
}

export function createLedgerService(db: Database, towns: (scope: AccessScope) => Promise<Town[]>, now: () => Date): LedgerService {
  return {
    async ledger(scope, townCode, month) {
      const town = (await towns(scope)).find((t) => t.code === townCode);
      if (!town) return null;
      const end = monthStart(addMonths(month, 1));
      const t = now();
      const asOf = end.getTime() <= t.getTime() ? end : t;
      const q = ledgerRowsSql(scope, townCode, { start: monthStart(month), asOf });
      const iso = asOf.toISOString();
      const rows = (await db.query<LedgerSqlRow>(q.text, q.values)).rows.map((r) => toLedgerRow(r, iso));
      return { town: { code: town.code, name: town.name }, month, as_of: iso, current: asOf !== end, rows, stats: ledgerStats(rows) };
    },
  };
}
