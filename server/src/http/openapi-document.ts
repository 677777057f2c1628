/**
 * The OpenAPI 3.0 definition linked from the landing page (rel service-desc). Each collection gets
 * its own items path, so clients see exactly which filters that collection accepts.
 */
import { COLLECTIONS, TILE_LAYERS, queryablesOf, type CollectionDef } from '../domain/collections.ts';
import { COMPOSITE_LAYERS } from '../tiles/composite-layers.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../domain/parse-paging.ts';
import { collectionTitle } from './ogc-documents.ts';
import { propertySchema } from './queryables-document.ts';
import { GEOJSON_TYPE, JSON_TYPE } from './send.ts';
import { mapPaths } from './openapi-map-paths.ts';
import { reportPaths } from './openapi-report-paths.ts';
import { areaReportPaths } from './openapi-area-report-paths.ts';
import { hotspotsPaths } from './openapi-hotspots-paths.ts';
import { wallPaths } from './openapi-wall-paths.ts';
import { workflowPaths } from './openapi-workflow-paths.ts';
import { authPaths, SESSION_SECURITY } from './openapi-auth-paths.ts';

const ERROR = { $ref: '#/components/responses/Error' };
const json = (description: string, type = JSON_TYPE) => ({ description, content: { [type]: { schema: { type: 'object' } } } });
const query = (name: string, description: string, schema: Record<string, unknown>) => ({ name, in: 'query', required: false, description, schema });
const F = query('f', 'Output format (JSON only)', { type: 'string', enum: ['json'] });

function itemsParameters(c: CollectionDef) {
  return [
    query('bbox', 'minLon,minLat,maxLon,maxLat in CRS84 degrees', { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } }),
    query('limit', 'Features per page', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
    query('offset', 'Features to skip (paging)', { type: 'integer', minimum: 0, default: 0 }),
    ...(c.temporal ? [query('datetime', `RFC 3339 instant or interval (a/b, ../b, a/..) on ${c.temporal}`, { type: 'string' })] : []),
    ...queryablesOf(c).map((p) => query(p.name, `Equal to (${p.title})`, propertySchema(p))),
    F,
  ];
}

export function openApiDocument(base: string) {
  const paths: Record<string, unknown> = {
    '/': { get: { summary: 'Landing page', parameters: [F], responses: { 200: json('Links to the API'), 400: ERROR } } },
    '/conformance': { get: { summary: 'Conformance classes', parameters: [F], responses: { 200: json('Conformance'), 400: ERROR } } },
    '/collections': { get: { summary: 'Feature collections', parameters: [F], responses: { 200: json('Collections'), 400: ERROR } } },
    '/health': { get: { summary: 'Service and database health', responses: { 200: json('Health') } } },
    '/responsible': {
      get: {
        summary: 'Who is responsible at a point: grid, village, town, contact card, nearest facilities',
        parameters: [query('lon', 'Longitude (degrees)', { type: 'number' }), query('lat', 'Latitude (degrees)', { type: 'number' }), F],
        responses: { 200: json('Responsible units and contacts'), 400: ERROR, 422: ERROR },
      },
    },
  };
  for (const c of COLLECTIONS) {
    const p = `/collections/${c.id}`;
    const t = collectionTitle(c);
    paths[p] = { get: { summary: `${t}: metadata`, parameters: [F], responses: { 200: json('Collection'), 400: ERROR } } };
    paths[`${p}/queryables`] = { get: { summary: `${t}: queryables`, parameters: [F], responses: { 200: json('JSON Schema', 'application/schema+json'), 400: ERROR } } };
    paths[`${p}/items`] = { get: { summary: `${t}: features`, parameters: itemsParameters(c), responses: { 200: json('GeoJSON FeatureCollection', GEOJSON_TYPE), 400: ERROR } } };
    paths[`${p}/items/{featureId}`] = {
      get: {
        summary: `${t}: one feature`,
        parameters: [{ name: 'featureId', in: 'path', required: true, schema: { type: 'integer' } }, F],
        responses: { 200: json('GeoJSON Feature', GEOJSON_TYPE), 400: ERROR, 404: ERROR },
      },
    };
  }
  const layer = { name: 'layer', in: 'path', required: true, schema: { type: 'string', enum: TILE_LAYERS.map((l) => l.id) } };
  const int = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 0 } });
  paths['/tiles/{layer}.json'] = { get: { summary: 'TileJSON 3.0.0 of a layer', parameters: [layer], responses: { 200: json('TileJSON'), 404: ERROR } } };
  paths['/tiles/{layer}/{z}/{x}/{y}.mvt'] = {
    get: {
      summary: 'Mapbox Vector Tile of a layer',
      parameters: [layer, int('z'), int('x'), int('y')],
      responses: {
        200: { description: 'Tile', content: { 'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } } } },
        204: { description: 'Empty tile' },
        304: { description: 'Not modified (If-None-Match)' },
        400: ERROR,
        404: ERROR,
      },
    },
  };
  // Composite tiles (tiles/composite-layers.ts): several layers in one MVT, each as its single-layer tile.
  // Literal paths (/tiles/base.json): a second template beside /tiles/{layer}.json would be the same path.
  for (const c of COMPOSITE_LAYERS) {
    const inside = c.layers.map((l) => l.id).join(', ');
    paths[`/tiles/${c.id}.json`] = { get: { summary: `TileJSON 3.0.0 of the composite tile layer ${c.id} (vector_layers: ${inside})`, responses: { 200: json('TileJSON') } } };
    paths[`/tiles/${c.id}/{z}/{x}/{y}.mvt`] = {
      get: {
        summary: `Mapbox Vector Tile with the layers ${inside}, each exactly as its single-layer tile (absent below its minzoom)`,
        parameters: [int('z'), int('x'), int('y')],
        responses: (paths['/tiles/{layer}/{z}/{x}/{y}.mvt'] as { get: { responses: unknown } }).get.responses,
      },
    };
  }
  Object.assign(paths, mapPaths(), reportPaths(), areaReportPaths(), hotspotsPaths(), wallPaths(), workflowPaths(), authPaths());
  // Public without a session: the landing page, conformance, this document, health and log-in.
  for (const p of ['/', '/conformance', '/openapi.json', '/health']) {
    const op = (paths[p] as { get?: Record<string, unknown> } | undefined)?.get;
    if (op) op.security = [];
  }
  return {
    openapi: '3.0.3',
    info: { title: '平安一张图 Pingan Map API', version: '1.0.0', description: 'OGC API – Features (Part 1 Core, GeoJSON; Part 3 queryables) and vector tiles for 崆峒区.' },
    servers: [{ url: base }],
    paths,
    security: [{ session: [] }],
    components: {
      ...SESSION_SECURITY,
      responses: {
        Error: {
          description: 'Caller error: names the parameter and the reason',
          content: {
            [JSON_TYPE]: {
              schema: {
                type: 'object',
                required: ['code', 'parameter', 'message'],
                properties: { code: { type: 'string' }, parameter: { type: 'string', nullable: true }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}
