/**
 * The basemaps the client may offer, from configuration. The built-in offline basemap (the
 * district, neighbouring counties, river and roads as vector tiles from this server) is always
 * there; 天地图 (CGCS2000, aligned with our WGS 84 data to well under a metre) when TIANDITU_KEY is
 * set; OpenStreetMap raster tiles with OSM_TILES=1; a PMTiles archive with PMTILES_URL.
 */
import type { BasemapSettings } from '../config.ts';
import type { Label } from '../domain/risk-levels.ts';

export interface RasterLayer { tiles: string[]; tileSize: 256; minzoom: number; maxzoom: number; attribution: string }

export type Basemap =
  | { id: 'offline'; kind: 'vector'; name: Label; layers: string[]; tiles: string }
  | { id: string; kind: 'raster'; name: Label; layers: RasterLayer[] }
  | { id: 'pmtiles'; kind: 'pmtiles'; name: Label; url: string };

const TIANDITU_ATTRIBUTION = '© 天地图 Tianditu (国家地理信息公共服务平台)';

/** A 天地图 WMTS layer (web-mercator `_w` set) as XYZ templates over the 8 subdomains t0–t7. */
function tianditu(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): RasterLayer {
  const tiles = Array.from({ length: 8 }, (_, i) =>
    `https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`);
  return { tiles, tileSize: 256, minzoom: 1, maxzoom: 18, attribution: TIANDITU_ATTRIBUTION };
}

export function basemapOptions(s: BasemapSettings, apiBase = '/api'): Basemap[] {
  const out: Basemap[] = [{
    id: 'offline', kind: 'vector', name: { zh: '离线底图', en: 'Offline basemap' },
    layers: ['district', 'context-counties', 'context-lines'], tiles: `${apiBase}/tiles/{layer}/{z}/{x}/{y}.mvt`,
  }];
  if (s.tiandituKey) {
    out.push({ id: 'tianditu-vector', kind: 'raster', name: { zh: '天地图 矢量', en: 'Tianditu map' }, layers: [tianditu('vec', s.tiandituKey), tianditu('cva', s.tiandituKey)] });
    out.push({ id: 'tianditu-imagery', kind: 'raster', name: { zh: '天地图 影像', en: 'Tianditu imagery' }, layers: [tianditu('img', s.tiandituKey), tianditu('cia', s.tiandituKey)] });
  }
  if (s.osmTiles) {
    out.push({
      id: 'osm', kind: 'raster', name: { zh: 'OpenStreetMap', en: 'OpenStreetMap' },
      layers: [{ tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], tileSize: 256, minzoom: 0, maxzoom: 19, attribution: '© OpenStreetMap contributors' }],
    });
  }
  if (s.pmtilesUrl) out.push({ id: 'pmtiles', kind: 'pmtiles', name: { zh: 'PMTiles 底图', en: 'PMTiles basemap' }, url: s.pmtilesUrl });
  return out;
}
