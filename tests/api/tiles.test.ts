import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { ALL_SCOPE } from '../../server/src/domain/access-scope.ts';
import { findTileLayer, tilePropertiesOf } from '../../server/src/domain/collections.ts';
import { createTileService } from '../../server/src/services/tile-service.ts';
import { TILE_BUFFER } from '../../server/src/sql/tile-sql.ts';
import { decodeLayer, ringArea, startApi, tileAt, tileBbox, type Api, type DecodedFeature } from './api-harness.ts';

const URBAN: [number, number] = [106.68, 35.54];

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function fetchTile(layer: string, t: { z: number; x: number; y: number }, headers: Record<string, string> = {}) {
  const r = await api.get(`/api/tiles/${layer}/${t.z}/${t.x}/${t.y}.mvt`, headers);
  return { r, bytes: new Uint8Array(await r.arrayBuffer()) };
}

/** Items intersecting the tile plus its buffer, as the tile SQL selects them (geometry may still drop slivers). */
async function itemsUnder(layer: string, t: { z: number; x: number; y: number }) {
  const bbox = tileBbox(t, TILE_BUFFER).join(',');
  const fc = await (await api.get(`/api/collections/${layer}/items?bbox=${bbox}&limit=10000`)).json();
  return new Map<number, Record<string, unknown>>(fc.features.map((f: { id: number; properties: Record<string, unknown> }) => [f.id, f.properties]));
}

function expectSameAsItems(layer: string, decoded: DecodedFeature[], items: Map<number, Record<string, unknown>>) {
  const names = tilePropertiesOf(findTileLayer(layer)!).map((p) => p.name);
  for (const f of decoded) {
    const item = items.get(f.id);
    expect(item, `tile feature ${f.id} is not among the items`).toBeDefined();
    const expected = Object.fromEntries(names.filter((n) => item![n] !== null).map((n) => [n, item![n]]));
    expect(f.properties).toEqual(expected);
  }
}

describe('TileJSON', () => {
  it('describes the layer with a tile template, zooms, district bounds and fields', async () => {
    const { status, body } = await api.json('/api/tiles/grids.json');
    expect(status).toBe(200);
    expect(body.tilejson).toBe('3.0.0');
    expect(body.tiles).toEqual([`${api.base}/api/tiles/grids/{z}/{x}/{y}.mvt`]);
    expect(body.minzoom).toBe(findTileLayer('grids')!.tiles.minzoom);
    expect(body.maxzoom).toBeGreaterThan(body.minzoom);
    const e = (await api.db.query<Record<string, number>>('SELECT ST_XMin(x) a, ST_YMin(x) b, ST_XMax(x) c, ST_YMax(x) d FROM (SELECT ST_Extent(geom) x FROM district) s')).rows[0];
    [e.a, e.b, e.c, e.d].forEach((v, i) => expect(body.bounds[i]).toBeCloseTo(Number(v), 6));
    expect(body.vector_layers).toEqual([expect.objectContaining({ id: 'grids', fields: expect.objectContaining({ code: 'String', households: 'Number' }) })]);
    expect(body.vector_layers[0].fields).not.toHaveProperty('worker_phone');
  });
  it('exists for the basemap context layers', async () => {
    expect((await api.json('/api/tiles/context-lines.json')).body.vector_layers[0].id).toBe('context-lines');
  });
});

