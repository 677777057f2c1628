/**
 * Draws an analyst's area report as an A4 PDF in Chinese: what area and period, the summary, a map
 * (the grids the area touches by four-colour level with the level written on them, the area's outline,
 * the disputes as dots), the tables by type, status and level, the monthly chart, the four-colour
 * composition and the camera coverage. Vector paths and text only; fonts: pdf/pdf-font.ts.
 */
import { DISPUTE_STATUS_LABELS, DISPUTE_STATUSES, DISPUTE_TYPE_LABELS, DISPUTE_TYPES, HANDLING_LEVEL_LABELS, HANDLING_LEVELS } from '../domain/dispute-types.ts';
import { localDateTime } from '../domain/local-time.ts';
import { RISK_LEVEL_COLOURS, RISK_LEVEL_NAMES, RISK_LEVELS, type RiskLevel } from '../domain/risk-levels.ts';
import type { FullAreaReport } from '../services/area-report-service.ts';
import { polygonsOf, type GeoJsonArea } from './fit-projection.ts';
import { drawAreaMap, drawBarLineChart, drawTable, startA4 } from './pdf-draw.ts';
import type { PdfFonts } from './pdf-font.ts';
import { monthZh, pct } from './supervision-pdf.ts';

const MARGIN = 40;
const WIDTH = 595.28 - 2 * MARGIN;
const LEVEL_MARK: Record<RiskLevel, string> = { blue: '', yellow: '黄', orange: '橙', red: '红' };

export function areaReportTitle(r: Pick<FullAreaReport, 'definition'>): string {
  return `崆峒区矛盾纠纷区域分析报告${r.definition.title ? ` · ${r.definition.title}` : ''}`;
}

/** The summary sentences (also what the tests look for in the extracted text). */
export function areaReportSummaryLines(r: Pick<FullAreaReport, 'figures' | 'period' | 'definition'>): string[] {
  const f = r.figures;
  return [
    `分析区域面积 ${r.definition.area_km2} 平方千米，涉及网格 ${f.coverage.grids_touched} 个（完全在区域内 ${f.coverage.grids_inside} 个），约 ${f.coverage.households} 户、${f.coverage.population} 人。`,
    `${monthZh(r.period.from)}至${monthZh(r.period.to)}，区域内排查矛盾纠纷 ${f.disputes.total} 件，已化解 ${f.resolution.resolved} 件，当月调处化解率 ${pct(f.resolution.resolution_rate)}，村（社区）级化解占比 ${pct(f.resolution.level_shares.village)}。`,
    `在办 ${f.disputes.open} 件，其中超期 ${f.disputes.overdue} 件；有民转刑风险 ${f.disputes.criminal_risk} 件；重复纠纷 ${f.disputes.repeat} 件。`,
    `${f.cameras.within_m} 米内有视频点位的纠纷 ${f.cameras.covered} 件，覆盖率 ${pct(f.cameras.share)}（雪亮工程 ${pct(f.cameras.xueliang.share)}，平安乡村 ${pct(f.cameras.pingan.share)}）。`,
    `区域涉及的网格中，Gi*热点 ${f.hotspots.hot} 个（其中99%置信 ${f.hotspots.by_class.hot99} 个），冷点 ${f.hotspots.cold} 个；重复纠纷 ${f.disputes.repeat} 件。`,
  ];
}

