/** OpenAPI paths of the hotspot analytics: Gi*, emerging hot spots, repeat disputes. */
const ERROR = { $ref: '#/components/responses/Error' };
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const MONTH = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
const PERIOD = [q('from', 'First month (YYYY-MM), inclusive', MONTH), q('to', 'Last month (YYYY-MM), inclusive', MONTH)];

export function hotspotsPaths(): Record<string, unknown> {
  return {
    '/hotspots': { get: { summary: 'Getis–Ord Gi* of the disputes of a period per grid (z, p, hot/cold at 90/95/99%); neighbourhood: the grid and the grids sharing a boundary, binary weights',
      parameters: PERIOD, responses: { 200: ok('{period, neighbourhood, n, mean, grids: [{code, count, neighbours (how many grids share its boundary), z, p, confidence, class}]}'), 400: ERROR } } },
    '/hotspots/emerging': { get: { summary: 'Emerging hot spots over the months of a period (≥ 3): Gi* per month, Mann–Kendall trend, class new / consecutive / intensifying / persistent / diminishing / sporadic / oscillating / historical / none (rules: README, Hotspot analytics)',
      parameters: PERIOD, responses: { 200: ok('{period, bins, grids: [{code, category, hot_bins, trend, z}]}'), 400: ERROR } } },
    '/repeats': { get: { summary: 'Repeat disputes (same parties or same place within `days`) and near repeats (within `metres` and `near_days`), as groups',
      parameters: [...PERIOD, q('days', 'Repeat window in days (default 90)', { type: 'integer', minimum: 1, maximum: 365 }),
        q('metres', 'Near-repeat distance (default 200)', { type: 'integer', minimum: 10, maximum: 2000 }),
        q('near_days', 'Near-repeat time window in days (default 14)', { type: 'integer', minimum: 1, maximum: 90 })],
      responses: { 200: ok('{same_parties, same_place, near_repeat: {groups, disputes, top}}'), 400: ERROR } } },
  };
}
