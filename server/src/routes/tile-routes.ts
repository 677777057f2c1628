/** Vector tiles: TileJSON per layer (or composite of layers) and MVT tiles with ETag revalidation. */
import { Router } from 'express';
import { requestScope } from '../http/request-scope.ts';
import { findCollection } from '../domain/collections.ts';
import { invalidParameter, notFound, quoteInput } from '../domain/api-error.ts';
import { parseTileAddress } from '../domain/parse-tile-address.ts';
import { checkFormat, readParams } from '../domain/read-params.ts';
import { requireTileLayer } from '../domain/require-path-params.ts';
import { apiBase } from '../http/base-url.ts';
import { sendJson } from '../http/send.ts';
import { compositeTileJsonDocument, tileJsonDocument } from '../http/tilejson-document.ts';
import type { FeaturesService } from '../services/features-service.ts';
import type { TileService } from '../services/tile-service.ts';
import { findCompositeLayer } from '../tiles/composite-layers.ts';
import { ifNoneMatchHits } from '../tiles/etag.ts';

export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';
const NONE = new Set<string>();

export function tileRoutes(tiles: TileService, features: FeaturesService): Router {
  const r = Router();
  r.get('/tiles/:file', async (req, res) => {
    const m = /^(.+)\.json$/.exec(req.params.file);
    if (!m) throw notFound('layer', `no such tile resource ${quoteInput(req.params.file)}; use /api/tiles/{layer}.json`);
    const composite = findCompositeLayer(m[1]);
    const layer = composite ? null : requireTileLayer(m[1]);
    checkFormat(readParams(req.query, new Set(['f'])).get('f'));
    const extent = await features.extent(requestScope(req), findCollection('district')!);
    sendJson(res, composite ? compositeTileJsonDocument(apiBase(req), composite, extent.bbox) : tileJsonDocument(apiBase(req), layer!, extent.bbox));
  });
  r.get('/tiles/:layer/:z/:x/:file', async (req, res) => {
    // A composite (several layers in one tile, e.g. `base`) or one layer.
    const composite = findCompositeLayer(req.params.layer);
    const layer = composite ? null : requireTileLayer(req.params.layer);
    const m = /^(\d{1,10})\.(mvt|pbf)$/.exec(req.params.file);
    if (!m) throw invalidParameter('y', `${quoteInput(req.params.file)} is not {y}.mvt`);
    const addr = parseTileAddress(req.params.z, req.params.x, m[1]);
    readParams(req.query, NONE);
    const tile = composite ? await tiles.getComposite(requestScope(req), composite, addr) : await tiles.getTile(requestScope(req), layer!, addr);
    res.setHeader('Cache-Control', `public, max-age=${composite ? composite.ttlSeconds : layer!.tiles.ttlSeconds}`);
    // Empty tiles are always 204 (no body, no ETag): MapLibre treats them as "nothing here".
    if (tile.bytes.length === 0) return void res.status(204).end();
    res.setHeader('ETag', tile.etag);
    if (ifNoneMatchHits(req.get('if-none-match'), tile.etag)) return void res.status(304).end();
    res.status(200).type(MVT_TYPE).send(Buffer.from(tile.bytes.buffer, tile.bytes.byteOffset, tile.bytes.byteLength));
  });
  return r;
}
