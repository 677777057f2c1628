/**
 * The authorization matrix: every operation of the served OpenAPI document × every role × a resource
 * inside and outside the role's scope, with the status each must get, and the personal data each must
 * (not) see. A new endpoint fails the "every operation has a row" check until it is given one.
 *
 * The expectations are written from the rules (domain/access-scope.ts, domain/personal-data.ts,
 * domain/display-access.ts), not read back from the server; the records each role may see are
 * computed here with plain SQL from the same table of rules.
 *
 * Fixture (over a rolled-back view of the shared test database):
 *   T, G        a town and its first grid (the demo accounts town-T and grid-G act there)
 *   dIn         a dispute in G, with an assistance letter T → 区司法局 (letterIn): every role may see it
 *   dOut        a dispute in another town Tout, grid Gout, outside 区司法局's sector, with a letter
 *               Tout → 区住建局 (letterOut): only the district-wide roles may see it
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCollection } from '../../server/src/domain/collections.ts';
import { decodeLayer, logIn, tileAt, type Credentials } from './api-harness.ts';
import { startWriteApi, type WriteApi } from './workflow-support.ts';

const ROLES = ['commander', 'town_leader', 'grid_worker', 'department_officer', 'analyst', 'display'] as const;
type Role = (typeof ROLES)[number];
const DEPT = 'sifa';
const DEPT_NAME = '区司法局';
const DEPT_TYPES = ['neighbour', 'debt'];

let api: WriteApi;
const auth = {} as Record<Role, Credentials>;
let T: string, G: string, Tout: string, Gout: string;
let gridIdIn: number, gridIdOut: number;
let dIn: any, dOut: any;
let letterIn: number, letterOut: number;
let reportIn: number, reportOut: number;
let pointIn: [number, number], pointOut: [number, number];
/** The lowest feature id of each reference collection. */
const firstId: Record<string, number> = {};
/** Dispute ids each role may see, by the rules, in plain SQL. */
const visible = {} as Record<Role, Set<number>>;

async function insertLetter(disputeId: number, sender: string, receiver: string): Promise<number> {
  const [r] = await api.q(`INSERT INTO transfers (district_code, dispute_id, kind, sender_unit, receiver_unit, message, reason, status, due_at, created_at, updated_at)
    VALUES ('620802', $1, 'assist', $2, $3, '授权矩阵测试：商请协助', '测试', 'sent', now() + interval '15 days', now(), now()) RETURNING id`, [disputeId, sender, receiver]);
  return Number(r.id);
}

beforeAll(async () => {
  api = await startWriteApi();
  // A town whose first grid (where its demo grid worker works) has a seeded dispute.
  const [g] = await api.q(`SELECT g.code, g.town_code, g.id FROM grids g
    WHERE g.code = (SELECT min(x.code) FROM grids x WHERE x.town_code = g.town_code)
      AND EXISTS (SELECT 1 FROM disputes d WHERE d.grid_code = g.code)
    ORDER BY g.code LIMIT 1`);
  [T, G, gridIdIn] = [g.town_code, g.code, Number(g.id)];
  [dIn] = await api.q(`SELECT id, code, town_code, grid_code, ST_X(geom) lon, ST_Y(geom) lat, parties FROM disputes
    WHERE grid_code = $1 ORDER BY status = 'resolved', id LIMIT 1`, [G]);
  [dOut] = await api.q(`SELECT d.id, d.code, d.town_code, d.grid_code, ST_X(d.geom) lon, ST_Y(d.geom) lat FROM disputes d
    WHERE d.town_code <> $1 AND d.status <> 'resolved' AND d.type NOT IN ($2, $3) AND d.handler_unit <> $4
      AND NOT EXISTS (SELECT 1 FROM transfers x WHERE x.dispute_id = d.id) ORDER BY d.id LIMIT 1`, [T, ...DEPT_TYPES, DEPT_NAME]);
  [Tout, Gout] = [dOut.town_code, dOut.grid_code];
  gridIdOut = Number((await api.q('SELECT id FROM grids WHERE code = $1', [Gout]))[0].id);
  letterIn = await insertLetter(Number(dIn.id), T, DEPT);
  letterOut = await insertLetter(Number(dOut.id), Tout, 'zhujian');
  const saveReport = async (grid: string) => Number((await api.post('/api/area-reports', { areas: [grid], from: '2025-12', to: '2026-11' })).body.definition.id);
  [reportIn, reportOut] = [await saveReport(G), await saveReport(Gout)];
  for (const c of COLLECTIONS) firstId[c] = Number((await api.q(`SELECT min(id) AS id FROM ${findCollection(c)!.table}`))[0].id);
  pointIn = [Number(dIn.lon), Number(dIn.lat)];
  pointOut = [Number(dOut.lon), Number(dOut.lat)];

  const users: Record<Role, string> = {
    commander: 'commander', town_leader: `town-${T}`, grid_worker: `grid-${G}`, department_officer: `dept-${DEPT}`, analyst: 'analyst', display: 'display',
  };
  for (const r of ROLES) auth[r] = r === 'commander' ? api.auth : await logIn(api.base, users[r]);

}, 120_000);

