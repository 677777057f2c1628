import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_SCOPE } from '../../server/src/domain/access-scope.ts';
import { parsePeriod } from '../../server/src/domain/parse-period.ts';
import { DEFAULT_RISK_THRESHOLDS, mergeRiskThresholds, type RiskThresholds } from '../../server/src/domain/risk-config.ts';
import type { RiskLevel } from '../../server/src/domain/risk-levels.ts';
import { assessParent, sumCounts } from '../../server/src/domain/risk-rollup.ts';
import { assessRisk } from '../../server/src/domain/risk-rules.ts';
import { createRiskService } from '../../server/src/services/risk-service.ts';
import type { Api } from './api-harness.ts';
import { bruteRiskCounts, expectApiError, gridParents, startMapApi, TEST_NOW } from './map-test-support.ts';

// Low thresholds so that the small test data set shows every colour (the defaults leave it mostly blue).
const SENSITIVE: RiskThresholds = mergeRiskThresholds(DEFAULT_RISK_THRESHOLDS, {
  indicators: { open: { yellow: 1, orange: 2, red: 3 }, repeat: { yellow: 1, orange: 2, red: 3 }, escalated: { yellow: 1, orange: 2, red: 3 }, trend: { yellow: 1.5, orange: 3 } },
  trendMinReported: 2,
});

let api: Api;
let sensitive: Api;
beforeAll(async () => {
  api = await startMapApi();
  sensitive = await startMapApi({ risk: SENSITIVE });
});
afterAll(async () => {
  await api.close();
  await sensitive.close();
});

const groupBy = <T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> => {
  const m = new Map<K, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
};

