/** Reads a dispute's DisputePlace (who may see it) for live events: one query, after the write committed. */
import type { Queryable } from '../db/database.ts';
import type { DisputePlace } from '../domain/access-scope.ts';
import { disputePlaceSql } from '../sql/workflow-sql.ts';

export async function disputePlace(q: Queryable, id: number): Promise<DisputePlace> {
  const s = disputePlaceSql(id);
  const r = (await q.query<DisputePlace>(s.text, s.values)).rows[0];
  return { type: r.type, town_code: r.town_code, grid_code: r.grid_code, handler_unit: r.handler_unit, letter_units: [...(r.letter_units ?? [])] };
}
