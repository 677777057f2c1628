/**
 * The status history of a generated dispute: reported → accepted → mediating → resolved at village
 * level, or escalated village → town → department on the way; open disputes stop at the as-of time.
 */
import { actorLabel } from '../domain/actors.ts';
import type { Rng } from './rng.ts';
import type { DisputeType, HandlingLevel } from '../domain/dispute-types.ts';
import { handlerUnit } from '../domain/handler-unit.ts';
import { dueAt } from '../domain/time-limits.ts';

export interface DisputeEvent { at: Date; action: string; fromStatus: string | null; toStatus: string; level: HandlingLevel; actor: string; note: string | null }

interface Planned { reportedAt: Date; resolvedAt: Date | null; level: HandlingLevel; type: DisputeType }

export function buildHistory(d: Planned, end: Date, names: { village: string; town: string }, gridCode: string, r: Rng):
  { events: DisputeEvent[]; status: string; level: HandlingLevel; dueAt: Date; handlerUnit: string } {
  const t0 = d.reportedAt.getTime();
  const tr = d.resolvedAt ? d.resolvedAt.getTime() : t0 + Math.max(end.getTime() - t0, 3_600_000) * r.range(1.2, 3);
  const span = tr - t0;
  const unit = (l: HandlingLevel) => handlerUnit(l, names, d.type);
  const accepted = t0 + Math.min(span * 0.08, r.range(0.15, 4) * 3_600_000);
  const plan: Omit<DisputeEvent, 'fromStatus'>[] = [
    { at: new Date(t0), action: 'report', toStatus: 'reported', level: 'village', actor: actorLabel({ role: 'grid_worker', unit: gridCode }), note: null },
    { at: new Date(accepted), action: 'accept', toStatus: 'accepted', level: 'village', actor: unit('village'), note: null },
    { at: new Date(accepted + Math.min(span * 0.08, r.range(0.5, 24) * 3_600_000)), action: 'mediate', toStatus: 'mediating', level: 'village', actor: unit('village'), note: null },
  ];
  if (d.level !== 'village') {
    plan.push({ at: new Date(t0 + span * 0.35), action: 'escalate', toStatus: 'escalated', level: 'town', actor: unit('village'), note: '村级调解未果，上报乡镇（街道）' });
    plan.push({ at: new Date(t0 + span * 0.4), action: 'mediate', toStatus: 'mediating', level: 'town', actor: unit('town'), note: null });
  }
  if (d.level === 'department') {
    plan.push({ at: new Date(t0 + span * 0.6), action: 'escalate', toStatus: 'escalated', level: 'department', actor: unit('town'), note: `发协办函至${unit('department')}` });
    plan.push({ at: new Date(t0 + span * 0.65), action: 'mediate', toStatus: 'mediating', level: 'department', actor: unit('department'), note: null });
  }
  if (d.resolvedAt) plan.push({ at: new Date(tr), action: 'resolve', toStatus: 'resolved', level: d.level, actor: unit(d.level), note: null });
  const kept = plan.filter((e, i) => i === 0 || e.at.getTime() < end.getTime());
  const events = kept.map((e, i) => ({ ...e, fromStatus: i === 0 ? null : kept[i - 1].toStatus }));
  const last = events[events.length - 1];
  const since = [...events].reverse().find((e) => e.level === last.level && (e.action === 'escalate' || e.action === 'report'))!;
  return { events, status: last.toStatus, level: last.level, dueAt: dueAt(since.at, last.level), handlerUnit: unit(last.level) };
}
