/** Time limits for handling a dispute at each level, in days (configuration for deadlines and cards). */
import type { HandlingLevel } from './dispute-types.ts';

export const TIME_LIMIT_DAYS: Record<HandlingLevel, number> = { village: 15, town: 30, department: 60 };

export function dueAt(from: Date, level: HandlingLevel): Date {
  return new Date(from.getTime() + TIME_LIMIT_DAYS[level] * 86_400_000);
}
