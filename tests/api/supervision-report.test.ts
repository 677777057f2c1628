/**
 * The monthly supervision report PDF (常态督导): generated from the data with the bundled CJK font, its
 * text extracted with pdfjs and checked against the same figures from the JSON endpoints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { startApi, type Api } from './api-harness.ts';
import { TEST_NOW } from './map-test-support.ts';
import { townLeader } from '../../server/src/domain/town-leaders.ts';

let api: Api;
beforeAll(async () => { api = await startApi({ now: () => TEST_NOW }); });
afterAll(() => api.close());

const squash = (s: string) => s.replace(/\s+/g, '');

describe('GET /api/reports/supervision/{townCode}.pdf', () => {
  const TOWN = '620802101';
  it('writes the report in Chinese with the figures of the ledger, the trend and the ranking', async () => {
    const r = await api.get(`/api/reports/supervision/${TOWN}.pdf?month=2026-10`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('崆峒镇矛盾纠纷月度督导报告-2026-10.pdf')}`);
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(1_500_000); // the font is subset, not the whole 8 MB
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBe(2);
    const ledger = (await api.json(`/api/ledger?town=${TOWN}&month=2026-10&status=open`)).body;
    const ranking = (await api.json('/api/ranking?quarter=2026Q4')).body;
    const trend = (await api.json(`/api/stats/resolution?from=2025-11&to=2026-10&town=${TOWN}`)).body;
    const s = ledger.stats;
    const unit = ranking.units.find((u: any) => u.code === TOWN);
    const leader = townLeader(TOWN);
    for (const expected of [
      '崆峒区矛盾纠纷月度督导报告·崆峒镇·2026年10月',
      `${leader.title}${leader.name}`, '合成数据',
      `本月排查矛盾纠纷${s.found}件，当月化解${s.resolved_in_month}件，当月调处化解率${s.resolution_rate}%`,
      `结转下月${s.carried_into_next_month}件，其中超期${s.overdue}件`,
      `2026Q4季度通报排名：第${unit.rank}名（共20个乡镇、街道）`,
      '蓝色（低风险）', '红色（重大风险）', '清单统计表', '邻里纠纷',
      `前${Math.min(15, ledger.total)}件，共${ledger.total}件`,
      `${trend.months[0].found}件`, '26年10月',
    ]) expect(text).toContain(squash(expected));
    if (ledger.rows[0]) expect(text).toContain(ledger.rows[0].code);
  });
  it('answers JSON errors: unknown town 404, bad month 400, not a PDF name 404', async () => {
    for (const [path, status, parameter] of [
      ['/api/reports/supervision/620802999.pdf?month=2026-10', 404, 'townCode'],
      [`/api/reports/supervision/${TOWN}.pdf?month=2026-13`, 400, 'month'],
      [`/api/reports/supervision/${TOWN}.pdf?month=2027-01`, 400, 'month'],
      [`/api/reports/supervision/${TOWN}.docx`, 404, 'townCode'],
      ['/api/reports/supervision/6208021.pdf', 400, 'townCode'],
    ] as const) {
      const r = await api.json(path);
      expect([r.status, r.type, r.body.parameter]).toEqual([status, 'application/json; charset=utf-8', parameter]);
    }
  });
});
