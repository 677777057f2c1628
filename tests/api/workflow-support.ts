/**
 * Shared by the workflow API tests: the app over a rolled-back view of the shared database (so their
 * writes never reach the other test files), JSON POSTs, and a grid with a point inside it.
 */
import type { AppDeps } from '../../server/src/app.ts';
import type { Actor } from '../../server/src/domain/actors.ts';
import { getTestDb } from '../support/test-db.ts';
import { openRollbackDb, type RollbackDb } from '../support/rollback-db.ts';
import type { Api } from './api-harness.ts';
import { startMapApi } from './map-test-support.ts';

export interface WriteApi extends Api {
  post<T = any>(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  q<T = Record<string, any>>(text: string, values?: unknown[]): Promise<T[]>;
  rollback: RollbackDb;
}

export async function startWriteApi(deps: Partial<AppDeps> = {}): Promise<WriteApi> {
  const rollback = await openRollbackDb(await getTestDb());
  const api = await startMapApi({ ...deps, db: rollback.db });
  return withWrites(api, rollback);
}

/** Another app (e.g. with another clock) over the same rolled-back database. */
export async function startSecondApi(first: WriteApi, deps: Partial<AppDeps>): Promise<WriteApi> {
  return withWrites(await startMapApi({ ...deps, db: first.rollback.db }), first.rollback);
}

function withWrites(api: Api, rollback: RollbackDb): WriteApi {
  return {
    ...api,
    rollback,
    async post(path, body, headers = {}) {
      const r = await fetch(api.base + path, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json() };
    },
    async q(text, values = []) {
      return (await rollback.db.query(text, values)).rows as any[];
    },
  };
}

export interface GridPoint { grid: string; village: string; town: string; point: [number, number] }

/** The n-th grid by code and a point on its surface. */
export async function gridPoint(api: WriteApi, n: number): Promise<GridPoint> {
  const [g] = await api.q(`SELECT code, village_code, town_code, ST_X(ST_PointOnSurface(geom)) x, ST_Y(ST_PointOnSurface(geom)) y
    FROM grids ORDER BY code OFFSET $1 LIMIT 1`, [n]);
  return { grid: g.code, village: g.village_code, town: g.town_code, point: [Number(g.x), Number(g.y)] };
}

export const COMMANDER: Actor = { role: 'commander', unit: '620802' };
export const worker = (g: GridPoint): Actor => ({ role: 'grid_worker', unit: g.grid });
export const leader = (g: GridPoint): Actor => ({ role: 'town_leader', unit: g.town });
export const officer = (unit: string): Actor => ({ role: 'department_officer', unit });

/** Reports a dispute at g's point as its grid worker; returns the created record. */
export async function report(api: WriteApi, g: GridPoint, extra: Record<string, unknown> = {}): Promise<any> {
  const r = await api.post('/api/disputes', {
    geometry: { type: 'Point', coordinates: g.point }, type: 'neighbour', summary: '因院墙加高遮挡采光与邻居产生矛盾', actor: worker(g), ...extra,
  });
  if (r.status !== 201) throw new Error(`report failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
