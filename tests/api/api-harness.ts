/**
 * Starts the real Express app on an ephemeral port over the shared seeded test database, and
 * offers small helpers for the API tests. One server per test file; the database is shared.
 * Requests are made as the district commander, logged in once through POST /api/auth/login.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { createApp, type AppDeps } from '../../server/src/app.ts';
import type { Database } from '../../server/src/db/database.ts';
import { getTestDb, TEST_DEMO_PASSWORD } from '../support/test-db.ts';

export interface Api {
  db: Database;
  base: string;
  /** The commander's session: Cookie and X-CSRF-Token headers. */
  auth: Credentials;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  json<T = any>(path: string): Promise<{ status: number; type: string | null; body: T }>;
  close(): Promise<void>;
}

export interface Credentials {
  /** Headers for a request of this session: Cookie, and X-CSRF-Token for writes. */
  headers: Record<string, string>;
  cookies: Map<string, string>;
  user: Record<string, any>;
}

/** Logs in through the real endpoint; throws unless it answers 200 with both cookies. */
export async function logIn(base: string, username: string, password = TEST_DEMO_PASSWORD): Promise<Credentials> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const body = await r.json();
  if (r.status !== 200) throw new Error(`log-in of ${username} failed: ${r.status} ${JSON.stringify(body)}`);
  const cookies = new Map(r.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
  const session = cookies.get('pingan_session'), csrf = cookies.get('pingan_csrf');
  if (!session || !csrf) throw new Error(`log-in of ${username} set no session/CSRF cookie`);
  return { headers: { cookie: `pingan_session=${session}; pingan_csrf=${csrf}`, 'x-csrf-token': decodeURIComponent(csrf) }, cookies, user: body.user };
}

/** Serves createApp over `db` (default: the shared test database) on 127.0.0.1:random; `login: false` stays anonymous. */
export async function startApi(deps: Partial<AppDeps> = {}, { login = true } = {}): Promise<Api> {
  const db = deps.db ?? (await getTestDb());
  const app = createApp({ ...deps, db });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth: Credentials = login ? await logIn(base, 'commander') : { headers: {}, cookies: new Map(), user: {} };
  const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers: { ...(auth.headers.cookie ? { cookie: auth.headers.cookie } : {}), ...headers } });
  return {
    db,
    base,
    auth,
    get,
    async json(path) {
      const r = await get(path);
      return { status: r.status, type: r.headers.get('content-type'), body: await r.json() };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** XYZ tile containing [lng, lat] at zoom z. */
export function tileAt([lng, lat]: [number, number], z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}

/** [lng, lat] of a (fractional) tile coordinate, the inverse of Web Mercator tiling. */
export function lngLatOf(x: number, y: number, z: number): [number, number] {
  const n = 2 ** z;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [(x / n) * 360 - 180, lat];
}

/** Bbox [minLng, minLat, maxLng, maxLat] of a tile grown by `buffer` tile units of `extent` on each side. */
export function tileBbox(t: { z: number; x: number; y: number }, buffer = 0, extent = 4096): [number, number, number, number] {
  const b = buffer / extent;
  const [w, n] = lngLatOf(t.x - b, t.y - b, t.z);
  const [e, s] = lngLatOf(t.x + 1 + b, t.y + 1 + b, t.z);
  return [w, s, e, n];
}

export interface DecodedFeature {
  id: number;
  type: number;
  properties: Record<string, unknown>;
  rings: { x: number; y: number }[][];
}

/** Decodes one layer of an MVT, features sorted by id. */
export function decodeLayer(bytes: Uint8Array, layer: string): DecodedFeature[] {
  if (bytes.length === 0) return [];
  // pbf 4 reads what vector-tile 3 expects; only its type declarations differ (they name pbf 5).
  const l = new VectorTile(new Pbf(bytes) as unknown as ConstructorParameters<typeof VectorTile>[0]).layers[layer];
  if (!l) return [];
  const out: DecodedFeature[] = [];
  for (let i = 0; i < l.length; i++) {
    const f = l.feature(i);
    out.push({ id: Number(f.id), type: f.type, properties: { ...f.properties }, rings: f.loadGeometry().map((r) => r.map((p) => ({ x: p.x, y: p.y }))) });
  }
  return out.sort((a, b) => a.id - b.id);
}

/** Surveyor's formula in tile coordinates (y down); MVT exterior rings are positive. */
export function ringArea(ring: { x: number; y: number }[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  return s / 2;
}
