/** The monthly ledger (一表一帐) of a town: GET /api/ledger (JSON) and /api/ledger.csv (Excel/WPS). */
import { Router, type Request } from 'express';
import { requestScope, requireAreaInScope } from '../http/request-scope.ts';
import { notFound, quoteInput } from '../domain/api-error.ts';
import { toCsv } from '../domain/csv.ts';
import { LEDGER_CSV_HEADER, ledgerCsvRow } from '../domain/ledger-csv.ts';
import { parseLedgerQuery, selectLedgerRows } from '../domain/ledger-rows.ts';
import { localMonth } from '../domain/local-time.ts';
import { parseMonth } from '../domain/parse-period.ts';
import { parseTownCode } from '../domain/parse-report-params.ts';
import { readParams } from '../domain/read-params.ts';
import { attachment } from '../http/content-disposition.ts';
import { sendJson } from '../http/send.ts';
import type { LedgerService } from '../services/ledger-service.ts';

const PARAMS = new Set(['town', 'month', 'status', 'type', 'level', 'sort', 'order', 'limit', 'offset']);

export function ledgerRoutes(ledgers: LedgerService, now: () => Date): Router {
  const r = Router();
  const load = async (req: Request) => {
    const params = readParams(req.query, PARAMS);
    const town = parseTownCode('town', params.get('town'), true);
    requireAreaInScope(req, 'town', town);
    const t = now();
    const month = params.has('month') ? parseMonth('month', params.get('month')!, t) : localMonth(t);
    const query = parseLedgerQuery(params);
    const ledger = await ledgers.ledger(requestScope(req), town, month);
    if (!ledger) throw notFound('town', `no town or subdistrict has the code ${quoteInput(town)}`);
    return { ledger, query, selected: selectLedgerRows(ledger.rows, query) };
  };
  r.get('/ledger', async (req, res) => {
    const { ledger, query, selected } = await load(req);
    sendJson(res, {
      town: ledger.town, month: ledger.month, as_of: ledger.as_of, current: ledger.current, stats: ledger.stats,
      total: selected.total, limit: query.limit, offset: query.offset, sort: query.sort, order: query.order, rows: selected.rows,
    });
  });
  r.get('/ledger.csv', async (req, res) => {
    const { ledger, selected } = await load(req);
    const csv = toCsv(LEDGER_CSV_HEADER, selected.rows.map(ledgerCsvRow));
    res.set('Content-Disposition', attachment(`ledger-${ledger.town.code}-${ledger.month}.csv`, `${ledger.town.name}矛盾纠纷台帐-${ledger.month}.csv`));
    res.status(200).type('text/csv; charset=utf-8').send(Buffer.from(csv, 'utf8'));
  });
  return r;
}
