/**
 * Draws the monthly supervision report (常态督导) of a town as an A4 PDF in Chinese: the leader it is
 * for, the month's figures and ranking, the villages' four-colour map with a text legend, the checklist
 * statistics table, the 12-month trend and the open cases. Fonts: pdf/pdf-font.ts (subset-embedded).
 */
import { DISPUTE_STATUS_LABELS, DISPUTE_STATUSES, HANDLING_LEVEL_LABELS } from '../domain/dispute-types.ts';
import { localDateTime } from '../domain/local-time.ts';
import { RISK_LEVEL_COLOURS, RISK_LEVEL_NAMES, RISK_LEVELS, type RiskLevel } from '../domain/risk-levels.ts';
import type { SupervisionReport } from '../services/supervision-report-service.ts';
import { drawAreaMap, drawBarLineChart, drawTable, startA4 } from './pdf-draw.ts';
import type { PdfFonts } from './pdf-font.ts';

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;
/** The level written on each village, so the map reads without colour. */
const LEVEL_MARK: Record<RiskLevel, string> = { blue: '', yellow: '黄', orange: '橙', red: '红' };

export const pct = (v: number | null): string => (v === null ? '—' : `${v}%`);
export const monthZh = (m: string): string => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;

export function supervisionTitle(r: Pick<SupervisionReport, 'town' | 'month'>): string {
  return `崆峒区矛盾纠纷月度督导报告 · ${r.town.name} · ${monthZh(r.month)}`;
}

/** The report's summary sentences (also what the tests look for in the extracted text). */
export function summaryLines(r: SupervisionReport): string[] {
  const s = r.stats;
  const lines = [
    `本月排查矛盾纠纷 ${s.found} 件，当月化解 ${s.resolved_in_month} 件，当月调处化解率 ${pct(s.resolution_rate)}。`,
    `上月结转 ${s.carried_over} 件，本月共化解 ${s.resolved_this_month} 件，结转下月 ${s.carried_into_next_month} 件，其中超期 ${s.overdue} 件。`,
    `化解层级：村（社区）级 ${pct(s.level_shares.village)}，乡镇（街道）级 ${pct(s.level_shares.town)}，部门 ${pct(s.level_shares.department)}。`,
  ];
  const u = r.ranking.unit;
  if (u) {
    lines.push(`${r.ranking.quarter} 季度通报排名：第 ${u.rank} 名（共 ${r.ranking.of} 个乡镇、街道），排查量 ${u.found} 件，化解率 ${pct(u.rate)}，综合得分 ${u.score}`
      + `${u.bottom ? '，列入通报后位' : ''}${r.ranking.complete ? '' : '（本季度未结束，截至目前）'}。`);
  }
  return lines;
}

