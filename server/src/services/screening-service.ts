/** The daily screening (日排查) of every grid, or one town's, on a day (domain/screening.ts). */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { SCREENING_WINDOW_DAYS, screeningOf, type ScreeningGridInput } from '../domain/screening.ts';
import { screeningSql } from '../sql/screening-sql.ts';

export interface ScreeningService {
  screening(scope: AccessScope, day: string, town: string | null): Promise<ReturnType<typeof screeningOf> & { day: string; has_data: boolean }>;
}

export function createScreeningService(db: Database): ScreeningService {
  return {
    async screening(scope, day, town) {
      const q = screeningSql(scope, day, SCREENING_WINDOW_DAYS, town);
      const rows = (await db.query<ScreeningGridInput & { has_data: boolean }>(q.text, q.values)).rows;
      return { day, has_data: rows[0]?.has_data ?? false, ...screeningOf(rows, day) };
    },
  };
}
