/**
 * Generates the dispute ledger from 2019 (baseline) to the as-of date: where (denser in the city,
 * hotspots that appear, grow and fade), what type, who (synthetic parties), when it was reported and
 * resolved, at which level, and its status history. Volumes, monthly resolution rates and level
 * shares are drawn to exact quotas so the data reproduces dispute-targets.ts at any scale.
 */
import type { Rng } from './rng.ts';
import type { Geography, Grid } from './geography.ts';
import type { LonLat } from './places.ts';
import { createLocator } from './locate.ts';
import { samplePointsIn } from './partition-polygon.ts';
import { personName, phone, syntheticIdNumber } from './names.ts';
import { disputeOutcome, disputeSummary } from './dispute-text.ts';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON } from './geometry.ts';
import { FIRST_YEAR, MONTH_WEIGHTS, REPEAT_SHARE, annualDisputes, levelShares, monthlyResolutionRate } from './dispute-targets.ts';
import { CRIMINAL_RISK_SHARE, DISPUTE_TYPES, type DisputeType, type HandlingLevel } from '../domain/dispute-types.ts';
import { localMidnight, localMonthEnd, localYearMonth } from '../domain/local-time.ts';
import { buildHistory, type DisputeEvent } from './dispute-history.ts';
import { createHotspots, type Hotspot } from './hotspots.ts';

export interface Party { role: 'applicant' | 'respondent'; name: string; phone: string; id_number: string; address: string }
export interface Dispute {
  id: number; code: string; townCode: string; villageCode: string; gridCode: string; type: DisputeType;
  criminalRisk: boolean; status: string; level: HandlingLevel; reportedAt: Date; resolvedAt: Date | null; dueAt: Date;
  outcome: string | null; summary: string; parties: Party[]; partyKey: string; placeKey: string; repeatOf: number | null;
  handlerUnit: string; at: LonLat; events: DisputeEvent[];
}

const URBAN_MIX: Record<DisputeType, number> = { neighbour: 26, marriage_family: 20, housing_property: 22, land_boundary: 3, nuisance: 12, debt: 7, labour: 5, traffic: 3, other: 2 };
const RURAL_MIX: Record<DisputeType, number> = { neighbour: 31, marriage_family: 20, housing_property: 6, land_boundary: 24, nuisance: 6, debt: 5, labour: 4, traffic: 2, other: 2 };
const REPEATABLE = new Set<DisputeType>(['neighbour', 'land_boundary', 'marriage_family', 'nuisance', 'housing_property']);

export interface DisputeOptions { asOf: string; scale: number }

/** End (exclusive) of the as-of day, local time: the generated history stops there. */
export function asOfInstant(asOf: string): Date {
  const [y, m, d] = asOf.split('-').map(Number);
  return localMidnight(y, m, d + 1);
}

export function generateDisputes(geo: Geography, opts: DisputeOptions, rng: Rng): Dispute[] {
  const end = asOfInstant(opts.asOf);
  const [endY, endM, endD] = opts.asOf.split('-').map(Number);
  const loc = createLocator(geo.grids);
  const hotspots = createHotspots(geo, rng.fork('hotspots'));
  const cum = cumulative(geo.grids.map((g) => g.population * (g.kind === 'urban' ? 1.35 : 1)));
  const villageName = new Map(geo.villages.map((v) => [v.code, v.name]));
  const townName = new Map(geo.towns.map((t) => [t.code, t.name]));
  const gridByCode = new Map(geo.grids.map((g) => [g.code, g]));
  const r = rng.fork('disputes');
  const out: Dispute[] = [];
  const pool: Dispute[] = [];
  const chainLast = new Map<string, Dispute>();

  for (let y = FIRST_YEAR; y <= endY; y++) {
    const yearStart = out.length;
    for (let m = 1; m <= 12 && (y < endY || m <= endM); m++) {
      const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const lastDay = y === endY && m === endM ? endD : days;
      const expected = (annualDisputes(y) * MONTH_WEIGHTS[m - 1]) / MONTH_WEIGHTS.reduce((s, w) => s + w, 0);
      const n = Math.round(expected * opts.scale * (lastDay / days));
      const month: Dispute[] = [];
      const from = localMidnight(y, m, 1).getTime();
      for (let k = 0; k < n; k++) {
        const reportedAt = new Date(from + (r.int(0, lastDay - 1) * 24 + reportHour(r)) * 3_600_000 + r.int(0, 3599) * 1000);
        const root = y > FIRST_YEAR && r.chance(REPEAT_SHARE) ? pickRoot(pool, reportedAt, r) : null;
        month.push(root ? repeatOf(root, chainLast, reportedAt, loc, r) : fresh(geo, hotspots, cum, loc, reportedAt, r));
      }
      month.sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
      for (const d of month) {
        d.id = out.length + 1;
        d.code = `KT${y}${String(out.length - yearStart + 1).padStart(6, '0')}`;
        out.push(d);
        if (REPEATABLE.has(d.type)) pool.push(d);
        chainLast.set(d.placeKey + d.partyKey, d);
      }
    }
    resolveYear(out.slice(yearStart), y, end, r);
  }
  for (const d of out) {
    Object.assign(d, buildHistory(d, end, { village: villageName.get(d.villageCode)!, town: townName.get(d.townCode)! },
      d.gridCode, r));
    d.outcome = d.resolvedAt ? disputeOutcome(d.level, r) : null;
  }
  return out;
}

