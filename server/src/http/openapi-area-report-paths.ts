/** OpenAPI paths of analysts' area reports: save a definition, reopen it, export it. */
const ERROR = { $ref: '#/components/responses/Error' };
const ok = (description: string, type = 'application/json', schema: Record<string, unknown> = { type: 'object' }) => ({ description, content: { [type]: { schema } } });
const MONTH = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
const POSITION = { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 };

const BODY = {
  required: true,
  content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: {
    geometry: { description: 'An area drawn: a GeoJSON Polygon or MultiPolygon (a rectangle is a polygon), or {"type": "Circle", "center": [lng, lat], "radius_m"}; at most 5,000 vertices and 5,000 km², valid (closed rings, no self-intersection). Give geometry or areas.',
      oneOf: [
        { type: 'object', required: ['type', 'coordinates'], properties: { type: { enum: ['Polygon', 'MultiPolygon'] }, coordinates: { type: 'array' } } },
        { type: 'object', required: ['type', 'center', 'radius_m'], properties: { type: { enum: ['Circle'] }, center: POSITION, radius_m: { type: 'number', exclusiveMinimum: 0, maximum: 50_000 } } },
      ] },
    areas: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', pattern: '^(\\d{9}|\\d{12}|\\d{15})$' }, description: 'Town, village or grid codes picked' },
    from: MONTH, to: MONTH,
    camera_m: { type: 'integer', minimum: 10, maximum: 2000, default: 100, description: 'A camera within this distance covers a dispute' },
    title: { type: 'string', minLength: 1, maxLength: 80 },
  } } } },
};

export function areaReportPaths(): Record<string, unknown> {
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
  const file = (ext: string, type: string, what: string) => ({ get: { summary: what, parameters: [id], responses: { 200: ok(what, type, { type: 'string' }), 404: ERROR } } });
  return {
    '/area-reports': { post: { summary: 'Save an area report (an area drawn or picked, a period) and get its report: disputes by type, status, level and month, resolution, grids and households covered, four-colour composition, camera coverage', requestBody: BODY,
      responses: { 201: ok('The report, with Location /api/area-reports/{id}'), 400: ERROR, 403: ERROR, 404: ERROR } } },
    '/area-reports/{id}': { get: { summary: 'Reopen a saved area report (computed now, in the caller’s scope)', parameters: [id], responses: { 200: ok('The report'), 404: ERROR } } },
    '/area-reports/{id}.csv': file('csv', 'text/csv', 'The disputes inside as CSV for Excel/WPS (UTF-8 with BOM, CRLF, Chinese headers)'),
    '/area-reports/{id}.geojson': file('geojson', 'application/geo+json', 'The area and the disputes inside as GeoJSON'),
    '/area-reports/{id}.pdf': file('pdf', 'application/pdf', 'The report as a PDF in Chinese: map, tables, chart'),
  };
}
