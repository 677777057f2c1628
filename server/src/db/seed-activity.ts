/** Loads the generated disputes, their histories and the platform items. */
import type { Database } from './database.ts';
import type { DataSet } from '../seed/generate.ts';
import { bulkInsert, POINT, wktPoint, type Column } from './bulk-insert.ts';
import type { Log } from './seed.ts';

const t = (name: string): Column => ({ name, type: 'text' });
const ts = (name: string): Column => ({ name, type: 'text', expr: 'v::timestamptz' });

export async function insertDisputes(db: Database, ds: DataSet): Promise<void> {
  const cols: Column[] = [{ name: 'id', type: 'int8' }, t('code'), t('district_code'), t('town_code'), t('village_code'), t('grid_code'),
    t('type'), { name: 'criminal_risk', type: 'bool' }, t('status'), t('level'), ts('reported_at'), ts('resolved_at'), ts('due_at'),
    t('outcome'), t('summary'), { name: 'parties', type: 'text', expr: 'v::jsonb' }, t('party_key'), t('place_key'),
    { name: 'repeat_of', type: 'int8' }, t('handler_unit'), { name: 'geom', ...POINT() }];
  await bulkInsert(db, 'disputes', cols, ds.disputes.map((d) => [d.id, d.code, '620802', d.townCode, d.villageCode, d.gridCode, d.type,
    d.criminalRisk, d.status, d.level, d.reportedAt.toISOString(), d.resolvedAt?.toISOString() ?? null, d.dueAt.toISOString(),
    d.outcome, d.summary, JSON.stringify(d.parties), d.partyKey, d.placeKey, d.repeatOf, d.handlerUnit, wktPoint(d.at)]));
  const events: unknown[][] = [];
  for (const d of ds.disputes) d.events.forEach((e, i) => events.push([events.length + 1, d.id, '620802', i + 1, e.at.toISOString(),
    e.action, e.fromStatus, e.toStatus, e.level, e.actor, e.note]));
  await bulkInsert(db, 'dispute_events', [{ name: 'id', type: 'int8' }, { name: 'dispute_id', type: 'int8' }, t('district_code'),
    { name: 'seq', type: 'int4' }, ts('at'), t('action'), t('from_status'), t('to_status'), t('level'), t('actor'), t('note')], events, 20000);
}

export async function insertItems(db: Database, ds: DataSet, log: Log): Promise<number> {
  const cols: Column[] = [t('district_code'), t('grid_code'), { name: 'day', type: 'text', expr: 'v::date' },
    { name: 'quiet_reports', type: 'int2' }, { name: 'info_reports', type: 'int2' }, { name: 'population_updates', type: 'int2' },
    { name: 'key_visits', type: 'int2' }];
  let n = 0, year = '';
  for (const batch of ds.items()) {
    await bulkInsert(db, 'grid_daily_items', cols, batch.map((r) => ['620802', r.gridCode, r.day, r.quiet, r.info, r.population, r.visits]), 25000);
    n += batch.length;
    const last = batch[batch.length - 1].day;
    if (last.slice(0, 4) !== year) { year = last.slice(0, 4); log(`seeding: platform items up to ${last} (${n} grid-days)`); }
  }
  return n;
}