function reportHour(r: Rng): number {
  return r.weighted([1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 13, 10, 12, 14, 14, 12, 10, 8, 6, 4, 3, 2, 1]);
}

function cumulative(w: number[]): Float64Array {
  const c = new Float64Array(w.length);
  w.reduce((s, v, i) => (c[i] = s + v), 0);
  return c;
}

function pickCum(c: Float64Array, r: Rng): number {
  const x = r.next() * c[c.length - 1];
  let lo = 0, hi = c.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (c[mid] > x) hi = mid; else lo = mid + 1; }
  return lo;
}

function fresh(geo: Geography, hotspots: Hotspot[], cum: Float64Array, loc: ReturnType<typeof createLocator>, t: Date, r: Rng): Dispute {
  let grid: Grid | null = null, at: LonLat | null = null, type: DisputeType | null = null;
  const [y, m] = localYearMonth(t);
  const year = y + (m - 1) / 12;
  const weights = hotspots.map((h) => h.intensity(year));
  const hotShare = weights.reduce((s, w) => s + w, 0);
  if (r.chance(hotShare)) {
    const h = hotspots[r.weighted(weights)];
    for (let i = 0; i < 8 && !grid; i++) {
      const p: LonLat = [h.centre[0] + (r.normal(0, h.radiusKm / 2)) / KM_PER_DEG_LON, h.centre[1] + (r.normal(0, h.radiusKm / 2)) / KM_PER_DEG_LAT];
      grid = loc.gridAt(p);
      if (grid) at = p;
    }
    if (grid && r.chance(0.55)) type = h.type;
  }
  if (!grid) {
    grid = geo.grids[pickCum(cum, r)];
    at = samplePointsIn(grid.geom, 1, r)[0] ?? grid.centre;
  }
  const mix = grid.kind === 'urban' ? URBAN_MIX : RURAL_MIX;
  type ??= DISPUTE_TYPES[r.weighted(DISPUTE_TYPES.map((k) => mix[k]))];
  const village = geo.villages.find((v) => v.code === grid!.villageCode)!;
  const parties = [makeParty('applicant', village.name, grid, r), makeParty('respondent', village.name, grid, r)];
  const p = round(at!);
  return {
    id: 0, code: '', townCode: grid.townCode, villageCode: grid.villageCode, gridCode: grid.code, type,
    criminalRisk: r.chance(CRIMINAL_RISK_SHARE[type]), status: 'reported', level: 'village', reportedAt: t, resolvedAt: null,
    dueAt: t, outcome: null, summary: disputeSummary(type, r), parties, repeatOf: null, handlerUnit: '', at: p, events: [],
    partyKey: partyKey(parties), placeKey: `${grid.code}@${p[0].toFixed(4)},${p[1].toFixed(4)}`,
  };
}

