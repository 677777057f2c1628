import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readBasemapSettings, readConfig, readRiskConfig } from '../../server/src/config.ts';
import { DEFAULT_RISK_THRESHOLDS } from '../../server/src/domain/risk-config.ts';
import { readResilienceSettings } from '../../server/src/config-resilience.ts';
import { DEFAULT_DATABASE_SETTINGS } from '../../server/src/db/database-settings.ts';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from '../../server/src/start-server.ts';
import type { Api } from './api-harness.ts';
import { expectApiError, startMapApi } from './map-test-support.ts';

const KEY = '0123456789abcdef0123456789abcdef';

let api: Api;
let online: Api;
beforeAll(async () => {
  api = await startMapApi();
  online = await startMapApi({ basemaps: { tiandituKey: KEY, osmTiles: true, pmtilesUrl: 'https://tiles.example.org/kongtong.pmtiles' } });
});
afterAll(async () => {
  await api.close();
  await online.close();
});

describe('GET /api/config', () => {
  it('gives every tile layer the template and zoom range of its TileJSON, so the map needs no TileJSON first', async () => {
    const { body } = await api.json('/api/config');
    expect(Object.keys(body.tiles).length).toBeGreaterThanOrEqual(12);
    for (const [layer, t] of Object.entries<{ path: string; minzoom: number; maxzoom: number }>(body.tiles)) {
      const tj = (await api.json(`/api/tiles/${layer}.json`)).body;
      expect([new URL(tj.tiles[0]).pathname.replace(/%7B/g, '{').replace(/%7D/g, '}'), tj.minzoom, tj.maxzoom]).toEqual([t.path, t.minzoom, t.maxzoom]);
    }
  });
  it('tells the client where the district is, what the data covers and the default period', async () => {
    const { status, body } = await api.json('/api/config');
    expect(status).toBe(200);
    const d = (await api.db.query<Record<string, number>>('SELECT ST_XMin(geom) a, ST_YMin(geom) b, ST_XMax(geom) c, ST_YMax(geom) d FROM district')).rows[0];
    expect(body.district.code).toBe('620802');
    expect(body.district.name).toBe('崆峒区');
    body.district.bbox.forEach((v: number, i: number) => expect(v).toBeCloseTo(Number([d.a, d.b, d.c, d.d][i]), 9));
    const [lon, lat] = body.district.centre;
    expect(lon > d.a && lon < d.c && lat > d.b && lat < d.d).toBe(true);
    const m = (await api.db.query<{ a: string; b: string }>(
      "SELECT to_char(min(reported_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') a, to_char(max(reported_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') b FROM disputes")).rows[0];
    expect(body.data).toEqual({ first_month: m.a, last_month: m.b });
    expect(body.data.first_month).toBe('2019-01');
    expect(body.default_period).toEqual({ from: '2026-08', to: '2026-11' });
    expect(body.period_limits).toEqual({ earliest: '2000-01', latest: '2026-11', max_months: 120 });
  });

  it('gives the legend: four levels in order with names, the indicators and the thresholds in force', async () => {
    const { body } = await api.json('/api/config');
    expect(body.risk.levels.map((l: { id: string }) => l.id)).toEqual(['blue', 'yellow', 'orange', 'red']);
    expect(body.risk.levels[3].name).toEqual({ zh: '红色（重大风险）', en: 'Red (severe)' });
    expect(body.risk.indicators.map((i: { id: string }) => i.id)).toEqual(['open', 'overdue', 'due_soon', 'criminal', 'repeat', 'escalated', 'trend']);
    expect(body.risk.thresholds).toEqual(JSON.parse(JSON.stringify(DEFAULT_RISK_THRESHOLDS)));
    expect(body.dispute_types).toHaveLength(9);
  });

  it('offers only the offline basemap by default', async () => {
    const { body } = await api.json('/api/config');
    expect(body.basemaps.map((b: { id: string }) => b.id)).toEqual(['offline']);
    expect(body.basemaps[0].tiles).toBe('/api/tiles/{layer}/{z}/{x}/{y}.mvt');
  });

  it('offers 天地图 vector and imagery, OpenStreetMap and PMTiles when configured', async () => {
    const { body } = await online.json('/api/config');
    expect(body.basemaps.map((b: { id: string }) => b.id)).toEqual(['offline', 'tianditu-vector', 'tianditu-imagery', 'osm', 'pmtiles']);
    const [vec, img] = [body.basemaps[1], body.basemaps[2]];
    const layerOf = (u: string) => /tianditu\.gov\.cn\/(\w+)\/wmts/.exec(u)?.[1];
    expect(vec.layers.map((l: { tiles: string[] }) => layerOf(l.tiles[0]))).toEqual(['vec_w', 'cva_w']);
    expect(img.layers.map((l: { tiles: string[] }) => layerOf(l.tiles[0]))).toEqual(['img_w', 'cia_w']);
    for (const l of [...vec.layers, ...img.layers]) {
      expect(l.tiles).toHaveLength(8);
      for (const t of l.tiles) expect(t).toMatch(new RegExp(`^https://t[0-7]\\.tianditu\\.gov\\.cn/.*TILEMATRIX=\\{z\\}&TILEROW=\\{y\\}&TILECOL=\\{x\\}&tk=${KEY}$`));
    }
    expect(body.basemaps[3].layers[0].tiles).toEqual(['https://tile.openstreetmap.org/{z}/{x}/{y}.png']);
    expect(body.basemaps[4]).toMatchObject({ kind: 'pmtiles', url: 'https://tiles.example.org/kongtong.pmtiles' });
  });

  it('rejects query parameters', async () => {
    await expectApiError(api, '/api/config?debug=1', 400, 'debug');
  });
});

