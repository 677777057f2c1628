/** OpenAPI paths of the map's own endpoints (risk, areas, search, disputes, cameras, config, labels). */
const ERROR = { $ref: '#/components/responses/Error' };
const ok = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: { type: 'object' } } } });
const q = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }, required = false) =>
  ({ name, in: 'query', required, description, schema });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const MONTH = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
const PERIOD = [q('from', 'First month (YYYY-MM, local time), inclusive', MONTH), q('to', 'Last month (YYYY-MM), inclusive', MONTH)];
const BBOX = q('bbox', 'minLon,minLat,maxLon,maxLat (WGS 84)', { type: 'string' }, true);
const ZOOM = q('zoom', 'Map zoom (integer 0–22)', { type: 'integer', minimum: 0, maximum: 22 }, true);
const get = (summary: string, parameters: unknown[], desc: string, type?: string) =>
  ({ get: { summary, parameters, responses: { 200: ok(desc, type), 400: ERROR, 404: ERROR } } });

export function mapPaths(): Record<string, unknown> {
  return {
    '/config': get('What the map client needs to start: district, data range, default period, risk levels and thresholds, basemaps', [], 'Client configuration'),
    '/labels': get('Label points of towns, villages and grids', [], 'GeoJSON FeatureCollection', 'application/geo+json'),
    '/risk': get('Four-colour risk level of every area of one kind in a period', [q('level', 'grid, village, town or district', { type: 'string', enum: ['grid', 'village', 'town', 'district'] }), ...PERIOD], 'Levels by area code'),
    '/risk/{areaCode}': get('Why an area has its level: indicators, reasons, children, the disputes behind them', [path('areaCode', 'District, town, village or grid code'), ...PERIOD], 'Risk explanation'),
    '/areas/{code}': get('Summary of a town, village or grid: parents, people, contact card, disputes, cameras', [path('code', 'Area code'), ...PERIOD], 'Area summary'),
    '/search': get('Search towns, villages, grids and facilities by name or code', [q('q', 'Name substring (Chinese) or code prefix', { type: 'string', minLength: 1, maxLength: 40 }, true)], 'Matches'),
    '/disputes/{id}/context': get('A dispute with its history and the nearest cameras, mediation room and police workroom (no personal data)', [path('id', 'Dispute id')], 'Dispute context'),
    '/disputes/clusters': get('Disputes of a period clustered for a viewport (supercluster)', [BBOX, ZOOM, ...PERIOD, q('type', 'Dispute type'), q('status', 'Status, or open')], 'GeoJSON clusters', 'application/geo+json'),
    '/disputes/points': get('Compact points of a period’s disputes for heatmaps', [...PERIOD, q('type', 'Dispute type')], 'Rows of lon, lat, type, open'),
    '/cameras/clusters': get('Cameras clustered for a viewport', [BBOX, ZOOM, q('program', 'xueliang or pingan', { type: 'string', enum: ['xueliang', 'pingan'] })], 'GeoJSON clusters', 'application/geo+json'),
  };
}