function repeatOf(root: Dispute, chainLast: Map<string, Dispute>, t: Date, loc: ReturnType<typeof createLocator>, r: Rng): Dispute {
  const prev = chainLast.get(root.placeKey + root.partyKey) ?? root;
  let at: LonLat = root.at;
  for (let i = 0; i < 4; i++) {
    const p: LonLat = round([root.at[0] + r.range(-8, 8) / 1000 / KM_PER_DEG_LON, root.at[1] + r.range(-8, 8) / 1000 / KM_PER_DEG_LAT]);
    if (loc.gridAt(p)?.code === root.gridCode) { at = p; break; }
  }
  return { ...root, id: 0, code: '', reportedAt: t, resolvedAt: null, dueAt: t, status: 'reported', level: 'village', outcome: null,
    summary: `${root.summary}（此前曾调解，矛盾反复）`, repeatOf: prev.id, at, events: [],
    criminalRisk: root.criminalRisk || r.chance(CRIMINAL_RISK_SHARE[root.type]) };
}

/** An earlier dispute 2 to 36 months before t, between the same parties, to recur. */
function pickRoot(pool: Dispute[], t: Date, r: Rng): Dispute | null {
  const lo = t.getTime() - 36 * 30 * 86_400_000, hi = t.getTime() - 60 * 86_400_000;
  let a = 0, b = pool.length;
  while (a < b && pool[a].reportedAt.getTime() < lo) a++;
  while (b > a && pool[b - 1].reportedAt.getTime() > hi) b--;
  return b > a ? pool[r.int(a, b - 1)] : null;
}

function makeParty(role: Party['role'], villageName: string, grid: Grid, r: Rng): Party {
  const address = grid.kind === 'urban'
    ? `${villageName}${r.int(1, 40)}号楼${r.int(1, 6)}单元${r.int(1, 18)}0${r.int(1, 4)}室`
    : `${grid.name}${r.int(1, 120)}号`;
  return { role, name: personName(r), phone: phone(r), id_number: syntheticIdNumber(r, r.int(1950, 2002)), address };
}

function partyKey(parties: Party[]): string {
  const s = parties.map((p) => p.id_number).sort().join('|');
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const round = ([x, y]: LonLat): LonLat => [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];

/**
 * Resolution times and levels for one year's disputes, to exact quotas: round(n × (1 − rate)) are not
 * resolved within their month (the rest are); of those resolved, the level shares of levelShares().
 * Escalated ones are preferably the late ones (escalation takes time).
 */
function resolveYear(ds: Dispute[], year: number, end: Date, r: Rng): void {
  const monthEnd = localMonthEnd;
  const complete = ds.filter((d) => monthEnd(d.reportedAt) <= end);
  const isComplete = new Set(complete);
  const nLate = Math.round(complete.length * (1 - monthlyResolutionRate(year)));
  const late = new Set(r.shuffle([...complete]).slice(0, nLate));
  for (const d of ds) {
    const me = monthEnd(d.reportedAt).getTime();
    if (late.has(d)) {
      d.resolvedAt = new Date(me + r.range(1, 75) * 86_400_000);
    } else {
      const span = Math.min(r.range(0.05, 1) * -Math.log(1 - r.next() * 0.999) * 2.5 * 86_400_000, me - d.reportedAt.getTime() - 60_000);
      d.resolvedAt = new Date(d.reportedAt.getTime() + Math.max(10 * 60_000, span));
      if (!isComplete.has(d) && r.chance(0.003)) d.resolvedAt = new Date(me + r.range(1, 40) * 86_400_000);
    }
    if (d.resolvedAt > end) d.resolvedAt = null;
  }
  const resolved = ds.filter((d) => d.resolvedAt);
  const shares = levelShares(year);
  const nDept = Math.round(resolved.length * shares.department), nTown = Math.round(resolved.length * shares.town);
  const score = (d: Dispute) => (late.has(d) ? 1 : 0) + (d.criminalRisk ? 0.3 : 0) + (d.type === 'land_boundary' || d.type === 'labour' ? 0.2 : 0) + r.next();
  const ranked = resolved.map((d) => [score(d), d] as const).sort((a, b) => b[0] - a[0]).map(([, d]) => d);
  ranked.forEach((d, i) => (d.level = i < nDept ? 'department' : i < nDept + nTown ? 'town' : 'village'));
  for (const d of ds) if (!d.resolvedAt) d.level = late.has(d) && r.chance(0.5) ? 'town' : 'village';
}