describe('vector tiles', () => {
  const CASES = [
    { layer: 'grids', z: 12 },
    { layer: 'villages', z: 10 },
    { layer: 'towns', z: 8 },
    { layer: 'disputes', z: 12 },
    { layer: 'cameras', z: 12 },
  ];
  it.each(CASES)('$layer at z$z holds the same features and properties as the items API', async ({ layer, z }) => {
    const t = tileAt(URBAN, z);
    const { r, bytes } = await fetchTile(layer, t);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const decoded = decodeLayer(bytes, layer);
    const items = await itemsUnder(layer, t);
    expect(decoded.length).toBeGreaterThan(0);
    expectSameAsItems(layer, decoded, items);
    // Points never collapse; polygons may only lose slivers thinner than a tile unit.
    if (layer === 'disputes' || layer === 'cameras') expect(decoded.length).toBe(items.size);
    else expect(decoded.length).toBeGreaterThanOrEqual(items.size * 0.97);
  });
  it('orients polygon rings as MVT requires: exterior rings have positive area', async () => {
    for (const [layer, z] of [['grids', 12], ['villages', 10], ['towns', 8], ['district', 6]] as const) {
      const decoded = decodeLayer((await fetchTile(layer, tileAt(URBAN, z))).bytes, layer);
      for (const f of decoded) {
        expect(f.type).toBe(3);
        expect(ringArea(f.rings[0]), `${layer} ${f.id}`).toBeGreaterThan(0);
        expect(f.rings.reduce((s, r) => s + ringArea(r), 0)).toBeGreaterThan(0);
      }
    }
  });
  it('keeps every coordinate within the tile plus its buffer', async () => {
    const decoded = decodeLayer((await fetchTile('grids', tileAt(URBAN, 13))).bytes, 'grids');
    const pts = decoded.flatMap((f) => f.rings.flat());
    expect(Math.min(...pts.map((p) => Math.min(p.x, p.y)))).toBeGreaterThanOrEqual(-TILE_BUFFER);
    expect(Math.max(...pts.map((p) => Math.max(p.x, p.y)))).toBeLessThanOrEqual(4096 + TILE_BUFFER);
  });
  it('answers 204 for a tile with no features and below a layer minzoom', async () => {
    expect((await fetchTile('grids', { z: 12, x: 0, y: 0 })).r.status).toBe(204);
    const minzoom = findTileLayer('disputes')!.tiles.minzoom;
    expect((await fetchTile('disputes', tileAt(URBAN, minzoom - 1))).r.status).toBe(204);
    expect((await fetchTile('disputes', tileAt(URBAN, minzoom))).r.status).toBe(200);
  });
  it('serves the basemap context layers', async () => {
    const decoded = decodeLayer((await fetchTile('context-lines', tileAt(URBAN, 8))).bytes, 'context-lines');
    expect(decoded.length).toBeGreaterThan(0);
    expect(decoded.every((f) => f.type === 2)).toBe(true);
  });
});

describe('tile caching', () => {
  it('sends an ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const t = tileAt(URBAN, 11);
    const first = await fetchTile('villages', t);
    const etag = first.r.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.r.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const again = await fetchTile('villages', t, { 'If-None-Match': etag! });
    expect(again.r.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    expect(again.r.headers.get('etag')).toBe(etag);
    const other = await fetchTile('villages', t, { 'If-None-Match': '"something-else"' });
    expect([other.r.status, other.bytes.length]).toEqual([200, first.bytes.length]);
  });
  it('renders a tile once and then serves it from the LRU cache', async () => {
    let queries = 0;
    const db: Database = { ...api.db, engine: api.db.engine, query: (t, v) => { queries++; return api.db.query(t, v); } };
    const cached = await startApi({ db, tileCacheSize: 10 });
    // Only the tile's queries count, not those of the harness's log-in.
    queries = 0;
    try {
      const path = `/api/tiles/towns/9/${tileAt(URBAN, 9).x}/${tileAt(URBAN, 9).y}.mvt`;
      const a = await (await cached.get(path)).arrayBuffer();
      const b = await (await cached.get(path)).arrayBuffer();
      expect(queries).toBe(1);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    } finally {
      await cached.close();
    }
  });
});

describe('ring orientation of a polygon with a hole', () => {
  it('writes the exterior positive and the hole negative', async () => {
    const def = { ...findTileLayer('towns')!, id: 'holed', table: 'holed_fixture', properties: [] };
    // A temporary table inside a rolled-back transaction leaves the shared database untouched.
    const rollback = new Error('rollback');
    let decoded: DecodedFeature[] = [];
    await api.db.transaction(async (tx) => {
      await tx.exec(`CREATE TEMP TABLE holed_fixture (id bigint, geom geometry(MultiPolygon, 4326));
        INSERT INTO holed_fixture VALUES (1, ST_Multi(ST_MakePolygon(
          ST_MakeLine(ARRAY[ST_Point(106.60, 35.50), ST_Point(106.70, 35.50), ST_Point(106.70, 35.58), ST_Point(106.60, 35.58), ST_Point(106.60, 35.50)]),
          ARRAY[ST_MakeLine(ARRAY[ST_Point(106.63, 35.52), ST_Point(106.63, 35.55), ST_Point(106.66, 35.55), ST_Point(106.66, 35.52), ST_Point(106.63, 35.52)])]))::geometry(MultiPolygon, 4326));`);
      const txDb = { ...api.db, engine: api.db.engine, query: tx.query.bind(tx) } as Database;
      decoded = decodeLayer(await createTileService(txDb, 0).render(ALL_SCOPE, def, tileAt([106.645, 35.535], 10)), 'holed');
      throw rollback;
    }).catch((e) => {
      if (e !== rollback) throw e;
    });
    expect(decoded).toHaveLength(1);
    expect(decoded[0].rings.map((r) => Math.sign(ringArea(r)))).toEqual([1, -1]);
  });
});