/** Fills `visible` from the database as it is now (the matrix's writes add disputes). */
async function computeVisible(): Promise<void> {
  const ids = async (where: string, values: unknown[] = []) => new Set((await api.q(`SELECT d.id FROM disputes d WHERE ${where}`, values)).map((r) => Number(r.id)));
  const all = await ids('TRUE');
  Object.assign(visible, {
    commander: all, analyst: all, display: all,
    town_leader: await ids('d.town_code = $1', [T]),
    grid_worker: await ids('d.grid_code = $1', [G]),
    department_officer: await ids(`d.type IN ($1, $2) OR d.handler_unit = $3
      OR d.id IN (SELECT x.dispute_id FROM transfers x WHERE $4 IN (x.sender_unit, x.receiver_unit))`, [...DEPT_TYPES, DEPT_NAME, DEPT]),
  });
}

afterAll(async () => {
  await api?.close();
  await api?.rollback.rollback();
});

interface Sent { status: number; body: any; text: string; type: string | null }

async function send(role: Role, method: string, path: string, body?: unknown): Promise<Sent> {
  const h = auth[role].headers;
  const headers: Record<string, string> = { cookie: h.cookie };
  if (method !== 'GET') Object.assign(headers, { 'x-csrf-token': h['x-csrf-token'], 'content-type': 'application/json' });
  if (path === '/api/events') return sse(role);
  const r = await fetch(api.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = r.headers.get('content-type');
  if (type?.startsWith('application/x-protobuf') || type?.startsWith('application/vnd.mapbox-vector-tile') || type?.startsWith('application/pdf')) {
    const bytes = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, body: bytes, text: '', type };
  }
  const text = await r.text();
  let parsed: any = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: r.status, body: parsed, text, type };
}

/** The status of GET /api/events (a stream: closed as soon as the head arrives). */
function sse(role: Role): Promise<Sent> {
  return new Promise((ok, fail) => {
    const req = http.get(`${api.base}/api/events`, { headers: { cookie: auth[role].headers.cookie } }, (r) => {
      ok({ status: r.statusCode ?? 0, body: null, text: '', type: r.headers['content-type'] ?? null });
      req.destroy();
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : fail(e)));
  });
}

/** [in, out] per role: C, T, G, D, A, W. */
type Row = Record<Role, [number, number]>;
const row = (c: [number, number], t: [number, number], g: [number, number], d: [number, number], a: [number, number], w: [number, number]): Row =>
  ({ commander: c, town_leader: t, grid_worker: g, department_officer: d, analyst: a, display: w });

const OK = (s = 200): [number, number] => [s, s];
const EVERYONE = (s = 200) => row(OK(s), OK(s), OK(s), OK(s), OK(s), OK(s));
/** A dispute or letter by id: scoped roles get 404 outside; displays 403. */
const RECORD = row(OK(), [200, 404], [200, 404], [200, 404], OK(), OK(403));
/** A figure of an area named by code: scoped roles get 403 out_of_scope outside their areas. */
const AREA = row(OK(), [200, 403], [200, 403], OK(), OK(), OK());
/** A town-level document (ledger, report): the grid worker's scope holds no town. */
const TOWN_DOC = row(OK(), [200, 403], OK(403), OK(), OK(), OK(403));
const TOWN_FIGURE = row(OK(), [200, 403], OK(403), OK(), OK(), OK());
const COMMANDER_ONLY = row(OK(), OK(403), OK(403), OK(403), OK(403), OK(403));
/** A write: analysts and displays may not; out of scope is 404 for scoped roles. */
const WRITE_STALE = row(OK(409), [409, 404], [409, 404], [409, 404], OK(403), OK(403));

