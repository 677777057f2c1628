/** "Who is responsible here": /api/responsible?lon=&lat= (staff contacts under the caller's personal-data policy, unmasked reads audited). */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { parsePoint } from '../domain/parse-point.ts';
import { checkFormat, readParams } from '../domain/read-params.ts';
import { sendJson } from '../http/send.ts';
import { auditPersonalReads, policyOfRequest } from '../http/personal-reads.ts';
import type { AuditService } from '../services/audit-service.ts';
import { responsibleUnderPolicy, type ResponsibleService } from '../services/responsible-service.ts';

const PARAMS = new Set(['lon', 'lat', 'f']);

export function responsibleRoutes(responsible: ResponsibleService, audit: AuditService): Router {
  const r = Router();
  r.get('/responsible', async (req, res) => {
    const params = readParams(req.query, PARAMS);
    checkFormat(params.get('f'));
    const point = parsePoint(params.get('lon'), params.get('lat'));
    const out = responsibleUnderPolicy(policyOfRequest(req), await responsible.lookup(requestScope(req), point));
    await auditPersonalReads(audit, req, out.unmasked, ['name', 'phone']);
    sendJson(res, out.value);
  });
  return r;
}
