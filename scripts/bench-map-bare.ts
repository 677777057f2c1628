/**
 * The baseline pages of the map benchmark (scripts/bench-map.ts): the smallest MapLibre page that
 * shows the same district area from this server, built with the same bundler (Vite) and settings as
 * the client. Two entries:
 *   deck.html     MapLibre + a deck.gl MapboxOverlay (interleaved: false, as the client uses it), no deck layers
 *   plain.html    MapLibre alone
 * Each draws one vector source (the grids, a fill and an outline) over a background. Query string:
 * bbox=w,s,e,n (fitted with padding 40 as the client fits the district) or c=lng,lat&z=zoom, and
 * w/h for the map's size in px (so it matches the client's map canvas). The map is window.__map.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

const HTML = (entry: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>bare ${entry}</title>
<style>html,body{margin:0;height:100%;overflow:hidden;background:#f1f3ee}#map{position:absolute;left:0;top:0}</style></head>
<body><div id="map"></div><script type="module" src="./${entry}.ts"></script></body></html>
`;

const SHARED = `import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);

export function startMap(): maplibregl.Map {
  const q = new URLSearchParams(location.search);
  const box = document.getElementById('map')!;
  box.style.width = (q.get('w') ?? '1370') + 'px';
  box.style.height = (q.get('h') ?? '948') + 'px';
  const bbox = q.get('bbox')?.split(',').map(Number) as [number, number, number, number] | undefined;
  const c = (q.get('c') ?? '106.74,35.51').split(',').map(Number) as [number, number];
  const map = new maplibregl.Map({
    container: box, fadeDuration: 0, center: c, zoom: Number(q.get('z') ?? 10),
    ...(bbox ? { bounds: bbox, fitBoundsOptions: { padding: 40 } } : {}),
    style: {
      version: 8,
      sources: { grids: { type: 'vector', url: location.origin + '/api/tiles/grids.json' } },
      layers: [
        { id: 'background', type: 'background', paint: { 'background-color': '#e9ece6' } },
        { id: 'grids-fill', type: 'fill', source: 'grids', 'source-layer': 'grids', paint: { 'fill-color': '#2f7fd8', 'fill-opacity': 0.55 } },
        { id: 'grids-line', type: 'line', source: 'grids', 'source-layer': 'grids', paint: { 'line-color': '#9aa094', 'line-width': 1 } },
      ],
    },
  });
  (window as any).__map = map;
  return map;
}
`;

const DECK = `import { MapboxOverlay } from '@deck.gl/mapbox';
import { startMap } from './shared.ts';

const map = startMap();
map.addControl(new MapboxOverlay({ interleaved: false, layers: [] }) as any);
`;

const PLAIN = `import { startMap } from './shared.ts';

startMap();
`;

/** Writes and builds the baseline pages (base path /bare/); returns the folder to serve. */
export async function buildBarePages(): Promise<string> {
  // Inside the project (dist/ is git-ignored) so that the imports resolve from its node_modules.
  const src = join(ROOT, 'dist/bench-map-src');
  const out = join(ROOT, 'dist/bench-map-bare');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'shared.ts'), SHARED);
  writeFileSync(join(src, 'deck.ts'), DECK);
  writeFileSync(join(src, 'plain.ts'), PLAIN);
  writeFileSync(join(src, 'deck.html'), HTML('deck'));
  writeFileSync(join(src, 'plain.html'), HTML('plain'));
  await build({
    configFile: false, root: src, base: '/bare/', logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 3000,
      rollupOptions: { input: { deck: join(src, 'deck.html'), plain: join(src, 'plain.html') } } },
  });
  return out;
}
