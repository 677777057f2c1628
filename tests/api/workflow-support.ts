/**
 * Shared by the workflow API tests: the app over a rolled-back view of the shared database (so their
 * writes never reach the other test files), JSON POSTs, and a grid with a point inside it. A POST whose
 * body names an actor is sent in a session of that actor: an account with its role and unit is added
 * to the rolled-back database and logged in through POST /api/auth/login; other POSTs go as the commander.
 */
import type { AppDeps } from '../../server/src/app.ts';
import { parseActor, type Actor } from '../../server/src/domain/actors.ts';
import { hashPassword } from '../../server/src/domain/password-hash.ts';
import { getTestDb, TEST_DEMO_PASSWORD } from '../support/test-db.ts';
import { openRollbackDb, type RollbackDb } from '../support/rollback-db.ts';
import { logIn, type Api, type Credentials } from './api-harness.ts';
import { startMapApi } from './map-test-support.ts';

export interface WriteApi extends Api {
  /** A JSON POST in the session of the body's actor (or the commander's). */
  post<T = any>(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  /** A session of an account acting as `actor` (created on first use). */
  sessionOf(actor: Actor): Promise<Credentials>;
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

let testHash: Promise<string> | null = null;

/** An account acting as `actor` in the rolled-back database, with the test password. */
async function ensureAccount(rollback: RollbackDb, a: Actor): Promise<string> {
  if (a.role === 'commander') return 'commander';
  const username = `t-${a.role.replace('_', '-')}-${a.unit}`;
  testHash ??= hashPassword(TEST_DEMO_PASSWORD);
  await rollback.db.query(`INSERT INTO users (username, display_name, role, unit, password_hash, synthetic) VALUES ($1, $2, $3, $4, $5, true)
    ON CONFLICT (username) DO NOTHING`, [username, `测试账号 ${a.role} ${a.unit}`, a.role, a.unit, await testHash]);
  return username;
}

const claimedActor = (body: unknown): Actor | null => {
  try {
    return parseActor((body as { actor?: unknown } | null)?.actor);
  } catch {
    return null;
  }
};

function withWrites(api: Api, rollback: RollbackDb): WriteApi {
  const sessions = new Map<string, Promise<Credentials>>();
  const sessionOf = (a: Actor) => {
    const key = `${a.role}:${a.unit}`;
    if (!sessions.has(key)) sessions.set(key, ensureAccount(rollback, a).then((u) => (u === 'commander' ? api.auth : logIn(api.base, u))));
    return sessions.get(key)!;
  };
  return {
    ...api,
    rollback,
    sessionOf,
    async post(path, body, headers = {}) {
      const actor = typeof body === 'string' ? null : claimedActor(body);
      const auth = actor ? await sessionOf(actor) : api.auth;
      const r = await fetch(api.base + path, {
        method: 'POST', headers: { 'content-type': 'application/json', ...auth.headers, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
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