describe('configuration from the environment', () => {
  it('reads the basemap settings', () => {
    expect(readBasemapSettings({})).toEqual({ tiandituKey: null, osmTiles: false, pmtilesUrl: null });
    expect(readBasemapSettings({ TIANDITU_KEY: KEY, OSM_TILES: '1', PMTILES_URL: '/tiles/kongtong.pmtiles' }))
      .toEqual({ tiandituKey: KEY, osmTiles: true, pmtilesUrl: '/tiles/kongtong.pmtiles' });
    expect(readBasemapSettings({ OSM_TILES: '0' }).osmTiles).toBe(false);
  });

  it.each([
    { title: 'a key with URL characters', env: { TIANDITU_KEY: `${KEY}&x=<script>` }, why: /TIANDITU_KEY must be/ },
    { title: 'a short key', env: { TIANDITU_KEY: 'abc' }, why: /TIANDITU_KEY must be/ },
    { title: 'OSM_TILES=yes', env: { OSM_TILES: 'yes' }, why: /OSM_TILES must be 1/ },
    { title: 'a javascript: PMTiles URL', env: { PMTILES_URL: 'javascript:alert(1)//.pmtiles' }, why: /PMTILES_URL must be/ },
    { title: 'a PMTiles URL that is no archive', env: { PMTILES_URL: 'https://example.org/tiles.json' }, why: /PMTILES_URL must be/ },
  ])('rejects $title', ({ env, why }) => {
    expect(() => readBasemapSettings(env)).toThrow(ConfigError);
    expect(() => readBasemapSettings(env)).toThrow(why);
  });

  it('never repeats the 天地图 key in an error', () => {
    const bad = `${KEY}!`;
    try {
      readBasemapSettings({ TIANDITU_KEY: bad });
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(KEY);
    }
  });

  it('reads RISK_THRESHOLDS over the defaults, and explains a bad one', () => {
    expect(readRiskConfig({})).toBe(DEFAULT_RISK_THRESHOLDS);
    expect(readRiskConfig({ RISK_THRESHOLDS: '{"indicators":{"overdue":{"yellow":2,"orange":3}}}' }).indicators.overdue).toEqual({ yellow: 2, orange: 3, red: 4 });
    expect(() => readRiskConfig({ RISK_THRESHOLDS: '{"indicators":{"overdue":{"yellow":5}}}' })).toThrow(/^RISK_THRESHOLDS: indicators\.overdue must ascend/);
    expect(() => readConfig({ RISK_THRESHOLDS: 'red' })).toThrow(ConfigError);
  });

  it('applies RISK_THRESHOLDS to the map', async () => {
    const strict = await startMapApi({ risk: readRiskConfig({ RISK_THRESHOLDS: '{"indicators":{"open":{"yellow":1,"orange":50,"red":100}}}' }) });
    try {
      const { body } = await strict.json('/api/risk?level=grid');
      const open = (await strict.db.query<{ grid_code: string }>(
        'SELECT DISTINCT grid_code FROM disputes WHERE reported_at < $1 AND (resolved_at IS NULL OR resolved_at >= $1)', [body.period.end])).rows.map((r) => r.grid_code);
      expect(open.length).toBeGreaterThan(0);
      for (const g of open) expect(body.areas.find((a: { code: string }) => a.code === g).level).not.toBe('blue');
      expect(body.thresholds.open).toEqual({ yellow: 1, orange: 50, red: 100 });
    } finally {
      await strict.close();
    }
  });
});

describe('whole-number settings (database timeouts, write rate, shutdown)', () => {
  it('gives the defaults when unset', () => {
    expect(readResilienceSettings({})).toEqual({ database: DEFAULT_DATABASE_SETTINGS, writeRateLimit: { perMinute: 60 }, shutdownTimeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS, trustProxyHops: 0 });
    expect(readResilienceSettings({ WRITE_RATE_PER_MIN: '0' }).writeRateLimit).toBeNull();
  });
  it.each([
    ['a fraction', { WRITE_RATE_PER_MIN: '1.5' }, /WRITE_RATE_PER_MIN must be a whole number/],
    ['below the minimum', { DB_CONNECT_TIMEOUT_MS: '50' }, /DB_CONNECT_TIMEOUT_MS must be a number in \[100, 120000\]/],
    ['not a number', { SHUTDOWN_TIMEOUT_MS: 'soon' }, /SHUTDOWN_TIMEOUT_MS must be a number/],
    ['too many proxies', { TRUST_PROXY_HOPS: '11' }, /TRUST_PROXY_HOPS must be a number in \[0, 10\]/],
  ])('rejects %s', (_title, env, why) => {
    expect(() => readResilienceSettings(env)).toThrow(why);
  });
});
