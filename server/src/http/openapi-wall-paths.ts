/** OpenAPI paths of the command-centre wall display. */
const ERROR = { $ref: '#/components/responses/Error' };
const ok = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

export function wallPaths(): Record<string, unknown> {
  return {
    '/wall/summary': {
      get: {
        summary: 'The wall display’s figures in the caller’s scope: today’s reports, open and overdue disputes now, this month’s resolution rate and level shares, '
          + 'areas per four-colour level (default risk period), and the towns ordered by risk (highest first) with their bounding boxes for the map’s tour, and the latest 8 dispute events for the ticker. No personal data.',
        parameters: [],
        responses: {
          200: ok('{as_of, date, counts: {reported_today, open, overdue}, month: {month, found, resolved_in_month, resolved, resolved_by_level, resolution_rate, level_shares}, '
            + 'risk: {period, towns, villages, grids: {blue, yellow, orange, red}}, tour: [{code, name, level, score, bbox}], recent: [{id, at, code, town_code, action, status}]}'),
          400: ERROR,
        },
      },
    },
  };
}