interface Case {
  /** The OpenAPI path template(s) this case covers. */
  op: string;
  method: string;
  /** Concrete paths (and body) for the resource in scope and out of scope. */
  in: () => { path: string; body?: unknown };
  out: () => { path: string; body?: unknown };
  expect: Row;
}

const get = (op: string, path: () => string, out: () => string, expect: Row): Case => ({ op, method: 'GET', in: () => ({ path: path() }), out: () => ({ path: out() }), expect });
const same = (op: string, path: string, expect: Row = EVERYONE()): Case => get(op, () => path, () => path, expect);
const bboxAround = ([x, y]: [number, number]) => [x - 0.002, y - 0.002, x + 0.002, y + 0.002].join(',');

const COLLECTIONS = ['district', 'towns', 'villages', 'grids', 'cameras', 'monitoring-rooms', 'police-stations', 'police-workrooms', 'mediation-rooms', 'legal-stations', 'governance-centres'];

const CASES: Case[] = [
  same('/', '/api/'),
  same('/conformance', '/api/conformance'),
  same('/collections', '/api/collections'),
  same('/health', '/api/health'),
  get('/responsible', () => `/api/responsible?lon=${pointIn[0]}&lat=${pointIn[1]}`, () => `/api/responsible?lon=${pointOut[0]}&lat=${pointOut[1]}`, EVERYONE()),
  ...COLLECTIONS.flatMap((c) => [
    same(`/collections/${c}`, `/api/collections/${c}`),
    same(`/collections/${c}/queryables`, `/api/collections/${c}/queryables`),
    get(`/collections/${c}/items`, () => `/api/collections/${c}/items?limit=5&bbox=${bboxAround(pointIn)}`, () => `/api/collections/${c}/items?limit=5&bbox=${bboxAround(pointOut)}`, EVERYONE()),
  ]),
  ...COLLECTIONS.filter((c) => c !== 'grids').map((c) => get(`/collections/${c}/items/{featureId}`, () => `/api/collections/${c}/items/${firstId[c]}`, () => `/api/collections/${c}/items/${firstId[c]}`, EVERYONE())),
  get('/collections/grids/items/{featureId}', () => `/api/collections/grids/items/${gridIdIn}`, () => `/api/collections/grids/items/${gridIdOut}`, EVERYONE()),
  same('/collections/disputes', '/api/collections/disputes', row(OK(), OK(), OK(), OK(), OK(), OK(403))),
  same('/collections/disputes/queryables', '/api/collections/disputes/queryables', row(OK(), OK(), OK(), OK(), OK(), OK(403))),
  get('/collections/disputes/items', () => `/api/collections/disputes/items?grid_code=${G}`, () => `/api/collections/disputes/items?grid_code=${Gout}`, row(OK(), OK(), OK(), OK(), OK(), OK(403))),
  get('/collections/disputes/items/{featureId}', () => `/api/collections/disputes/items/${dIn.id}`, () => `/api/collections/disputes/items/${dOut.id}`, RECORD),
  same('/tiles/{layer}.json', '/api/tiles/disputes.json'),
  get('/tiles/{layer}/{z}/{x}/{y}.mvt', () => tilePath(pointIn), () => tilePath(pointOut), EVERYONE()),
  // The composite basemap + areas tile: reference data, the same for every role.
  same('/tiles/base.json', '/api/tiles/base.json'),
  get('/tiles/base/{z}/{x}/{y}.mvt', () => basePath(pointIn), () => basePath(pointOut), EVERYONE()),
  same('/config', '/api/config'),
  same('/labels', '/api/labels'),
  same('/risk', '/api/risk?level=grid'),
  get('/risk/{areaCode}', () => `/api/risk/${G}`, () => `/api/risk/${Tout}`, AREA),
  get('/risk/{areaCode}/history', () => `/api/risk/${G}/history?from=2026-09&to=2026-10`, () => `/api/risk/${Tout}/history?from=2026-09&to=2026-10`, AREA),
  get('/areas/{code}', () => `/api/areas/${G}`, () => `/api/areas/${Gout}`, AREA),
  same('/search', `/api/search?q=${encodeURIComponent('村')}`),
  get('/disputes/{id}/context', () => `/api/disputes/${dIn.id}/context`, () => `/api/disputes/${dOut.id}/context`, RECORD),
  same('/disputes/clusters', '/api/disputes/clusters?bbox=105.9,35.2,107.2,35.8&zoom=10'),
  same('/disputes/points', '/api/disputes/points'),
  same('/cameras/clusters', '/api/cameras/clusters?bbox=105.9,35.2,107.2,35.8&zoom=10'),
  get('/ledger', () => `/api/ledger?town=${T}`, () => `/api/ledger?town=${Tout}`, TOWN_DOC),
  get('/ledger.csv', () => `/api/ledger.csv?town=${T}`, () => `/api/ledger.csv?town=${Tout}`, TOWN_DOC),
  get('/stats/resolution', () => `/api/stats/resolution?town=${T}`, () => `/api/stats/resolution?town=${Tout}`, TOWN_FIGURE),
  same('/ranking', '/api/ranking'),
  get('/screening', () => `/api/screening?town=${T}`, () => `/api/screening?town=${Tout}`, TOWN_FIGURE),
  get('/reports/supervision/{townCode}.pdf', () => `/api/reports/supervision/${T}.pdf`, () => `/api/reports/supervision/${Tout}.pdf`, TOWN_DOC),
  {
    op: '/disputes', method: 'POST',
    in: () => ({ path: '/api/disputes', body: { geometry: { type: 'Point', coordinates: pointIn }, type: 'neighbour', summary: '授权矩阵测试' } }),
    out: () => ({ path: '/api/disputes', body: { geometry: { type: 'Point', coordinates: pointOut }, type: 'neighbour', summary: '授权矩阵测试' } }),
    // The workflow's own rule refuses a report outside a grid worker's grid or a town leader's town (409).
    expect: row(OK(201), [201, 409], [201, 409], OK(201), OK(403), OK(403)),
  },
  get('/disputes/{id}', () => `/api/disputes/${dIn.id}?include=parties`, () => `/api/disputes/${dOut.id}?include=parties`, RECORD),
  {
    op: '/disputes/{id}/actions', method: 'POST',
    in: () => ({ path: `/api/disputes/${dIn.id}/actions`, body: { action: 'accept', version: 1000 } }),
    out: () => ({ path: `/api/disputes/${dOut.id}/actions`, body: { action: 'accept', version: 1000 } }),
    expect: WRITE_STALE,
  },
  get('/disputes/{id}/history', () => `/api/disputes/${dIn.id}/history`, () => `/api/disputes/${dOut.id}/history`, RECORD),
  get('/cards', () => `/api/cards?level=grid&code=${G}`, () => `/api/cards?level=grid&code=${Tout}`, AREA),
  same('/transfers', '/api/transfers', row(OK(), OK(), OK(), OK(), OK(), OK(403))),
  {
    op: '/transfers', method: 'POST',
    in: () => ({ path: '/api/transfers', body: { kind: 'assist', dispute_id: Number(dIn.id), receiver: DEPT, message: '授权矩阵测试', reason: '测试' } }),
    out: () => ({ path: '/api/transfers', body: { kind: 'assist', dispute_id: Number(dOut.id), receiver: DEPT, message: '授权矩阵测试', reason: '测试' } }),
    // In scope, the letter rules refuse (409: the same letter is open, or the role does not send assistance letters).
    expect: WRITE_STALE,
  },
  same('/transfers/flows', '/api/transfers/flows'),
  get('/transfers/{id}', () => `/api/transfers/${letterIn}`, () => `/api/transfers/${letterOut}`, RECORD),
  {
    op: '/transfers/{id}/actions', method: 'POST',
    in: () => ({ path: `/api/transfers/${letterIn}/actions`, body: { action: 'receive', version: 1000 } }),
    out: () => ({ path: `/api/transfers/${letterOut}/actions`, body: { action: 'receive', version: 1000 } }),
    expect: WRITE_STALE,
  },
  same('/events', '/api/events'),
  same('/hotspots', '/api/hotspots'),
  same('/hotspots/emerging', '/api/hotspots/emerging'),
  same('/repeats', '/api/repeats'),
  // The wall's figures: every role gets its own scope's counts (tests/api/wall.test.ts).
  same('/wall/summary', '/api/wall/summary'),
  {
    op: '/area-reports', method: 'POST',
    in: () => ({ path: '/api/area-reports', body: { areas: [G] } }),
    out: () => ({ path: '/api/area-reports', body: { areas: [Gout] } }),
    // Saving a report definition changes no governance data: analysts may; displays may not. Its figures follow the scope.
    expect: row(OK(201), OK(201), OK(201), OK(201), OK(201), OK(403)),
  },
  ...['', '.csv', '.geojson', '.pdf'].map((ext) => get(`/area-reports/{id}${ext}`, () => `/api/area-reports/${reportIn}${ext}`, () => `/api/area-reports/${reportOut}${ext}`,
    row(OK(), OK(), OK(), OK(), OK(), OK(403)))),
  same('/auth/me', '/api/auth/me'),
  same('/auth/display-credentials', '/api/auth/display-credentials', COMMANDER_ONLY),
  same('/audit', '/api/audit?limit=5', COMMANDER_ONLY),
];

