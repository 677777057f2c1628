/**
 * The composite `base` tile (/api/tiles/base/{z}/{x}/{y}.mvt): one MVT holding the basemap and area
 * layers, each exactly as its single-layer tile (same features, properties and geometry, absent
 * below its own minzoom). Runs on whichever engine the test run uses (PGlite, or real PostGIS with
 * DATABASE_URL, where the TypeScript encoder path is checked against ST_AsMVT too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import type { Database } from '../../server/src/db/database.ts';
import { ALL_SCOPE } from '../../server/src/domain/access-scope.ts';
import { findTileLayer } from '../../server/src/domain/collections.ts';
import { createTileService } from '../../server/src/services/tile-service.ts';
import { findCompositeLayer } from '../../server/src/tiles/composite-layers.ts';
import { testEngine } from '../support/test-db.ts';
import { decodeLayer, startApi, tileAt, type Api } from './api-harness.ts';

const BASE_LAYERS = ['context-counties', 'context-lines', 'towns', 'villages', 'grids'];
const URBAN: [number, number] = [106.68, 35.54];

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function fetchBytes(path: string, headers: Record<string, string> = {}) {
  const r = await api.get(path, headers);
  return { r, bytes: new Uint8Array(await r.arrayBuffer()) };
}
const layerNames = (bytes: Uint8Array) =>
  bytes.length === 0 ? [] : Object.keys(new VectorTile(new Pbf(bytes) as unknown as ConstructorParameters<typeof VectorTile>[0]).layers);

describe('composite base tiles', () => {
  it('TileJSON lists every layer inside with its own minzoom and fields', async () => {
    const { status, body } = await api.json('/api/tiles/base.json');
    expect(status).toBe(200);
    expect(body.tilejson).toBe('3.0.0');
    expect(body.tiles).toEqual([`${api.base}/api/tiles/base/{z}/{x}/{y}.mvt`]);
    expect(body.vector_layers.map((l: { id: string }) => l.id)).toEqual(BASE_LAYERS);
    for (const l of body.vector_layers) expect(l.minzoom).toBe(l.id === 'grids' ? 11 : findTileLayer(l.id)!.tiles.minzoom);
    expect(body.minzoom).toBe(0);
    expect(body.maxzoom).toBe(14);
    const grids = body.vector_layers.find((l: { id: string }) => l.id === 'grids');
    expect(grids.fields).toEqual((await api.json('/api/tiles/grids.json')).body.vector_layers[0].fields);
    expect(grids.fields).not.toHaveProperty('worker_phone');
  });

  // Villages from z8, grids from z11 (z10 on their own); the neighbouring counties only in tiles that reach past the district.
  const AREAS = ['towns', 'villages', 'grids'];
  it.each([
    { z: 7, at: URBAN, present: ['context-counties', 'context-lines', 'towns'] },
    { z: 9, at: URBAN, present: ['context-lines', 'towns', 'villages'] },
    { z: 10, at: URBAN, present: ['towns', 'villages'] },
    { z: 12, at: URBAN, present: AREAS },
    { z: 14, at: [106.9, 35.6] as [number, number], present: AREAS },
  ])('z$z: each layer equals its single-layer tile', async ({ z, at, present }) => {
    const t = tileAt(at, z);
    const { r, bytes } = await fetchBytes(`/api/tiles/base/${t.z}/${t.x}/${t.y}.mvt`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(r.headers.get('cache-control')).toMatch(/^public, max-age=\d+$/);
    const names = layerNames(bytes);
    for (const layer of BASE_LAYERS) {
      const single = await fetchBytes(`/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`);
      // Below the zoom a layer starts at in the composite, it is absent however full its own tile is.
      const expected = layer === 'grids' && z < 11 ? [] : decodeLayer(single.bytes, layer);
      expect(decodeLayer(bytes, layer), `${layer} at z${z}`).toEqual(expected);
      expect(names.includes(layer), `${layer} present at z${z}`).toBe(expected.length > 0);
    }
    for (const layer of present) expect(names).toContain(layer);
    if (z < 8) expect(names).not.toContain('villages');
    if (z < 11) expect(names).not.toContain('grids');
    if (z === 10) expect(decodeLayer((await fetchBytes(`/api/tiles/grids/${t.z}/${t.x}/${t.y}.mvt`)).bytes, 'grids').length).toBeGreaterThan(0);
  });

  it('revalidates with its ETag and is 204 where no layer has a feature', async () => {
    const t = tileAt(URBAN, 11);
    const first = await fetchBytes(`/api/tiles/base/${t.z}/${t.x}/${t.y}.mvt`);
    const etag = first.r.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    expect((await api.get(`/api/tiles/base/${t.z}/${t.x}/${t.y}.mvt`, { 'if-none-match': etag })).status).toBe(304);
    const far = tileAt([10, 50], 12);
    const empty = await fetchBytes(`/api/tiles/base/${far.z}/${far.x}/${far.y}.mvt`);
    expect(empty.r.status).toBe(204);
    expect(empty.bytes.length).toBe(0);
  });

  it('rejects a bad address and needs a session like every tile', async () => {
    expect((await api.get('/api/tiles/base/3/8/1.mvt')).status).toBe(400);
    expect((await api.get('/api/tiles/base/10/1/x.mvt')).status).toBe(400);
    expect((await api.get('/api/tiles/base/10/1/2.mvt?foo=1')).status).toBe(400);
    expect((await fetch(`${api.base}/api/tiles/base/10/1/2.mvt`)).status).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    const { body } = await api.json('/api/openapi.json');
    expect(body.paths).toHaveProperty(['/tiles/base.json']);
    expect(body.paths).toHaveProperty(['/tiles/base/{z}/{x}/{y}.mvt']);
  });
});

describe.skipIf(testEngine() !== 'postgis')('composite tiles on both paths (ST_AsMVT vs the TypeScript encoder)', () => {
  it.each([7, 10, 12, 14])('z%i', async (z) => {
    const asPglite = { ...api.db, engine: 'pglite' } as Database;
    const base = findCompositeLayer('base')!;
    const t = tileAt(URBAN, z);
    const fromPostgis = (await createTileService(api.db, 0).getComposite(ALL_SCOPE, base, t)).bytes;
    const fromEncoder = (await createTileService(asPglite, 0).getComposite(ALL_SCOPE, base, t)).bytes;
    expect(layerNames(fromEncoder)).toEqual(layerNames(fromPostgis));
    for (const layer of BASE_LAYERS) expect(decodeLayer(fromEncoder, layer)).toEqual(decodeLayer(fromPostgis, layer));
  });
});