export function renderSupervisionPdf(r: SupervisionReport, fonts: PdfFonts): Promise<Buffer> {
  const { doc, done, heading } = startA4(fonts, supervisionTitle(r), '常态督导', MARGIN);

  doc.font('zh-bold').fontSize(15).text(supervisionTitle(r), { align: 'center' });
  doc.font('zh').fontSize(9).moveDown(0.4)
    .text(`呈报：${r.leader.title} ${r.leader.name}（县级领导包抓；姓名为合成数据，非真实人员）`, { align: 'center' })
    .text(`数据截至 ${localDateTime(new Date(r.as_of))}（北京时间） · 数据为合成演示数据`, { align: 'center' });

  heading('一、本月概况');
  doc.fontSize(9);
  for (const line of summaryLines(r)) doc.text(line, { width: WIDTH });

  heading('二、各村（社区）风险等级（四色预警）');
  const counts = Object.fromEntries(RISK_LEVELS.map((l) => [l, r.villages.filter((v) => v.level === l).length])) as Record<RiskLevel, number>;
  let y = doc.y + 2;
  RISK_LEVELS.forEach((l, i) => {
    const [x, ly] = [MARGIN + (i % 2) * (WIDTH / 2), y + Math.floor(i / 2) * 13];
    doc.rect(x, ly, 10, 8).fill(RISK_LEVEL_COLOURS[l]);
    doc.fillColor('#000').fontSize(8).text(`${RISK_LEVEL_NAMES[l].zh} ${counts[l]} 个${LEVEL_MARK[l] ? `（图中标“${LEVEL_MARK[l]}”字）` : '（不标字）'}`, x + 13, ly - 1, { lineBreak: false });
  });
  y += 28;
  const mapBox = { x: MARGIN, y, width: WIDTH, height: Math.min(400, 842 - MARGIN - y - 10) };
  drawAreaMap(doc, mapBox, r.villages.map((v) => ({ geometry: v.geometry, fill: RISK_LEVEL_COLOURS[v.level], mark: LEVEL_MARK[v.level] })));

  doc.addPage();
  heading('三、清单统计表（按类型 × 状态）');
  const statusCols = DISPUTE_STATUSES.map((s) => ({ title: DISPUTE_STATUS_LABELS[s].zh, share: 0.1 }));
  const rows = r.stats.by_type.map((t) => [t.label.zh, t.total, ...DISPUTE_STATUSES.map((s) => t.by_status[s])]);
  rows.push(['合计', r.stats.total, ...DISPUTE_STATUSES.map((s) => r.stats.by_status[s])]);
  doc.y = drawTable(doc, MARGIN, doc.y, WIDTH, [{ title: '纠纷类型', share: 0.28 }, { title: '合计', share: 0.12 }, ...statusCols], rows) + 4;
  doc.fontSize(8).text(`本月排查 ${r.stats.found} 件，上月结转 ${r.stats.carried_over} 件，本月化解 ${r.stats.resolved_this_month} 件，结转下月 ${r.stats.carried_into_next_month} 件；当月调处化解率 ${pct(r.stats.resolution_rate)}。`, MARGIN);

  heading(`四、近${r.trend.length}个月排查量与当月调处化解率`);
  const rates = r.trend.map((m) => m.resolution_rate).filter((v): v is number => v !== null);
  const lineMin = Math.max(0, Math.min(90, Math.floor(Math.min(100, ...rates) / 10) * 10 - 10));
  const chartY = doc.y + 2;
  drawBarLineChart(doc, { x: MARGIN, y: chartY, width: WIDTH, height: 150 },
    r.trend.map((m) => `${m.month.slice(2, 4)}年${Number(m.month.slice(5))}月`), r.trend.map((m) => m.found), r.trend.map((m) => m.resolution_rate), lineMin);
  doc.y = chartY + 156;
  doc.fontSize(7.5).text('柱：当月排查量（件）；折线：当月调处化解率（当月上报且当月化解的件数 ÷ 当月上报件数）。', MARGIN);

  heading(`五、超期及未化解案件（前 ${r.open_cases.length} 件，共 ${r.open_total} 件）`);
  if (r.open_cases.length === 0) doc.fontSize(9).text('本月无未化解案件。');
  else drawTable(doc, MARGIN, doc.y, WIDTH, [
    { title: '编号', share: 0.15 }, { title: '上报时间', share: 0.15 }, { title: '类型', share: 0.12 }, { title: '村（社区）', share: 0.16 },
    { title: '状态', share: 0.1 }, { title: '层级', share: 0.12 }, { title: '办理期限', share: 0.12 }, { title: '超期', share: 0.08, align: 'center' },
  ], r.open_cases.map((c) => [c.code, localDateTime(new Date(c.reported_at)).slice(0, 10), c.type_label.zh, c.village, DISPUTE_STATUS_LABELS[c.status].zh,
    HANDLING_LEVEL_LABELS[c.level].zh, localDateTime(new Date(c.due_at)).slice(0, 10), c.overdue ? '是' : '否']));
  doc.end();
  return done;
}
