/**
 * Yellow and red deadline cards (domain/deadline-cards.ts) counted per area: every town, village or
 * grid (within a parent area when asked), with its open disputes and their cards at this moment.
 */
import type { Database } from '../db/database.ts';
import type { AccessScope } from '../domain/access-scope.ts';
import { AREA_KINDS, type AreaKind } from '../domain/area-kinds.ts';
import { invalidParameter, notFound } from '../domain/api-error.ts';
import { card, YELLOW_SHARE } from '../domain/deadline-cards.ts';
import type { DisputeType, HandlingLevel } from '../domain/dispute-types.ts';
import type { TimeLimits } from '../domain/time-limits.ts';
import { areasOfKindSql, openDisputesSql } from '../sql/workflow-sql.ts';
import { AREA_COLUMN } from '../sql/risk-sql.ts';

export type CardLevel = Exclude<AreaKind, 'district'>;
export interface AreaCards { code: string; name: string; open: number; yellow: number; red: number }
export interface CardCounts {
  as_of: string; level: CardLevel; within: string | null; yellow_share: number;
  totals: { open: number; yellow: number; red: number }; areas: AreaCards[];
}

interface OpenRow { town_code: string; village_code: string; grid_code: string; type: DisputeType; level: HandlingLevel; status: string; due_at: unknown }

export function createCardsService(db: Database, now: () => Date, limits: TimeLimits) {
  return {
    async counts(scope: AccessScope, level: CardLevel, within: { kind: AreaKind; code: string } | null): Promise<CardCounts> {
      if (within && AREA_KINDS.indexOf(within.kind) > AREA_KINDS.indexOf(level)) {
        throw invalidParameter('code', `a ${within.kind} has no ${level}s inside it: give a code of a ${level} or a coarser area`);
      }
      const t = now();
      const a = areasOfKindSql(scope, level, within);
      const areas = (await db.query<{ code: string; name: string }>(a.text, a.values)).rows.map((r) => ({ code: r.code, name: r.name, open: 0, yellow: 0, red: 0 }));
      if (within && areas.length === 0) throw notFound('code', `no ${within.kind} has the code ${within.code}`);
      const byCode = new Map(areas.map((x) => [x.code, x]));
      const o = openDisputesSql(scope, within);
      const totals = { open: 0, yellow: 0, red: 0 };
      for (const d of (await db.query<OpenRow>(o.text, o.values)).rows) {
        const area = byCode.get(d[AREA_COLUMN[level] as keyof OpenRow] as string);
        if (!area) continue;
        const c = card({ status: d.status, level: d.level, type: d.type, due_at: new Date(d.due_at as string) }, t, limits);
        area.open++;
        totals.open++;
        if (c) {
          area[c]++;
          totals[c]++;
        }
      }
      return { as_of: t.toISOString(), level, within: within?.code ?? null, yellow_share: YELLOW_SHARE, totals, areas };
    },
  };
}

export type CardsService = ReturnType<typeof createCardsService>;
