/**
 * Plays realistic new activity against a running server, through the HTTP API only: grid workers
 * report disputes at points inside their grids, handlers accept, mediate and resolve them, some are
 * escalated to the town and on to a department, and towns and departments exchange letters that the
 * receivers work through. Watch the map (or GET /api/events) change while it runs.
 *
 *   DEMO_PASSWORD=… npm run simulate -- [--url http://127.0.0.1:8080] [--rate 1] [--count 100] [--seed demo] [--password …]
 *
 * --rate: steps per second; --count: steps in all (0 = until stopped); --seed: the same seed plays
 * the same choices (the outcomes depend on the server's data). Each step logs in as the demo account
 * of whoever acts (grid-<code>, town-<code>, dept-<code>, commander) with the demo password; a grid
 * without a demo account is handled by its town's leader.
 */
import { DEPARTMENTS, ROUTING } from '../server/src/domain/departments.ts';
import { DISPUTE_TYPES, DISPUTE_TYPE_LABELS, type DisputeType } from '../server/src/domain/dispute-types.ts';
import { createRng } from '../server/src/seed/rng.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1] ?? '');
const URL_BASE = (args.get('url') ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const RATE = Number(args.get('rate') ?? 1);
const COUNT = Number(args.get('count') ?? 100);
const rng = createRng(args.get('seed') ?? 'simulate');
if (!(RATE > 0) || !(COUNT >= 0)) throw new Error('--rate must be > 0 and --count ≥ 0');
const PASSWORD = args.get('password') ?? process.env.DEMO_PASSWORD ?? '';
if (!PASSWORD) throw new Error('the demo accounts\' password is needed: DEMO_PASSWORD=… or --password …');

type Actor = { role: string; unit: string };
type Json = Record<string, any>;
const COMMANDER: Actor = { role: 'commander', unit: '620802' };
const TYPE_WEIGHTS: Record<DisputeType, number> = { neighbour: 28, marriage_family: 20, housing_property: 14, land_boundary: 14, nuisance: 9, debt: 6, labour: 5, traffic: 2, other: 2 };
const SUMMARIES: Record<DisputeType, string> = {
  neighbour: '邻里因通道使用发生争执', marriage_family: '家庭成员因赡养问题产生矛盾', housing_property: '业主与物业因收费问题发生纠纷',
  land_boundary: '相邻农户因地界不清发生争执', nuisance: '夜间噪音扰民引发邻里矛盾', debt: '民间借贷到期未还引发纠纷',
  labour: '务工人员讨要拖欠工资', traffic: '交通事故赔偿协商未果', other: '灌溉用水分配引发群众矛盾',
};
const OUTCOMES = ['经现场调解，双方达成和解', '签订调解协议书，当场履行', '经联合调处，矛盾化解'];

type Session = { username: string; headers: Record<string, string> };
const sessions = new Map<string, Promise<Session | null>>();
/** Grids whose worker has a demo account: the first grid (by code) of each town. Others are never tried (failed log-ins are throttled). */
const gridAccounts = new Set<string>();

/** fetch, but over the server's write rate limit (429, WRITE_RATE_PER_MIN) it waits as told and sends again. */
async function fetchPatiently(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(url, init);
    if (r.status !== 429 || attempt >= 5) return r;
    await r.arrayBuffer();
    await new Promise((done) => setTimeout(done, 1000 * Number(r.headers.get('retry-after') ?? 1)));
  }
}

