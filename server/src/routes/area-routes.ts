/** An area's panel: /api/areas/{code}?from=&to= */
import { Router } from 'express';
import { requestScope, requireAreaInScope } from '../http/request-scope.ts';
import { notFound, quoteInput } from '../domain/api-error.ts';
import { parseAreaCode } from '../domain/area-kinds.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import { readParams } from '../domain/read-params.ts';
import { periodJson } from '../http/period-json.ts';
import { sendJson } from '../http/send.ts';
import { contactCardUnderPolicy, type ContactCard } from '../domain/personal-data.ts';
import { auditPersonalRead, policyOfRequest } from '../http/personal-reads.ts';
import type { AreaService } from '../services/area-service.ts';
import type { AuditService } from '../services/audit-service.ts';

const PARAMS = new Set(['from', 'to']);

export function areaRoutes(areas: AreaService, audit: AuditService, now: () => Date): Router {
  const r = Router();
  r.get('/areas/:code', async (req, res) => {
    const { code, kind } = parseAreaCode(req.params.code, 'code');
    const params = readParams(req.query, PARAMS);
    requireAreaInScope(req, 'code', code);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const summary = await areas.summary(requestScope(req), kind, code, period);
    if (!summary) throw notFound('code', `no ${kind} has the code ${quoteInput(code)}`);
    const card = summary.contact ? contactCardUnderPolicy(policyOfRequest(req), summary.contact as ContactCard) : null;
    if (card?.personal) await auditPersonalRead(audit, req, 'grids', [summary.code], ['name', 'phone']);
    sendJson(res, { ...summary, contact: card?.value ?? null, period: periodJson(period) });
  });
  return r;
}
