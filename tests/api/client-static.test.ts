import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from './api-harness.ts';
import { scriptJson } from '../../server/src/http/client-static.ts';
import { startMapApi } from './map-test-support.ts';

const INDEX = '<!doctype html><html><head><title>平安一张图</title></head><body><div id="root"></div></body></html>';
const BOOT = /<script id="pingan-bootstrap" type="application\/json">(.*?)<\/script><\/head>/;
let dir: string;
let api: Api;
let bare: Api;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pingan-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index-3f9a1c.js'), 'console.log(1)');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
  api = await startMapApi({ clientDir: dir });
  bare = await startMapApi({ clientDir: join(dir, 'missing') });
});
afterAll(async () => {
  await api.close();
  await bare.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving the built client', () => {
  it.each(['/', '/wall', '/map?c=106.7,35.5&z=9&sel=grid:620802001001001', '/report/2026-11'])('answers %s with index.html, revalidated each time', async (path) => {
    const r = await api.get(path);
    expect([r.status, r.headers.get('cache-control')]).toEqual([200, 'no-cache']);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    // The page is index.html with the start-up config written into its head.
    expect(html.replace(BOOT, '</head>')).toBe(INDEX);
    const boot = JSON.parse(BOOT.exec(html)![1]);
    expect(boot.config).toEqual(await (await api.get('/api/config')).json());
  });
  it('writes the default period\'s four-colour level of every town, village and grid into the page, as /api/risk has them', async () => {
    const boot = JSON.parse(BOOT.exec(await (await api.get('/')).text())![1]);
    const { from, to } = boot.config.default_period;
    expect([boot.risk.from, boot.risk.to]).toEqual([from, to]);
    for (const level of ['town', 'village', 'grid']) {
      const { areas } = (await api.json(`/api/risk?level=${level}&from=${from}&to=${to}`)).body;
      expect(boot.risk.levels[level]).toEqual(Object.fromEntries(areas.map((a: { code: string; level: string }) => [a.code, a.level])));
    }
    expect(Object.keys(boot.risk.levels.grid)).toHaveLength(1617);
  });
  it('writes the start-up JSON so that no text in it can close the script element', () => {
    const out = scriptJson({ name: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
  it('serves hashed assets as immutable and other files as no-cache', async () => {
    const js = await api.get('/assets/index-3f9a1c.js');
    expect([js.status, js.headers.get('cache-control'), await js.text()]).toEqual([200, 'public, max-age=31536000, immutable', 'console.log(1)']);
    const robots = await api.get('/robots.txt');
    expect([robots.status, robots.headers.get('cache-control')]).toEqual([200, 'no-cache']);
  });
  it.each(['/assets/index-000000.js', '/favicon.ico', '/api/nope', '/api/risk/620802/extra'])('keeps %s a JSON 404, not the page', async (path) => {
    const r = await api.get(path);
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await r.json()).code).toBe('not_found');
  });
  it('still answers the API', async () => {
    expect((await api.json('/api/config')).status).toBe(200);
  });
  it('runs the API alone when the client folder has no index.html', async () => {
    const r = await bare.get('/wall');
    expect([r.status, (await r.json()).code]).toEqual([404, 'not_found']);
  });
});
