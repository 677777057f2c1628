/**
 * GET /audit: the district commander searches the audit log (who did what, when, from where), newest
 * first: `username`, `action`, `target_kind`, `target_id`, `datetime` (an instant, a day or an
 * interval, as for features), `limit`, `offset` → {total, limit, offset, entries}. Every search is
 * itself audited.
 */
import { Router } from 'express';
import type { Database } from '../db/database.ts';
import { forbidden, invalidParameter } from '../domain/api-error.ts';
import { parseDatetime } from '../domain/parse-datetime.ts';
import { parseLimit, parseOffset } from '../domain/parse-paging.ts';
import { readParams } from '../domain/read-params.ts';
import { sendJson } from '../http/send.ts';
import { searchAuditSql } from '../sql/auth-sql.ts';
import type { AuditService } from '../services/audit-service.ts';

const PARAMS = new Set(['username', 'action', 'target_kind', 'target_id', 'datetime', 'limit', 'offset']);

function word(params: Map<string, string>, name: string, max = 64): string | null {
  const v = params.get(name);
  if (v === undefined) return null;
  if (!/^[A-Za-z0-9_.:-]+$/.test(v) || v.length > max) throw invalidParameter(name, `${name} must be up to ${max} letters, digits, or . _ : -`);
  return v;
}

export function auditRoutes(db: Database, audit: AuditService): Router {
  const r = Router();
  r.get('/audit', async (req, res) => {
    if (req.user?.role !== 'commander') throw forbidden('role', 'only the district commander may search the audit log');
    const params = readParams(req.query, PARAMS);
    const dt = params.get('datetime');
    const range = dt === undefined ? { start: null, end: null } : parseDatetime(dt);
    const limit = parseLimit(params.get('limit'));
    if (limit > 1000) throw invalidParameter('limit', `limit ${limit} is outside 1..1000 for the audit log`);
    const filter = {
      username: word(params, 'username'), action: word(params, 'action'), target_kind: word(params, 'target_kind'), target_id: word(params, 'target_id'),
      from: range.start, to: range.end, limit, offset: parseOffset(params.get('offset')),
    };
    const q = searchAuditSql(filter);
    const rows = (await db.query<Record<string, any>>(q.text, q.values)).rows;
    await audit.record({ action: 'audit_search', user: req.user, ip: req.ip ?? null, target_kind: 'audit_log', detail: Object.fromEntries(params) });
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, {
      total: rows.length ? Number(rows[0].total) : 0, limit: filter.limit, offset: filter.offset,
      entries: rows.map(({ total: _, ...e }) => ({ ...e, id: Number(e.id), user_id: e.user_id === null ? null : Number(e.user_id), at: new Date(e.at).toISOString() })),
    });
  });
  return r;
}
