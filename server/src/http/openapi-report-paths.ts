/** OpenAPI paths of the reporting endpoints: ledger, resolution figures, ranking, screening, risk history, supervision PDF. */
const ERROR = { $ref: '#/components/responses/Error' };
const ok = (description: string, type = 'application/json', schema: Record<string, unknown> = { type: 'object' }) => ({ description, content: { [type]: { schema } } });
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, required = false) => ({ name, in: 'query', required, description, schema });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const MONTH = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
const TOWN = { type: 'string', pattern: '^\\d{9}$' };
const PERIOD = [q('from', 'First month (YYYY-MM, local time), inclusive', MONTH), q('to', 'Last month (YYYY-MM), inclusive', MONTH)];
const get = (summary: string, parameters: unknown[], response: unknown) => ({ get: { summary, parameters, responses: { 200: response, 400: ERROR, 404: ERROR } } });

const LEDGER_PARAMS = [
  q('town', 'Town code', TOWN, true), q('month', 'Month (YYYY-MM, default the current one)', MONTH),
  q('status', 'A status, or open', { type: 'string', enum: ['reported', 'accepted', 'mediating', 'escalated', 'transferred', 'resolved', 'open'] }),
  q('type', 'Dispute type'), q('level', 'village, town or department', { type: 'string', enum: ['village', 'town', 'department'] }),
  q('sort', 'Sort field', { type: 'string', enum: ['reported_at', 'code', 'type', 'village', 'grid', 'level', 'status', 'due_at', 'resolved_at', 'overdue'] }),
  q('order', 'asc or desc', { type: 'string', enum: ['asc', 'desc'] }), q('limit', 'Rows (default all)', { type: 'integer', minimum: 1, maximum: 10000 }),
  q('offset', 'Rows to skip (with limit)', { type: 'integer', minimum: 0 }),
];

export function reportPaths(): Record<string, unknown> {
  return {
    '/ledger': get('A town’s monthly ledger (一表一帐): the month’s disputes and those carried over, as at the month end, with the checklist statistics table', LEDGER_PARAMS, ok('Ledger rows and statistics')),
    '/ledger.csv': get('The same ledger as CSV for Excel/WPS (UTF-8 with BOM, CRLF, Chinese headers, local times)', LEDGER_PARAMS, ok('CSV file', 'text/csv', { type: 'string' })),
    '/stats/resolution': get('Monthly resolution rate (当月调处化解率) and level shares per month and in total, district or one town', [...PERIOD, q('town', 'Town code', TOWN)], ok('Figures per month')),
    '/ranking': get('Quarterly ranking (季通报排名) of towns or departments by disputes found and resolution rate', [
      q('quarter', 'YYYYQn (default the last complete quarter)', { type: 'string', pattern: '^\\d{4}Q[1-4]$' }),
      q('of', 'towns or departments', { type: 'string', enum: ['towns', 'departments'] }),
      q('bottom', 'How many are flagged at the bottom (default 3)', { type: 'integer', minimum: 0, maximum: 20 }),
      q('f', 'geojson: the towns as a FeatureCollection with the ranking in their properties', { type: 'string', enum: ['json', 'geojson'] }),
    ], ok('Ranked units')),
    '/screening': get('Daily screening (日排查): which grids reported (all quiet or information) and which were silent, with consecutive silent days', [
      q('date', 'Local date YYYY-MM-DD (default today)', { type: 'string', format: 'date' }), q('town', 'Town code', TOWN),
    ], ok('Grids, towns and totals')),
    '/risk/{areaCode}/history': get('An area’s four-colour level month by month (at most 36 months) with indicators, reasons and the trend',
      [path('areaCode', 'District, town, village or grid code'), ...PERIOD], ok('Monthly levels and trend')),
    '/reports/supervision/{townCode}.pdf': get('Monthly supervision report (常态督导) of a town for its responsible county leader, as a PDF in Chinese',
      [path('townCode', 'Town code (9 digits)'), q('month', 'Month (YYYY-MM, default the current one)', MONTH)], ok('PDF', 'application/pdf', { type: 'string', format: 'binary' })),
  };
}
