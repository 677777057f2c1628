/**
 * Analysts' area reports over HTTP: POST /area-reports saves a definition (an area drawn or picked, a
 * period, a camera distance) and answers its report (201, Location /api/area-reports/{id});
 * GET /area-reports/{id} reopens it (a link), and /{id}.csv, /{id}.geojson and /{id}.pdf export it.
 * Every figure is computed in the scope of whoever asks (services/area-report-service.ts).
 */
import { Router } from 'express';
import { notFound, quoteInput } from '../domain/api-error.ts';
import { areaReportCsv, areaReportGeoJson } from '../domain/area-report-export.ts';
import { parseAreaReportBody } from '../domain/parse-area-report-body.ts';
import { readParams } from '../domain/read-params.ts';
import { attachment } from '../http/content-disposition.ts';
import { jsonBody } from '../http/json-body.ts';
import { requestScope } from '../http/request-scope.ts';
import { GEOJSON_TYPE, sendJson } from '../http/send.ts';
import { areaReportTitle, renderAreaReportPdf } from '../pdf/area-report-pdf.ts';
import { pdfFonts } from '../pdf/pdf-font.ts';
import type { AreaReportService } from '../services/area-report-service.ts';
import type { AuditService } from '../services/audit-service.ts';

const NONE = new Set<string>();
const FILE = /^(\d{1,15})(?:\.(csv|geojson|pdf))?$/;

export function areaReportRoutes(reports: AreaReportService, audit: AuditService, now: () => Date): Router {
  const r = Router();
  r.post('/area-reports', jsonBody, async (req, res) => {
    readParams(req.query, NONE);
    const input = parseAreaReportBody(req.body, now());
    const id = await reports.create(req.user ?? null, input);
    await audit.record({ action: 'area_report_create', user: req.user, ip: req.ip ?? null, target_kind: 'area_report', target_id: id,
      detail: { from: input.period.from, to: input.period.to, areas: input.areas, drawn: input.geometry?.type ?? null } });
    const report = await reports.report(requestScope(req), id);
    res.location(`${req.baseUrl}/area-reports/${id}`);
    sendJson(res, report, undefined, 201);
  });
  r.get('/area-reports/:file', async (req, res) => {
    const m = FILE.exec(req.params.file);
    if (!m) throw notFound('id', `no area report ${quoteInput(req.params.file)}; ask for {id}, {id}.csv, {id}.geojson or {id}.pdf`);
    readParams(req.query, NONE);
    const [id, format] = [Number(m[1]), m[2] ?? 'json'];
    const scope = requestScope(req);
    if (format === 'json') {
      const report = await reports.report(scope, id);
      if (!report) throw notFound('id', `no area report has the id ${id}`);
      return void sendJson(res, report);
    }
    const full = await reports.full(scope, id);
    if (!full) throw notFound('id', `no area report has the id ${id}`);
    const name = (ext: string) => attachment(`area-report-${id}.${ext}`, `${areaReportTitle(full)}-${full.period.from}至${full.period.to}.${ext}`);
    if (format === 'csv') {
      res.set('Content-Disposition', name('csv'));
      return void res.status(200).type('text/csv; charset=utf-8').send(Buffer.from(areaReportCsv(full.disputes), 'utf8'));
    }
    if (format === 'geojson') {
      const d = full.definition;
      res.set('Content-Disposition', name('geojson'));
      return void sendJson(res, areaReportGeoJson({ geometry: d.geometry, properties: { id: d.id, title: d.title, from: full.period.from, to: full.period.to,
        camera_m: d.camera_m, area_km2: d.area_km2, as_of: full.as_of, synthetic: true } }, full.disputes), GEOJSON_TYPE);
    }
    const fonts = pdfFonts();
    if (!fonts) throw new Error('no CJK font: install @embedpdf/fonts-sc (npm install) or fonts-noto-cjk');
    res.set('Content-Disposition', name('pdf').replace(/^attachment/, 'inline'));
    res.status(200).type('application/pdf').send(await renderAreaReportPdf(full, fonts));
  });
  return r;
}