describe('GET /api/risk', () => {
  it('defaults to the last 3 complete months and the current month up to now', async () => {
    const { status, body } = await api.json('/api/risk');
    expect(status).toBe(200);
    expect(body.period).toEqual({
      from: '2026-08', to: '2026-11', months: 4, start: '2026-07-31T16:00:00.000Z', end: TEST_NOW.toISOString(),
      previous_start: new Date(Date.parse('2026-07-31T16:00:00Z') * 2 - TEST_NOW.getTime()).toISOString(),
    });
    expect(body.level).toBe('grid');
    expect(body.thresholds.open).toEqual(DEFAULT_RISK_THRESHOLDS.indicators.open);
    const n = (await api.db.query<{ n: number }>('SELECT count(*)::int n FROM grids')).rows[0].n;
    expect(body.areas).toHaveLength(n);
    expect(Object.values(body.totals as Record<string, number>).reduce((s, v) => s + v, 0)).toBe(n);
    expect(Object.keys(body.areas[0]).sort()).toEqual(['code', 'level', 'name', 'score']);
  });

  for (const [title, which] of [['default thresholds', () => api], ['sensitive thresholds (RISK_THRESHOLDS)', () => sensitive]] as const) {
    it(`colours every grid as the rule says on counts recomputed by brute force (${title})`, async () => {
      const a = which();
      const config = a === api ? DEFAULT_RISK_THRESHOLDS : SENSITIVE;
      let dueSoon = 0;
      for (const [from, to] of [[undefined, undefined], ['2020-01', '2020-03'], ['2025-01', '2025-12']]) {
        const q = from ? `&from=${from}&to=${to}` : '';
        const { body } = await a.json(`/api/risk?level=grid${q}`);
        const p = body.period;
        const truth = await bruteRiskCounts(a.db, { start: new Date(p.start), end: new Date(p.end), previousStart: new Date(p.previous_start) });
        dueSoon += [...truth.values()].reduce((n, c) => n + c.due_soon, 0);
        const levels = new Map<string, RiskLevel>();
        for (const area of body.areas) {
          const expected = assessRisk(truth.get(area.code)!, config, { grids: 1, months: p.months });
          expect([area.code, area.level, area.score]).toEqual([area.code, expected.level, expected.score]);
          levels.set(area.code, area.level);
        }
        if (a === sensitive && !from) {
          // The sensitive rule must actually exercise the colours, or this test proves little.
          for (const l of ['yellow', 'orange', 'red']) expect([...levels.values()], l).toContain(l);
        }
      }
      // Yellow cards (due_soon) occur in the periods checked, so they are part of what is compared.
      expect(dueSoon).toBeGreaterThan(0);
    });
  }

  it('rolls grids up to villages and towns, and towns to the district, by the rule', async () => {
    const grids = await gridParents(sensitive.db);
    const get = async (level: string) => new Map<string, { level: RiskLevel; score: number }>(
      (await sensitive.json(`/api/risk?level=${level}`)).body.areas.map((a: { code: string; level: RiskLevel; score: number }) => [a.code, a]));
    const [g, v, t, d] = [await get('grid'), await get('village'), await get('town'), await get('district')];
    const p = (await sensitive.json('/api/risk?level=district')).body.period;
    const truth = await bruteRiskCounts(sensitive.db, { start: new Date(p.start), end: new Date(p.end), previousStart: new Date(p.previous_start) });
    const redGrids = (codes: string[]) => codes.filter((c) => g.get(c)!.level === 'red').length;
    const judge = (gridCodes: string[], childLevels: RiskLevel[], deepRed: number) =>
      assessParent(sumCounts(gridCodes.map((c) => truth.get(c)!)), gridCodes.length, childLevels, deepRed, SENSITIVE, p.months);
    const villageGrids = groupBy(grids, (x) => x.village_code);
    for (const [code, gs] of villageGrids) {
      const expected = judge(gs.map((x) => x.code), gs.map((x) => g.get(x.code)!.level), 0);
      expect([code, v.get(code)]).toEqual([code, { code, name: expect.any(String), level: expected.level, score: expected.score }]);
    }
    const townGrids = groupBy(grids, (x) => x.town_code);
    const townVillages = groupBy([...villageGrids.keys()], (c) => grids.find((x) => x.village_code === c)!.town_code);
    for (const [code, gs] of townGrids) {
      const codes = gs.map((x) => x.code);
      const expected = judge(codes, townVillages.get(code)!.map((c) => v.get(c)!.level), redGrids(codes));
      expect([code, t.get(code)!.level, t.get(code)!.score]).toEqual([code, expected.level, expected.score]);
    }
    const all = grids.map((x) => x.code);
    const district = judge(all, [...t.values()].map((x) => x.level), redGrids(all));
    expect([...d.values()].map((x) => x.level)).toEqual([district.level]);
    // Enough variety that the roll-up rules were exercised.
    expect(new Set([...v.values()].map((x) => x.level)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('GET /api/risk/{areaCode}', () => {
  it('explains a grid: counts equal plain queries, reasons match its level', async () => {
    const { body: list } = await sensitive.json('/api/risk?level=grid');
    const worst = [...list.areas].sort((a, b) => b.score - a.score)[0];
    const { status, body } = await sensitive.json(`/api/risk/${worst.code}`);
    expect(status).toBe(200);
    expect([body.code, body.kind, body.level, body.score, body.children]).toEqual([worst.code, 'grid', worst.level, worst.score, []]);
    const end = body.period.end;
    const open = (await sensitive.db.query<{ open: number; overdue: number; criminal: number }>(
      `SELECT count(*)::int open, count(*) FILTER (WHERE due_at < $2)::int overdue, count(*) FILTER (WHERE criminal_risk)::int criminal
         FROM disputes WHERE grid_code = $1 AND reported_at < $2 AND (resolved_at IS NULL OR resolved_at >= $2)`, [worst.code, end])).rows[0];
    expect([body.counts.open, body.counts.overdue, body.counts.criminal]).toEqual([open.open, open.overdue, open.criminal]);
    const esc = (await sensitive.db.query<{ n: number }>(
      `SELECT count(*)::int n FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id
        WHERE d.grid_code = $1 AND e.action = 'escalate' AND e.at >= $2 AND e.at < $3`, [worst.code, body.period.start, end])).rows[0].n;
    expect(body.counts.escalated).toBe(esc);
    expect(body.reasons.length).toBeGreaterThan(0);
    expect(body.reasons[0].level).toBe(body.level);
    for (const r of body.reasons) {
      expect(Object.keys(r).sort()).toEqual(['indicator', 'level', 'text', 'threshold', 'value']);
      expect(r.text.zh.length).toBeGreaterThan(4);
      if (body.indicators[r.indicator]) {
        expect(r.value).toBe(body.indicators[r.indicator].value);
        expect(r.value).toBeGreaterThanOrEqual(r.threshold);
        expect(body.indicators[r.indicator].thresholds[r.level]).toBe(r.threshold);
      }
    }
  });

  it('lists the disputes behind the indicators: every open one, flagged overdue as the data says', async () => {
    const g = (await api.db.query<{ grid_code: string }>(
      "SELECT grid_code FROM disputes WHERE status <> 'resolved' GROUP BY grid_code ORDER BY count(*) DESC, grid_code LIMIT 1")).rows[0].grid_code;
    const { body } = await api.json(`/api/risk/${g}`);
    const open = (await api.db.query<{ id: number; overdue: boolean }>(
      'SELECT id::int, due_at < $2 overdue FROM disputes WHERE grid_code = $1 AND reported_at < $2 AND (resolved_at IS NULL OR resolved_at >= $2) ORDER BY id',
      [g, body.period.end])).rows;
    expect(open.length).toBeGreaterThan(0);
    const listed = body.disputes.filter((d: { open: boolean }) => d.open).map((d: { id: number; overdue: boolean }) => ({ id: d.id, overdue: d.overdue }));
    expect(listed.sort((a: { id: number }, b: { id: number }) => a.id - b.id)).toEqual(open);
    expect(body.disputes_total).toBe(body.disputes.length);
    for (const d of body.disputes) {
      expect(d.open || d.repeat || d.escalations > 0).toBe(true);
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'code', 'type', 'status', 'level', 'reported_at', 'due_at', 'criminal_risk', 'repeat_of', 'overdue']));
      expect(d).not.toHaveProperty('parties');
    }
  });

  it('explains a town: children with names and levels, counts summed over its grids', async () => {
    const { body } = await sensitive.json('/api/risk/620802001');
    expect(body.kind).toBe('town');
    const villages = (await sensitive.db.query<{ code: string; name: string }>('SELECT code, name FROM villages WHERE town_code = $1 ORDER BY code', ['620802001'])).rows;
    expect(body.children.map((c: { code: string; name: string }) => [c.code, c.name])).toEqual(villages.map((v) => [v.code, v.name]));
    const { body: vs } = await sensitive.json('/api/risk?level=village');
    for (const c of body.children) expect(c.level).toBe(vs.areas.find((a: { code: string }) => a.code === c.code).level);
    const n = (await sensitive.db.query<{ n: number }>('SELECT count(*)::int n FROM grids WHERE town_code = $1', ['620802001'])).rows[0].n;
    expect(body.grids).toBe(n);
    expect(body.indicators.open.thresholds.yellow).toBe(n * SENSITIVE.indicators.open.yellow!);
  });

  it('explains the district, whose trend has no previous data for a period starting with the data', async () => {
    const { body } = await api.json('/api/risk/620802?from=2019-01&to=2019-06');
    expect([body.kind, body.name, body.counts.previous, body.indicators.trend.value]).toEqual(['district', '崆峒区', null, null]);
    const n = (await api.db.query<{ n: number }>("SELECT count(*)::int n FROM disputes WHERE reported_at >= '2018-12-31T16:00:00Z' AND reported_at < '2019-06-30T16:00:00Z'")).rows[0].n;
    expect(body.counts.reported).toBe(n);
  });
});

describe('risk cache', () => {
  it('keeps a period until invalidated, then recomputes the same answer', async () => {
    const svc = createRiskService(api.db, DEFAULT_RISK_THRESHOLDS, () => TEST_NOW);
    const p = parsePeriod('2026-01', '2026-03', TEST_NOW);
    const a = await svc.map(p);
    expect(await svc.map(p)).toBe(a);
    svc.invalidate();
    const b = await svc.map(p);
    expect(b).not.toBe(a);
    expect([...b.tree.areas.values()].map((x) => x.level)).toEqual([...a.tree.areas.values()].map((x) => x.level));
  });
});

describe('risk caller errors', () => {
  it.each([
    { title: 'unknown level', path: '/api/risk?level=county', status: 400, parameter: 'level' },
    { title: 'month 13', path: '/api/risk?from=2025-13', status: 400, parameter: 'from' },
    { title: 'a date instead of a month', path: '/api/risk?to=2025-03-01', status: 400, parameter: 'to' },
    { title: 'from after to', path: '/api/risk?from=2025-06&to=2025-01', status: 400, parameter: 'from' },
    { title: 'future month', path: '/api/risk?to=2027-01', status: 400, parameter: 'to' },
    { title: 'too long a period', path: '/api/risk?from=2000-01&to=2026-11', status: 400, parameter: 'from' },
    { title: 'injection in from', path: "/api/risk?from=2025-01'%3B%20DROP%20TABLE%20disputes%3B--", status: 400, parameter: 'from' },
    { title: 'unknown parameter', path: '/api/risk?colour=red', status: 400, parameter: 'colour' },
    { title: 'repeated from', path: '/api/risk?from=2025-01&from=2025-02', status: 400, parameter: 'from' },
    { title: 'unknown area code', path: '/api/risk/620802999', status: 404, parameter: 'areaCode' },
    { title: 'unknown grid code', path: '/api/risk/620802001001999', status: 404, parameter: 'areaCode' },
    { title: 'malformed area code', path: '/api/risk/abc', status: 400, parameter: 'areaCode' },
    { title: 'injection as area code', path: "/api/risk/620802'%20OR%20'1'='1", status: 400, parameter: 'areaCode' },
    { title: 'bad period on an area', path: '/api/risk/620802?from=2025-02&to=2025-01', status: 400, parameter: 'from' },
  ])('$title → $status naming $parameter', async ({ path, status, parameter }) => {
    await expectApiError(api, path, status, parameter);
  });
});
