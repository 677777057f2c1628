/** GET /api/reports/supervision/{townCode}.pdf?month=YYYY-MM: the monthly supervision report (常态督导) as a PDF. */
import { Router } from 'express';
import { requestScope, requireAreaInScope } from '../http/request-scope.ts';
import { notFound, quoteInput } from '../domain/api-error.ts';
import { localMonth } from '../domain/local-time.ts';
import { parseMonth } from '../domain/parse-period.ts';
import { parseTownCode } from '../domain/parse-report-params.ts';
import { readParams } from '../domain/read-params.ts';
import { attachment } from '../http/content-disposition.ts';
import { pdfFonts } from '../pdf/pdf-font.ts';
import { renderSupervisionPdf } from '../pdf/supervision-pdf.ts';
import type { SupervisionReportService } from '../services/supervision-report-service.ts';

const PARAMS = new Set(['month']);

export function reportRoutes(reports: SupervisionReportService, now: () => Date): Router {
  const r = Router();
  r.get('/reports/supervision/:file', async (req, res) => {
    const m = /^(.*)\.pdf$/.exec(req.params.file);
    if (!m) throw notFound('townCode', `no report ${quoteInput(req.params.file)}; ask for {townCode}.pdf`);
    const town = parseTownCode('townCode', m[1], true);
    requireAreaInScope(req, 'townCode', town);
    const params = readParams(req.query, PARAMS);
    const t = now();
    const month = params.has('month') ? parseMonth('month', params.get('month')!, t) : localMonth(t);
    const report = await reports.report(requestScope(req), town, month);
    if (!report) throw notFound('townCode', `no town or subdistrict has the code ${quoteInput(town)}`);
    const fonts = pdfFonts();
    if (!fonts) throw new Error('no CJK font: install @embedpdf/fonts-sc (npm install) or fonts-noto-cjk');
    const pdf = await renderSupervisionPdf(report, fonts);
    res.set('Content-Disposition', attachment(`supervision-${town}-${month}.pdf`, `${report.town.name}矛盾纠纷月度督导报告-${month}.pdf`).replace(/^attachment/, 'inline'));
    res.status(200).type('application/pdf').send(pdf);
  });
  return r;
}
