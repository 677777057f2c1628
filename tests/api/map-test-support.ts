/**
 * Shared by the map API tests: the clock pinned to the end of the seeded data, and counts of the
 * risk indicators recomputed in plain TypeScript from raw rows (independent of sql/risk-sql.ts).
 */
import { card } from '../../server/src/domain/deadline-cards.ts';
import type { DisputeType, HandlingLevel } from '../../server/src/domain/dispute-types.ts';
import { expect } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import type { RiskCounts } from '../../server/src/domain/risk-rules.ts';
import { asOfInstant } from '../../server/src/seed/disputes.ts';
import { TEST_SEED } from '../support/test-db.ts';
import { startApi, type Api } from './api-harness.ts';
import type { AppDeps } from '../../server/src/app.ts';

/** The end of the seeded history (local midnight after the as-of day): "now" for every map test. */
export const TEST_NOW = asOfInstant(TEST_SEED.asOf);

export function startMapApi(deps: Partial<AppDeps> = {}): Promise<Api> {
  return startApi({ now: () => TEST_NOW, ...deps });
}

interface Raw {
  id: number; grid_code: string; village_code: string; town_code: string; repeat_of: number | null; party_key: string; place_key: string;
  criminal_risk: boolean; reported_at: Date; resolved_at: Date | null; due_at: Date; level: HandlingLevel; type: DisputeType;
}

export interface Bounds { start: Date; end: Date; previousStart: Date }

/** Every grid's indicator counts for a period, by brute force over all disputes and escalations. */
export async function bruteRiskCounts(db: Database, b: Bounds): Promise<Map<string, RiskCounts>> {
  const grids = (await db.query<{ code: string }>('SELECT code FROM grids')).rows;
  const out = new Map<string, RiskCounts>();
  const ds = (await db.query<Raw>('SELECT id, grid_code, village_code, town_code, repeat_of, party_key, place_key, criminal_risk, reported_at, resolved_at, due_at, level, type FROM disputes')).rows
    .map((d) => ({ ...d, reported_at: new Date(d.reported_at), resolved_at: d.resolved_at ? new Date(d.resolved_at) : null, due_at: new Date(d.due_at) }));
  const t = (d: Date) => d.getTime();
  const [s, e, ps] = [t(b.start), t(b.end), t(b.previousStart)];
  const first = Math.min(...ds.map((d) => t(d.reported_at)));
  // Local (UTC+8) month start of the first dispute.
  const l = new Date(first + 8 * 3_600_000);
  const firstMonth = Date.UTC(l.getUTCFullYear(), l.getUTCMonth(), 1) - 8 * 3_600_000;
  for (const g of grids) out.set(g.code, { open: 0, overdue: 0, due_soon: 0, criminal: 0, repeat: 0, escalated: 0, reported: 0, previous: ps >= firstMonth ? 0 : null });
  const inPeriod = ds.filter((d) => t(d.reported_at) >= s && t(d.reported_at) < e);
  const tally = (key: (d: Raw) => string) => {
    const m = new Map<string, number>();
    for (const d of inPeriod) m.set(key(d), (m.get(key(d)) ?? 0) + 1);
    return m;
  };
  const parties = tally((d) => d.party_key);
  const places = tally((d) => d.place_key);
  for (const d of ds) {
    const c = out.get(d.grid_code)!;
    const r = t(d.reported_at);
    if (r < e && (d.resolved_at === null || t(d.resolved_at) >= e)) {
      c.open++;
      if (t(d.due_at) < e) c.overdue++;
      // The yellow card of one dispute, as the dispute card decides it.
      if (card({ status: 'open', level: d.level, type: d.type, due_at: d.due_at }, new Date(e)) === 'yellow') c.due_soon++;
      if (d.criminal_risk) c.criminal++;
    }
    if (r >= s && r < e) {
      c.reported++;
      if (d.repeat_of !== null || parties.get(d.party_key)! > 1 || places.get(d.place_key)! > 1) c.repeat++;
    }
    if (r >= ps && r < s && c.previous !== null) c.previous++;
  }
  const esc = (await db.query<{ grid_code: string; at: Date }>(
    "SELECT d.grid_code, e.at FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id WHERE e.action = 'escalate'")).rows;
  for (const x of esc) if (t(new Date(x.at)) >= s && t(new Date(x.at)) < e) out.get(x.grid_code)!.escalated++;
  return out;
}

/** The grids' village and town codes. */
export async function gridParents(db: Database): Promise<{ code: string; village_code: string; town_code: string }[]> {
  return (await db.query<{ code: string; village_code: string; town_code: string }>('SELECT code, village_code, town_code FROM grids ORDER BY code')).rows;
}

/** Caller-error assertions shared by the map endpoints. */
export async function expectApiError(api: Api, path: string, status: number, parameter: string | null, code?: string): Promise<Record<string, unknown>> {
  const r = await api.get(path);
  expect(r.headers.get('content-type'), path).toMatch(/^application\/json/);
  const body = await r.json();
  expect([r.status, body.parameter], `${path}: ${JSON.stringify(body)}`).toEqual([status, parameter]);
  if (code) expect(body.code, path).toBe(code);
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'parameter']);
  return body;
}