/** A session of a demo account (cached), or null when the account does not exist. */
function logIn(username: string): Promise<Session | null> {
  if (!sessions.has(username)) {
    sessions.set(username, (async () => {
      const r = await fetchPatiently(`${URL_BASE}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      if (r.status === 401) return null;
      if (r.status !== 200) throw new Error(`log-in of ${username}: ${r.status} ${await r.text()}`);
      const cookies = new Map(r.headers.getSetCookie().map((c) => c.split(';')[0].split('=') as [string, string]));
      return { username, headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': decodeURIComponent(cookies.get('pingan_csrf') ?? '') } };
    })());
  }
  return sessions.get(username)!;
}

/** The demo account that acts for `a`: its own, else (a grid without an account) its town's leader, else the commander. */
async function sessionOf(a: Actor): Promise<Session> {
  const names = a.role === 'grid_worker' ? [...(gridAccounts.has(a.unit) ? [`grid-${a.unit}`] : []), `town-${a.unit.slice(0, 9)}`] : a.role === 'town_leader' ? [`town-${a.unit}`]
    : a.role === 'department_officer' ? [`dept-${a.unit}`] : [];
  for (const n of [...names, 'commander']) {
    const s = await logIn(n);
    if (s) return s;
  }
  throw new Error('cannot log in as the commander: is DEMO_PASSWORD the demo accounts\' password?');
}

/** A request as `as` (default: the commander); the server takes the actor from the session. */
async function call(method: 'GET' | 'POST', path: string, body?: unknown, as: Actor = COMMANDER): Promise<{ status: number; body: Json; by: string }> {
  const s = await sessionOf(as);
  const r = await fetchPatiently(URL_BASE + path, { method, headers: { ...s.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: r.status, body: (await r.json()) as Json, by: s.username };
}

const say = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const deptByName = (name: string) => DEPARTMENTS.find((d) => d.name === name)?.code ?? null;

/** Who handles a dispute now: its grid worker, its town's leader, or its department's officer. */
function handler(d: Json): Actor {
  if (rng.chance(0.05)) return COMMANDER;
  if (d.level === 'village') return { role: 'grid_worker', unit: d.grid.code };
  if (d.level === 'town') return { role: 'town_leader', unit: d.town.code };
  return { role: 'department_officer', unit: deptByName(d.handler_unit) ?? ROUTING[d.type as DisputeType][0] };
}

/** Reports at a point near a grid's label point; returns the new dispute's id (null when refused). */
async function report(grids: Json[]): Promise<number | null> {
  const g = rng.pick(grids);
  const [x, y] = g.geometry.coordinates as [number, number];
  const p: [number, number] = [x + rng.normal(0, 0.0015), y + rng.normal(0, 0.0012)];
  // Who is responsible at the jittered point (it may sit in the next grid, or outside the district).
  const here = await call('GET', `/api/responsible?lon=${p[0]}&lat=${p[1]}`);
  const at = here.status === 200 && here.body.grid ? p : [x, y];
  const gridCode = here.status === 200 && here.body.grid ? here.body.grid.properties.code : g.properties.code;
  const type = DISPUTE_TYPES[rng.weighted(DISPUTE_TYPES.map((t) => TYPE_WEIGHTS[t]))];
  const r = await call('POST', '/api/disputes', { geometry: { type: 'Point', coordinates: at }, type, summary: SUMMARIES[type] }, { role: 'grid_worker', unit: gridCode });
  if (r.status === 201) say(`report   ${r.body.code} ${DISPUTE_TYPE_LABELS[type].zh} in ${r.body.town.name} / ${r.body.village.name} / ${r.body.grid.code} by ${r.by}`);
  else say(`report refused (${r.status}): ${r.body.message}`);
  return r.status === 201 ? r.body.id : null;
}

async function advance(d: Json): Promise<void> {
  const actor = handler(d);
  const next: Record<string, () => Json> = {
    reported: () => ({ action: 'accept' }),
    escalated: () => ({ action: rng.chance(0.5) ? 'accept' : 'mediate' }),
    transferred: () => ({ action: 'accept' }),
    accepted: () => (d.level !== 'department' && rng.chance(d.level === 'village' ? 0.06 : 0.2) ? { action: 'escalate', note: '调解未果，上报' } : { action: 'mediate' }),
    mediating: () => (d.level !== 'department' && rng.chance(0.04) ? { action: 'escalate', note: '矛盾有激化倾向，上报' } : { action: 'resolve', outcome: rng.pick(OUTCOMES) }),
  };
  const step = next[d.status]?.();
  if (!step) return;
  const r = await call('POST', `/api/disputes/${d.id}/actions`, { ...step, version: d.version }, actor);
  if (r.status === 200) say(`${step.action.padEnd(8)} ${d.code} → ${r.body.dispute.status} at ${r.body.dispute.level} (${r.body.dispute.handler_unit}) by ${r.by}`);
  else say(`${step.action} ${d.code} refused (${r.status}): ${r.body.reason?.zh ?? r.body.message}`);
  if (r.status === 200 && step.action === 'escalate' && r.body.dispute.level === 'town' && rng.chance(0.6)) {
    const dept = rng.pick(ROUTING[d.type as DisputeType]);
    const t = await call('POST', '/api/transfers', { kind: 'assist', dispute_id: d.id, receiver: dept, message: `${d.summary}，商请协助办理` }, { role: 'town_leader', unit: d.town.code });
    if (t.status === 201) say(`assist   letter ${t.body.id}: ${d.town.name} → ${t.body.receiver.name} about ${d.code}`);
  }
}

async function prompt(d: Json): Promise<void> {
  // A department prompts about disputes of its own sector (the ones its officers can see).
  const dept = rng.pick(ROUTING[d.type as DisputeType]);
  const t = await call('POST', '/api/transfers', { kind: 'prompt', dispute_id: d.id, receiver: d.town.code, message: `接群众反映：${d.summary}，请属地调处并反馈` }, { role: 'department_officer', unit: dept });
  if (t.status === 201) say(`prompt   letter ${t.body.id}: ${t.body.sender.name} → ${d.town.name} about ${d.code}`);
}

async function answerLetter(): Promise<void> {
  const open = (await call('GET', '/api/transfers?status=open&limit=50')).body.transfers as Json[];
  if (!open?.length) return;
  const t = rng.pick(open);
  const action = t.status === 'sent' ? 'receive' : t.status === 'received' ? 'start' : 'done';
  const role = t.receiver.kind === 'town' ? 'town_leader' : 'department_officer';
  const r = await call('POST', `/api/transfers/${t.id}/actions`, { action, version: t.version }, { role, unit: t.receiver.code });
  say(r.status === 200 ? `${action.padEnd(8)} letter ${t.id} (${t.kind_label.zh}) by ${t.receiver.name} → ${r.body.transfer.status}` : `${action} letter ${t.id} refused: ${r.body.message}`);
}

async function main(): Promise<void> {
  const labels = (await call('GET', '/api/labels')).body.features as Json[];
  const grids = labels.filter((f) => f.properties.kind === 'grid');
  const firstOfTown = new Map<string, string>();
  for (const code of grids.map((g) => String(g.properties.code)).sort()) if (!firstOfTown.has(code.slice(0, 9))) firstOfTown.set(code.slice(0, 9), code);
  for (const code of firstOfTown.values()) gridAccounts.add(code);
  say(`simulating against ${URL_BASE}: ${grids.length} grids, ${RATE} step(s)/s, ${COUNT || '∞'} steps`);
  const mine: number[] = [];
  for (let n = 0; COUNT === 0 || n < COUNT; n++) {
    const t0 = Date.now();
    try {
      const roll = rng.next();
      if (roll < 0.35 || mine.length === 0) {
        const id = await report(grids);
        if (id !== null) mine.push(id);
      } else if (roll < 0.85) {
        const d = (await call('GET', `/api/disputes/${rng.pick(mine)}`)).body;
        if (d.status === 'resolved') mine.splice(mine.indexOf(d.id), 1);
        else if (rng.chance(0.08)) await prompt(d);
        else await advance(d);
      } else {
        await answerLetter();
      }
    } catch (e) {
      say(`error: ${(e as Error).message}`);
    }
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 / RATE - (Date.now() - t0))));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
