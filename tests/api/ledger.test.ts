/**
 * The monthly ledger (一表一帐) and its CSV: rows and statistics recomputed with plain SQL, the
 * resolution rate equal to /api/stats/resolution's, sorting and filtering, and the CSV's exact bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';
import { localDateTime } from '../../server/src/domain/local-time.ts';

let api: Api;
beforeAll(async () => { api = await startApi({ now: () => TEST_NOW }); });
afterAll(() => api.close());

const TOWN = '620802001';
const one = async (sql: string, values: unknown[]) => (await api.db.query<any>(sql, values)).rows[0];

describe('GET /api/ledger', () => {
  it('lists the month’s disputes plus the ones carried over, counted as plain SQL counts them', async () => {
    const { status, body } = await api.json(`/api/ledger?town=${TOWN}&month=2026-10`);
    expect(status).toBe(200);
    expect([body.town.code, body.month, body.as_of, body.current]).toEqual([TOWN, '2026-10', '2026-10-31T16:00:00.000Z', false]);
    const c = await one(`SELECT count(*) FILTER (WHERE reported_at >= $2 AND reported_at < $3)::int found,
        count(*) FILTER (WHERE reported_at < $2 AND (resolved_at IS NULL OR resolved_at >= $2))::int carried,
        count(*) FILTER (WHERE reported_at >= $2 AND reported_at < $3 AND resolved_at < $3)::int resolved_in_month,
        count(*) FILTER (WHERE reported_at < $3 AND (resolved_at IS NULL OR resolved_at >= $3)
          AND (reported_at >= $2 OR resolved_at IS NULL OR resolved_at >= $2))::int open_at_end
      FROM disputes WHERE town_code = $1`, [TOWN, '2026-09-30T16:00:00Z', '2026-10-31T16:00:00Z']);
    expect(body.stats.found).toBe(c.found);
    expect(body.stats.carried_over).toBe(c.carried);
    expect(body.stats.resolved_in_month).toBe(c.resolved_in_month);
    expect(body.stats.carried_into_next_month).toBe(c.open_at_end);
    expect(body.total).toBe(c.found + c.carried);
    expect(body.rows.filter((r: any) => r.carried_over)).toHaveLength(c.carried);
    expect(body.stats.resolution_rate).toBe(Math.round((c.resolved_in_month * 1000) / c.found) / 10);
  });

  it('has the same monthly resolution rate as /api/stats/resolution for that town and month', async () => {
    for (const month of ['2026-09', '2026-10']) {
      const ledger = (await api.json(`/api/ledger?town=${TOWN}&month=${month}&limit=1`)).body;
      const stats = (await api.json(`/api/stats/resolution?from=${month}&to=${month}&town=${TOWN}`)).body;
      expect([ledger.stats.found, ledger.stats.resolution_rate]).toEqual([stats.total.found, stats.total.resolution_rate]);
    }
  });

  it('shows a past month as at its end: nothing resolved after it, overdue judged then', async () => {
    const { body } = await api.json(`/api/ledger?town=${TOWN}&month=2026-09`);
    for (const r of body.rows) {
      if (r.resolved_at !== null) expect(r.resolved_at < body.as_of).toBe(true);
      expect(r.overdue).toBe(r.status !== 'resolved' && r.due_at < body.as_of);
      expect(r.status === 'resolved').toBe(r.resolved_at !== null);
    }
  });

  it('filters and sorts on allow-listed fields and pages', async () => {
    const { body } = await api.json(`/api/ledger?town=${TOWN}&month=2026-11&status=resolved&sort=due_at&order=desc`);
    expect(body.total).toBeGreaterThan(3);
    expect(body.rows.every((r: any) => r.status === 'resolved')).toBe(true);
    const due = body.rows.map((r: any) => r.due_at);
    expect(due).toEqual([...due].sort().reverse());
    const page = (await api.json(`/api/ledger?town=${TOWN}&month=2026-11&status=resolved&sort=due_at&order=desc&limit=2&offset=1`)).body;
    expect(page.rows.map((r: any) => r.id)).toEqual(body.rows.slice(1, 3).map((r: any) => r.id));
    expect(page.total).toBe(body.total);
  });

  it.each([
    { path: `/api/ledger?month=2026-10`, status: 400, parameter: 'town' },
    { path: `/api/ledger?town=62080200&month=2026-10`, status: 400, parameter: 'town' },
    { path: `/api/ledger?town=620802999&month=2026-10`, status: 404, parameter: 'town' },
    { path: `/api/ledger?town=${TOWN}&month=2026-13`, status: 400, parameter: 'month' },
    { path: `/api/ledger?town=${TOWN}&month=2027-01`, status: 400, parameter: 'month' },
    { path: `/api/ledger?town=${TOWN}&sort=summary`, status: 400, parameter: 'sort' },
    { path: `/api/ledger?town=${TOWN}&colour=red`, status: 400, parameter: 'colour' },
    { path: `/api/ledger.csv?town=${TOWN}&status=closed`, status: 400, parameter: 'status' },
  ])('answers $path with $status naming $parameter', async ({ path, status, parameter }) => {
    const r = await api.json(path);
    expect([r.status, r.body.parameter]).toEqual([status, parameter]);
  });
});

describe('GET /api/ledger.csv', () => {
  it('is UTF-8 with BOM, CRLF, Chinese headers, local times, and a Chinese file name', async () => {
    const json = (await api.json(`/api/ledger?town=${TOWN}&month=2026-10`)).body;
    const r = await api.get(`/api/ledger.csv?town=${TOWN}&month=2026-10`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="ledger-${TOWN}-2026-10.csv"; filename*=UTF-8''${encodeURIComponent('东关街道矛盾纠纷台帐-2026-10.csv')}`);
    const bytes = Buffer.from(await r.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('编号,上报时间,纠纷类型,村（社区）,网格,办理层级,状态,承办单位,办理期限,化解时间,化解结果,是否超期,上月结转,简要情况');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(json.total + 2);
    const first = json.rows[0];
    expect(lines[1].startsWith(`${first.code},${localDateTime(new Date(first.reported_at))},${first.type_label.zh},${first.village},`)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});
