/**
 * Hotspot analytics over HTTP: Gi* per grid (GET /hotspots), emerging hot spots over the months of a
 * period (GET /hotspots/emerging) and repeat / near-repeat disputes (GET /repeats), each in the
 * caller's scope. Definitions: domain/hotspots/.
 */
import { Router } from 'express';
import { invalidParameter } from '../domain/api-error.ts';
import { parsePeriod } from '../domain/parse-period.ts';
import { parseIntInRange } from '../domain/parse-report-params.ts';
import { readParams } from '../domain/read-params.ts';
import { periodJson } from '../http/period-json.ts';
import { requestScope } from '../http/request-scope.ts';
import { sendJson } from '../http/send.ts';
import { NEIGHBOURHOOD, type HotspotsService } from '../services/hotspots-service.ts';

const PERIOD = new Set(['from', 'to']);
const REPEAT = new Set(['from', 'to', 'days', 'metres', 'near_days']);

export function hotspotsRoutes(hotspots: HotspotsService, now: () => Date): Router {
  const r = Router();
  r.get('/hotspots', async (req, res) => {
    const params = readParams(req.query, PERIOD);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    sendJson(res, { period: periodJson(period), statistic: 'Getis-Ord Gi*', neighbourhood: NEIGHBOURHOOD, ...(await hotspots.hotspots(requestScope(req), period)) });
  });
  r.get('/hotspots/emerging', async (req, res) => {
    const params = readParams(req.query, PERIOD);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    if (period.months < 3) throw invalidParameter('from', `emerging hot spots need at least 3 months; ${period.from}..${period.to} has ${period.months}`);
    sendJson(res, { period: periodJson(period), neighbourhood: NEIGHBOURHOOD, trend: 'Mann-Kendall on the monthly Gi* z-scores, p < 0.1', ...(await hotspots.emerging(requestScope(req), period)) });
  });
  r.get('/repeats', async (req, res) => {
    const params = readParams(req.query, REPEAT);
    const period = parsePeriod(params.get('from'), params.get('to'), now());
    const o = {
      days: parseIntInRange('days', params.get('days'), 1, 365, 90),
      metres: parseIntInRange('metres', params.get('metres'), 10, 2000, 200),
      nearDays: parseIntInRange('near_days', params.get('near_days'), 1, 90, 14),
    };
    sendJson(res, { period: periodJson(period), window_days: o.days, near_repeat_within: { metres: o.metres, days: o.nearDays }, ...(await hotspots.repeats(requestScope(req), period, o)) });
  });
  return r;
}
