/**
 * Deadline cards (黄牌/红牌) of an open dispute: red once it is past its deadline (the risk indicator
 * `overdue` counts them; yellow ones are the indicator `due_soon`, sql/risk-sql.ts); yellow in the
 * last 20% of its current level's time limit (3 days of a village's 15, 6 of a town's 30, 12 of a
 * department's 60 by default); otherwise none. A share of the limit, rather than a fixed 3 days,
 * warns each level in proportion to the time it has.
 */
import type { DisputeType, HandlingLevel } from './dispute-types.ts';
import { limitDays, type TimeLimits } from './time-limits.ts';

export const YELLOW_SHARE = 0.2;
export type Card = 'yellow' | 'red';

export interface CardInput { status: string; level: HandlingLevel; type: DisputeType; due_at: Date }

export function card(d: CardInput, now: Date, limits?: TimeLimits): Card | null {
  if (d.status === 'resolved') return null;
  const left = d.due_at.getTime() - now.getTime();
  if (left < 0) return 'red';
  return left <= YELLOW_SHARE * limitDays(d.level, d.type, limits) * 86_400_000 ? 'yellow' : null;
}