/** Log-in, log-out and display credentials' writes are tested in auth.test.ts (they change sessions). */
const ELSEWHERE = new Set(['POST /auth/login', 'POST /auth/logout', 'POST /auth/display-login', 'POST /auth/display-credentials', 'DELETE /auth/display-credentials/{id}']);

function basePath(p: [number, number]): string {
  const t = tileAt(p, 12);
  return `/api/tiles/base/${t.z}/${t.x}/${t.y}.mvt`;
}

function tilePath(p: [number, number]): string {
  const t = tileAt(p, 14);
  return `/api/tiles/disputes/${t.z}/${t.x}/${t.y}.mvt`;
}

describe('the authorization matrix', () => {
  it('has a row for every operation of the OpenAPI document', async () => {
    const doc = (await send('commander', 'GET', '/api/openapi.json')).body;
    const have = new Set(CASES.map((c) => `${c.method} ${c.op}`));
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) {
        const key = `${method.toUpperCase()} ${path}`;
        if (!ELSEWHERE.has(key) && !have.has(key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });

  describe.each(CASES.map((c) => [`${c.method} ${c.op}`, c] as const))('%s', (_name, c) => {
    it.each(ROLES)('%s: in scope and out of scope', async (role) => {
      const [wantIn, wantOut] = c.expect[role];
      const a = c.in(), b = c.out();
      // An empty vector tile is answered 204: for the matrix, the same as 200.
      const norm = (r: Sent) => (r.status === 204 && c.op.endsWith('.mvt') ? 200 : r.status);
      const rIn = await send(role, c.method, a.path, a.body);
      expect(norm(rIn), `${role} ${c.method} ${a.path} (in): ${rIn.text.slice(0, 300)}`).toBe(wantIn);
      const rOut = await send(role, c.method, b.path, b.body);
      expect(norm(rOut), `${role} ${c.method} ${b.path} (out): ${rOut.text.slice(0, 300)}`).toBe(wantOut);
      for (const r of [rIn, rOut]) {
        if (r.status === 403 && r.body) expect(['forbidden', 'out_of_scope']).toContain(r.body.code);
        if (r.status >= 400 && r.type?.includes('json')) expect(r.body.parameter, r.text).toBeTruthy();
      }
    });
  });
});

/** Every dispute id a response names, for the content checks. */
function disputeIdsIn(body: any, kind: 'items' | 'ledger' | 'transfers' | 'flows' | 'risk' | 'areaReport'): number[] {
  switch (kind) {
    case 'items': return body.features.map((f: any) => Number(f.id));
    case 'ledger': return body.rows.map((r: any) => Number(r.id));
    case 'transfers': return body.transfers.map((t: any) => Number(t.dispute.id));
    case 'flows': return body.features.map((f: any) => Number(f.properties.dispute_id));
    case 'risk': return body.disputes.map((d: any) => Number(d.id));
    case 'areaReport': return body.features.filter((f: any) => f.properties.kind === 'dispute').map((f: any) => Number(f.id));
  }
}

describe('what each role sees inside a 200', () => {
  beforeAll(computeVisible);
  const lists: [string, () => string, Parameters<typeof disputeIdsIn>[1]][] = [
    ['dispute items of the district', () => '/api/collections/disputes/items?limit=1000', 'items'],
    ['dispute items of an outside grid', () => `/api/collections/disputes/items?limit=1000&grid_code=${Gout}`, 'items'],
    ['the ledger of the town', () => `/api/ledger?town=${T}&limit=1000`, 'ledger'],
    ['letters', () => '/api/transfers?limit=200', 'transfers'],
    ['letter flows', () => '/api/transfers/flows', 'flows'],
    ['the disputes behind a grid risk', () => `/api/risk/${G}`, 'risk'],
    ['an area report outside (GeoJSON)', () => `/api/area-reports/${reportOut}.geojson`, 'areaReport'],
    ['an area report inside (GeoJSON)', () => `/api/area-reports/${reportIn}.geojson`, 'areaReport'],
  ];
  it.each(ROLES.filter((r) => r !== 'display'))('%s: every dispute named is one the rules let it see', async (role) => {
    let named = 0;
    for (const [what, path, kind] of lists) {
      const r = await send(role, 'GET', path());
      if (r.status !== 200) continue;
      const ids = disputeIdsIn(r.body, kind);
      named += ids.length;
      const hidden = ids.filter((id) => !visible[role].has(id));
      expect(hidden, `${role}: ${what}`).toEqual([]);
    }
    expect(named, 'the check looked at some disputes').toBeGreaterThan(0);
  });

  it('scoped roles get no dispute of an outside grid; district-wide roles do', async () => {
    const count = async (role: Role) => (await send(role, 'GET', `/api/collections/disputes/items?limit=1000&grid_code=${Gout}`)).body.features.length;
    expect(await count('commander')).toBeGreaterThan(0);
    expect(await count('analyst')).toBe(await count('commander'));
    expect(await count('town_leader')).toBe(0);
    expect(await count('grid_worker')).toBe(0);
  });

  it('vector tiles carry only the disputes in scope', async () => {
    const tile = async (role: Role, p: [number, number]) => {
      const r = await send(role, 'GET', tilePath(p));
      if (r.status === 204) return [] as { town: unknown; grid: unknown }[];
      return decodeLayer(r.body, 'disputes').map((f) => ({ town: f.properties.town_code, grid: f.properties.grid_code }));
    };
    const outAll = await tile('commander', pointOut);
    expect(outAll.length).toBeGreaterThan(0);
    expect(await tile('town_leader', pointOut)).toEqual(outAll.filter((f) => f.town === T));
    expect(await tile('grid_worker', pointOut)).toEqual(outAll.filter((f) => f.grid === G));
    const inGrid = await tile('grid_worker', pointIn);
    expect(inGrid.length).toBeGreaterThan(0);
    expect(inGrid.every((f) => f.grid === G)).toBe(true);
    expect((await tile('display', pointOut)).length).toBe(outAll.length);
  });

  it('the risk list holds only the areas in scope', async () => {
    const codes = async (role: Role) => ((await send(role, 'GET', '/api/risk?level=grid')).body.areas as { code: string }[]).map((a) => a.code);
    const all = await codes('commander');
    expect(all.length).toBeGreaterThan(1000);
    expect(await codes('town_leader')).toEqual(all.filter((c) => c.startsWith(T)));
    expect(await codes('grid_worker')).toEqual([G]);
    for (const r of ['department_officer', 'analyst', 'display'] as const) expect(await codes(r)).toEqual(all);
    // The level of an area does not depend on who asks.
    const level = async (role: Role) => ((await send(role, 'GET', '/api/risk?level=grid')).body.areas as { code: string; level: string }[]).find((a) => a.code === G)!.level;
    expect(await level('grid_worker')).toBe(await level('commander'));
  });
});

describe('personal data by role', () => {
  const FULL: Role[] = ['commander', 'town_leader', 'grid_worker', 'department_officer'];
  const auditCount = async (username: string) =>
    Number((await api.q("SELECT count(*)::int n FROM audit_log WHERE action = 'read_personal' AND username = $1", [username]))[0].n);
  const username = (r: Role) => auth[r].user.username as string;
  const maskedName = /^.\*+$/u;
  const maskedPhone = /^\d{3}\*+\d{4}$/;

  it('parties of a dispute: full and audited for acting roles, masked for analysts, never for displays', async () => {
    const stored = (typeof dIn.parties === 'string' ? JSON.parse(dIn.parties) : dIn.parties) as any[];
    expect(stored.length).toBeGreaterThan(0);
    for (const r of FULL) {
      const before = await auditCount(username(r));
      // Only when asked for: opening a dispute does not read its parties.
      expect((await send(r, 'GET', `/api/disputes/${dIn.id}`)).body.parties, r).toBeUndefined();
      expect(await auditCount(username(r)), `${r}: no read_personal without include=parties`).toBe(before);
      const body = (await send(r, 'GET', `/api/disputes/${dIn.id}?include=parties`)).body;
      expect(body.parties, r).toEqual(stored);
      expect(await auditCount(username(r)), `${r}: one read_personal entry`).toBe(before + 1);
    }
    const before = await auditCount('analyst');
    const masked = (await send('analyst', 'GET', `/api/disputes/${dIn.id}?include=parties`)).body.parties;
    expect(masked).toHaveLength(stored.length);
    for (const [i, p] of masked.entries()) {
      expect(p.name).toMatch(maskedName);
      expect(p.name).not.toBe(stored[i].name);
      expect(p.phone).toMatch(maskedPhone);
      expect(p.id_number).not.toBe(stored[i].id_number);
      expect(p.address).not.toBe(stored[i].address);
    }
    expect(await auditCount('analyst')).toBe(before);
    expect((await send('display', 'GET', `/api/disputes/${dIn.id}`)).status).toBe(403);
  });

  it('the audit entry says who read which record from where', async () => {
    await send('town_leader', 'GET', `/api/disputes/${dIn.id}?include=parties`);
    const [e] = await api.q("SELECT * FROM audit_log WHERE action = 'read_personal' AND username = $1 ORDER BY id DESC LIMIT 1", [username('town_leader')]);
    expect(e).toMatchObject({ role: 'town_leader', target_kind: 'dispute', target_id: String(dIn.id) });
    expect(e.ip).toBeTruthy();
    expect(e.detail.fields).toEqual(['name', 'phone', 'id_number', 'address']);
  });

  const staff: [string, () => string, (b: any) => { name: unknown; phone: unknown }][] = [
    ['the grid panel', () => `/api/areas/${G}`, (b) => b.contact.grid_worker],
    ['who is responsible', () => `/api/responsible?lon=${pointIn[0]}&lat=${pointIn[1]}`, (b) => b.contacts.grid_worker],
    ['a grid feature', () => `/api/collections/grids/items/${gridIdIn}`, (b) => ({ name: b.properties.worker_name, phone: b.properties.worker_phone })],
    ['mediation rooms', () => `/api/collections/mediation-rooms/items?limit=3`, (b) => ({ name: b.features[0].properties.mediator_name, phone: b.features[0].properties.phone })],
  ];
  describe.each(staff)('staff contacts in %s', (_what, path, pick) => {
    it('full (audited) for acting roles, masked for analysts, absent for displays', async () => {
      const full = pick((await send('commander', 'GET', path())).body);
      expect(String(full.phone)).toMatch(/^\d[\d-]{6,}$/);
      for (const r of FULL) {
        const before = await auditCount(username(r));
        expect(pick((await send(r, 'GET', path())).body), r).toEqual(full);
        expect(await auditCount(username(r)), r).toBeGreaterThan(before);
      }
      const before = await auditCount('analyst');
      const masked = pick((await send('analyst', 'GET', path())).body);
      expect(masked.phone).toMatch(maskedPhone);
      expect(masked.name).toMatch(maskedName);
      expect(await auditCount('analyst')).toBe(before);
      const w = await send('display', 'GET', path());
      if (w.status === 200) expect(pick(w.body).phone).toBeNull();
      else expect(w.status).toBe(403);
    });
  });

  it('a wall display gets no personal value in any answer it may read', async () => {
    const stored = (typeof dIn.parties === 'string' ? JSON.parse(dIn.parties) : dIn.parties) as any[];
    const card = (await send('commander', 'GET', `/api/areas/${G}`)).body.contact;
    const secrets = [...stored.flatMap((p) => [p.name, p.phone, p.id_number]), card.grid_worker.name, card.grid_worker.phone, card.police.phone, card.cadre.phone];
    for (const c of CASES.filter((x) => x.method === 'GET' && x.op !== '/events')) {
      for (const { path } of [c.in(), c.out()]) {
        const r = await send('display', 'GET', path);
        if (r.status !== 200 || !r.text) continue;
        for (const s of secrets) expect(r.text.includes(s), `${path} carries ${s}`).toBe(false);
      }
    }
  });
});

/** An open /api/events stream of a role: the events it has received so far. */
function stream(role: Role): { events: () => { type: string; data: any }[]; close: () => void } {
  let text = '';
  const req = http.get(`${api.base}/api/events`, { headers: { cookie: auth[role].headers.cookie } }, (r) => {
    r.setEncoding('utf8');
    r.on('data', (c: string) => { text += c; });
  });
  req.on('error', () => undefined);
  return {
    events: () => text.split('\n\n').flatMap((block) => {
      const type = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      return type && data ? [{ type, data: JSON.parse(data) }] : [];
    }),
    close: () => req.destroy(),
  };
}

const waitFor = async (test: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!test() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return test();
};

describe('live events by scope', () => {
  it('a report reaches the roles that may see it and no other; a letter reaches its department', async () => {
    const s = Object.fromEntries(ROLES.map((r) => [r, stream(r)])) as Record<Role, ReturnType<typeof stream>>;
    try {
      await new Promise((r) => setTimeout(r, 300));
      const made = await send('grid_worker', 'POST', '/api/disputes', { geometry: { type: 'Point', coordinates: pointIn }, type: 'labour', summary: '授权矩阵测试：欠薪' });
      expect(made.status).toBe(201);
      const id = made.body.id;
      const got = (r: Role, type = 'dispute') => s[r].events().some((e) => e.type === type && (type === 'dispute' ? e.data.id === id : e.data.dispute_id === id));
      for (const r of ['commander', 'town_leader', 'grid_worker', 'analyst', 'display'] as const) expect(await waitFor(() => got(r)), r).toBe(true);
      // A labour dispute is not 区司法局's: its officer's stream stays silent about it.
      expect(got('department_officer')).toBe(false);
      expect(s.department_officer.events().every((e) => !e.data.place)).toBe(true);
      // The town asks 区司法局 for help: from then on the dispute, and the letter, are the department's too.
      const letter = await send('town_leader', 'POST', '/api/transfers', { kind: 'assist', dispute_id: id, receiver: DEPT, message: '欠薪引发邻里冲突，商请协助', reason: '当事人要求法律援助' });
      expect(letter.status, letter.text).toBe(201);
      expect(await waitFor(() => got('department_officer', 'transfer'))).toBe(true);
      expect((await send('department_officer', 'GET', `/api/disputes/${id}`)).status).toBe(200);
    } finally {
      for (const r of ROLES) s[r].close();
    }
  });

  it('a town leader elsewhere hears nothing of it', async () => {
    const other = await logIn(api.base, `town-${Tout}`);
    let text = '';
    const req = http.get(`${api.base}/api/events`, { headers: { cookie: other.headers.cookie } }, (r) => {
      r.setEncoding('utf8');
      r.on('data', (c: string) => { text += c; });
    });
    req.on('error', () => undefined);
    const mine = stream('town_leader');
    try {
      await new Promise((r) => setTimeout(r, 300));
      const made = await send('grid_worker', 'POST', '/api/disputes', { geometry: { type: 'Point', coordinates: pointIn }, type: 'neighbour', summary: '授权矩阵测试：噪音' });
      expect(made.status).toBe(201);
      expect(await waitFor(() => mine.events().some((e) => e.data.id === made.body.id))).toBe(true);
      await new Promise((r) => setTimeout(r, 200));
      expect(text).not.toContain(made.body.code);
      expect(text).not.toContain(`"id":${made.body.id},`);
    } finally {
      req.destroy();
      mine.close();
    }
  });
});
