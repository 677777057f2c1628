/**
 * Drawing helpers for reports on a pdfkit page: a ruled table, a bar-and-line chart with its numbers,
 * and a map of polygons filled by level with a text legend. Everything is vector paths and text.
 */
import PDFDocument from 'pdfkit';
import type { PdfFonts } from './pdf-font.ts';
import { fitProjection, polygonsOf, type GeoJsonArea } from './fit-projection.ts';

type Doc = InstanceType<typeof PDFDocument>;
/**
 * An A4 report in Chinese (fonts 'zh' and 'zh-bold' registered), the promise of its bytes once
 * doc.end() is called, and a section heading writer.
 */
export function startA4(fonts: PdfFonts, title: string, subject: string, margin: number) {
  const doc = new PDFDocument({ size: 'A4', margin, info: { Title: title, Author: '平安一张图（合成数据）', Subject: subject } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  doc.registerFont('zh', fonts.regular.src, fonts.regular.family);
  doc.registerFont('zh-bold', fonts.bold.src, fonts.bold.family);
  const heading = (text: string) => { doc.moveDown(0.6).font('zh-bold').fontSize(11).fillColor('#000').text(text, margin); doc.font('zh').moveDown(0.2); };
  return { doc, done, heading };
}

export interface Box { x: number; y: number; width: number; height: number }

/** A table with a shaded header; returns the y below it. Column widths are fractions of `width`. */
export function drawTable(doc: Doc, x: number, y: number, width: number, cols: { title: string; share: number; align?: 'left' | 'right' | 'center' }[],
  rows: readonly (readonly (string | number)[])[], rowHeight = 15, fontSize = 8): number {
  const widths = cols.map((c) => c.share * width);
  const cell = (text: string, cx: number, cy: number, w: number, align: 'left' | 'right' | 'center') =>
    doc.text(text, cx + 3, cy + (rowHeight - fontSize) / 2 - 1, { width: w - 6, align, lineBreak: false, ellipsis: true, height: rowHeight });
  doc.fontSize(fontSize);
  doc.rect(x, y, width, rowHeight).fill('#e8edf3').fillColor('#000');
  let cx = x;
  cols.forEach((c, i) => { cell(c.title, cx, y, widths[i], 'center'); cx += widths[i]; });
  let cy = y + rowHeight;
  for (const row of rows) {
    cx = x;
    row.forEach((v, i) => { cell(String(v), cx, cy, widths[i], cols[i].align ?? (typeof v === 'number' ? 'right' : 'left')); cx += widths[i]; });
    cy += rowHeight;
  }
  doc.lineWidth(0.4).strokeColor('#8a96a3');
  for (let ly = y; ly <= cy + 0.01; ly += rowHeight) doc.moveTo(x, ly).lineTo(x + width, ly).stroke();
  cx = x;
  for (const w of [0, ...widths]) { cx += w; doc.moveTo(cx, y).lineTo(cx, cy).stroke(); }
  return cy;
}

/** Bars of `bars` (left scale) and a line of `line` in percent (right scale, `lineMin`..100), numbers under each bar. */
export function drawBarLineChart(doc: Doc, box: Box, labels: readonly string[], bars: readonly number[], line: readonly (number | null)[], lineMin: number): void {
  const n = labels.length;
  const plot = { x: box.x + 24, y: box.y + 8, width: box.width - 56, height: box.height - 44 };
  const maxBar = Math.max(1, ...bars);
  const step = plot.width / Math.max(1, n);
  const yBar = (v: number) => plot.y + plot.height - (v / maxBar) * plot.height;
  const yLine = (v: number) => plot.y + plot.height - ((Math.max(v, lineMin) - lineMin) / (100 - lineMin)) * plot.height;
  doc.lineWidth(0.5).strokeColor('#555').rect(plot.x, plot.y, plot.width, plot.height).stroke();
  doc.fontSize(6.5).fillColor('#333');
  doc.text(String(maxBar), box.x, plot.y - 3, { width: 22, align: 'right' });
  doc.text('0', box.x, plot.y + plot.height - 4, { width: 22, align: 'right' });
  doc.text('100%', plot.x + plot.width + 2, plot.y - 3);
  doc.text(`${lineMin}%`, plot.x + plot.width + 2, plot.y + plot.height - 4);
  bars.forEach((v, i) => {
    const bx = plot.x + i * step + step * 0.2;
    doc.rect(bx, yBar(v), step * 0.6, plot.y + plot.height - yBar(v)).fill('#7fa7d6');
    doc.fillColor('#000').text(labels[i], plot.x + i * step, plot.y + plot.height + 3, { width: step, align: 'center', lineBreak: false });
    doc.text(`${v}件`, plot.x + i * step, plot.y + plot.height + 12, { width: step, align: 'center', lineBreak: false });
    doc.text(line[i] === null ? '—' : `${line[i]}%`, plot.x + i * step, plot.y + plot.height + 21, { width: step, align: 'center', lineBreak: false });
  });
  const pts = line.map((v, i) => (v === null ? null : [plot.x + (i + 0.5) * step, yLine(v)] as const));
  doc.lineWidth(1.2).strokeColor('#c0392b');
  let open = false;
  for (const p of pts) {
    if (!p) { open = false; continue; }
    if (open) doc.lineTo(p[0], p[1]); else doc.moveTo(p[0], p[1]);
    open = true;
  }
  doc.stroke();
  for (const p of pts) if (p) doc.circle(p[0], p[1], 1.6).fill('#c0392b');
  doc.fillColor('#000');
}

/**
 * Polygons filled with `fill(level)`, outlined, with a mark (a short text) at each non-empty mark.
 * `overlay`: more geometry to fit the view to, and a drawing on top in the same projection.
 */
export function drawAreaMap(doc: Doc, box: Box, areas: readonly { geometry: GeoJsonArea; fill: string; mark: string }[],
  overlay: { fitTo?: readonly GeoJsonArea[]; draw?: (project: (p: [number, number]) => [number, number]) => void } = {}): void {
  const project = fitProjection([...areas.map((a) => a.geometry), ...(overlay.fitTo ?? [])], box);
  doc.lineWidth(0.4).strokeColor('#ffffff');
  for (const a of areas) {
    for (const poly of polygonsOf(a.geometry)) {
      for (const ring of poly) ring.forEach((p, i) => { const [x, y] = project(p); if (i === 0) doc.moveTo(x, y); else doc.lineTo(x, y); });
      doc.closePath();
    }
    doc.fillAndStroke(a.fill, '#ffffff');
  }
  doc.fontSize(7).fillColor('#000');
  for (const a of areas) {
    if (!a.mark) continue;
    let [sx, sy, n] = [0, 0, 0];
    for (const poly of polygonsOf(a.geometry)) for (const p of poly[0]) { const [x, y] = project(p); sx += x; sy += y; n++; }
    if (n) doc.text(a.mark, sx / n - 10, sy / n - 4, { width: 20, align: 'center', lineBreak: false });
  }
  overlay.draw?.(project);
  doc.fillColor('#000').strokeColor('#000');
}