export function renderAreaReportPdf(r: FullAreaReport, fonts: PdfFonts): Promise<Buffer> {
  const { doc, done, heading } = startA4(fonts, areaReportTitle(r), '区域分析报告', MARGIN);
  const f = r.figures;

  doc.font('zh-bold').fontSize(15).text(areaReportTitle(r), { align: 'center' });
  doc.font('zh').fontSize(9).moveDown(0.4)
    .text(`报告编号 ${r.definition.id} · 时段 ${monthZh(r.period.from)}—${monthZh(r.period.to)} · 制作 ${r.definition.username} ${localDateTime(new Date(r.definition.created_at))}`, { align: 'center' })
    .text(`数据截至 ${localDateTime(new Date(r.as_of))}（北京时间） · 数据为合成演示数据`, { align: 'center' });

  heading('一、概况');
  doc.fontSize(9);
  for (const line of areaReportSummaryLines(r)) doc.text(line, { width: WIDTH });

  heading('二、区域与网格风险等级（四色预警）');
  let y = doc.y + 2;
  RISK_LEVELS.forEach((l, i) => {
    const [x, ly] = [MARGIN + (i % 2) * (WIDTH / 2), y + Math.floor(i / 2) * 13];
    doc.rect(x, ly, 10, 8).fill(RISK_LEVEL_COLOURS[l]);
    doc.fillColor('#000').fontSize(8).text(`${RISK_LEVEL_NAMES[l].zh} 网格 ${f.risk[l].grids} 个，约 ${f.risk[l].households} 户${LEVEL_MARK[l] ? `（图中标“${LEVEL_MARK[l]}”字）` : ''}`,
      x + 13, ly - 1, { lineBreak: false });
  });
  y += 30;
  const area = r.definition.geometry as GeoJsonArea;
  const mapBox = { x: MARGIN, y, width: WIDTH, height: Math.min(380, 842 - MARGIN - y - 24) };
  drawAreaMap(doc, mapBox, r.grids.map((g) => ({ geometry: g.geometry, fill: RISK_LEVEL_COLOURS[g.level as RiskLevel], mark: LEVEL_MARK[g.level as RiskLevel] })), {
    fitTo: [area],
    draw: (project) => {
      doc.lineWidth(1.6).strokeColor('#b0122a').dash(5, { space: 3 });
      for (const poly of polygonsOf(area)) for (const ring of poly) {
        ring.forEach((p, i) => { const [px, py] = project(p); if (i === 0) doc.moveTo(px, py); else doc.lineTo(px, py); });
        doc.closePath().stroke();
      }
      doc.undash();
      for (const d of r.disputes) { const [px, py] = project([d.lon, d.lat]); doc.circle(px, py, 1.3).fill(d.open ? '#111111' : '#7a7a7a'); }
    },
  });
  doc.y = mapBox.y + mapBox.height + 4;
  doc.fontSize(7.5).fillColor('#000').text('红色虚线：分析区域；黑点：在办纠纷；灰点：已化解纠纷。网格按四色预警着色并标注等级。', MARGIN);

  doc.addPage();
  heading('三、按类型、状态和办理层级');
  const half = (WIDTH - 10) / 2;
  const yTables = doc.y;
  const typeRows = DISPUTE_TYPES.map((t) => [DISPUTE_TYPE_LABELS[t].zh, f.disputes.by_type[t]]);
  typeRows.push(['合计', f.disputes.total]);
  const endType = drawTable(doc, MARGIN, yTables, half, [{ title: '类型', share: 0.7 }, { title: '件数', share: 0.3 }], typeRows);
  const statusRows: (string | number)[][] = DISPUTE_STATUSES.map((s) => [DISPUTE_STATUS_LABELS[s].zh, f.disputes.by_status[s]]);
  const endStatus = drawTable(doc, MARGIN + half + 10, yTables, half, [{ title: '状态', share: 0.7 }, { title: '件数', share: 0.3 }], statusRows);
  const levelRows = HANDLING_LEVELS.map((l) => [HANDLING_LEVEL_LABELS[l].zh, f.disputes.by_level[l], pct(f.resolution.level_shares[l])]);
  const endLevel = drawTable(doc, MARGIN + half + 10, endStatus + 8, half,
    [{ title: '办理层级', share: 0.46 }, { title: '件数', share: 0.24 }, { title: '化解占比', share: 0.3 }], levelRows);
  doc.y = Math.max(endType, endLevel) + 6;

  heading('四、各月排查量与当月调处化解率');
  const months = f.disputes.by_month;
  const rates = months.map((m) => m.resolution_rate).filter((v): v is number => v !== null);
  const lineMin = rates.length ? Math.max(0, Math.min(90, Math.floor(Math.min(...rates) / 10) * 10 - 10)) : 0;
  const chartY = doc.y + 2;
  drawBarLineChart(doc, { x: MARGIN, y: chartY, width: WIDTH, height: 140 }, months.map((m) => `${m.month.slice(2, 4)}年${Number(m.month.slice(5))}月`),
    months.map((m) => m.reported), months.map((m) => m.resolution_rate), lineMin);
  doc.y = chartY + 146;
  doc.fontSize(7.5).text('柱：当月排查量（件）；折线：当月调处化解率（当月上报且当月化解的件数 ÷ 当月上报件数）。', MARGIN);

  heading('五、视频覆盖');
  drawTable(doc, MARGIN, doc.y, WIDTH, [{ title: `${f.cameras.within_m} 米内有视频点位`, share: 0.4 }, { title: '纠纷件数', share: 0.3 }, { title: '覆盖率', share: 0.3 }], [
    ['任一视频', f.cameras.covered, pct(f.cameras.share)],
    ['雪亮工程', f.cameras.xueliang.covered, pct(f.cameras.xueliang.share)],
    ['平安乡村', f.cameras.pingan.covered, pct(f.cameras.pingan.share)],
  ]);
  doc.end();
  return done;
}
