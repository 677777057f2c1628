import type { Period } from '../domain/parse-period.ts';

/** A period as responses show it: the months asked for and the instants actually used. */
export function periodJson(p: Period) {
  return { from: p.from, to: p.to, months: p.months, start: p.start.toISOString(), end: p.end.toISOString(), previous_start: p.previousStart.toISOString() };
}
