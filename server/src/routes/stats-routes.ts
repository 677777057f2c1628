/**
 * Figures of the five working systems: GET /api/stats/resolution (monthly resolution rate and level
 * shares by month) and GET /api/ranking (the quarterly ranking of towns or departments).
 */
import { Router } from 'express';
import { requestScope, requireAreaInScope } from '../http/request-scope.ts';
import { ALL_SCOPE } from '../domain/access-scope.ts';
import { invalidParameter, notFound, quoteInput } from '../domain/api-error.ts';
import { parseChoice } from '../domain/parse-cluster-query.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import { parseIntInRange, parseQuarter, parseTownCode } from '../domain/parse-report-params.ts';
import { DEFAULT_BOTTOM } from '../domain/ranking.ts';
import { checkFormat, readParams } from '../domain/read-params.ts';
import { GEOJSON_TYPE, sendJson, sendJsonText } from '../http/send.ts';
import type { RankingService } from '../services/ranking-service.ts';
import type { ResolutionService } from '../services/resolution-service.ts';

const RESOLUTION_PARAMS = new Set(['from', 'to', 'town']);
const RANKING_PARAMS = new Set(['quarter', 'of', 'bottom', 'f']);

export function statsRoutes(stats: ResolutionService, ranking: RankingService, now: () => Date): Router {
  const r = Router();
  r.get('/stats/resolution', async (req, res) => {
    const params = readParams(req.query, RESOLUTION_PARAMS);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const code = parseTownCode('town', params.get('town'), false);
    if (code !== null) requireAreaInScope(req, 'town', code);
    const town = code === null ? null : (await stats.towns(requestScope(req))).find((t) => t.code === code);
    if (town === undefined) throw notFound('town', `no town or subdistrict has the code ${quoteInput(code!)}`);
    const m = await stats.monthly(requestScope(req), period.from, period.to, code);
    sendJson(res, { from: period.from, to: period.to, town: town && { code: town.code, name: town.name }, months: m.months, total: m.total });
  });
  r.get('/ranking', async (req, res) => {
    const params = readParams(req.query, RANKING_PARAMS);
    const quarter = parseQuarter(params.get('quarter'), now());
    const of = parseChoice('of', params.get('of'), ['towns', 'departments'] as const) ?? 'towns';
    const bottom = parseIntInRange('bottom', params.get('bottom'), 0, 20, DEFAULT_BOTTOM);
    const format = params.get('f');
    checkFormat(format);
    // The ranking is the district's published league table (通报): every role sees it whole.
    const result = await ranking.rank(ALL_SCOPE, quarter, of, bottom);
    if (format !== 'geojson' && format !== 'application/geo+json') return void sendJson(res, result);
    if (of !== 'towns') throw invalidParameter('f', 'f=geojson needs of=towns: departments have no outlines');
    const outlines = await ranking.townOutlines(ALL_SCOPE);
    const { units, ...meta } = result;
    const features = units.map((u) => `{"type":"Feature","id":${JSON.stringify(u.code)},"properties":${JSON.stringify(u)},"geometry":${outlines.get(u.code) ?? 'null'}}`);
    sendJsonText(res, `{"type":"FeatureCollection","ranking":${JSON.stringify(meta)},"features":[${features.join(',')}]}`, GEOJSON_TYPE);
  });
  return r;
}
