/** Typed calls to the server's map endpoints (shapes in README's API section). */
import type { UserRole } from '@domain/user-roles.ts';
import { getJson } from './http.ts';

export type RiskLevelName = 'blue' | 'yellow' | 'orange' | 'red';
export interface Period { from: string; to: string }

export interface AppConfig {
  district: { code: string; name: string; bbox: [number, number, number, number]; centre: [number, number] };
  data: { first_month: string; last_month: string };
  default_period: Period;
  risk: { levels: { id: RiskLevelName; name: { zh: string; en: string }; colour: string }[]; indicators: { id: string; name: { zh: string; en: string } }[];
    thresholds: { indicators: Record<string, { yellow: number | null; orange: number | null; red: number | null }> } & Record<string, unknown> };
  basemaps: Basemap[];
  /** Vector tile templates by layer (path relative to the origin), so the map needs no TileJSON first. */
  tiles?: Record<string, { path: string; minzoom: number; maxzoom: number }>;
}

/**
 * The config the server wrote into index.html (script#pingan-bootstrap), so the map can start before
 * any request; null when the page came without it (Vite dev server, or the server could not read it).
 */
export function bootConfig(): AppConfig | null {
  return bootData()?.config ?? null;
}

type RiskLevels = Record<'town' | 'village' | 'grid', Record<string, RiskLevelName>>;
interface BootData { config?: AppConfig; risk?: { from: string; to: string; levels: RiskLevels } | null; user?: SessionUserJson }

/** The logged-in user as the server shows it (GET /api/auth/me, and inside index.html). */
export interface SessionUserJson {
  username: string; display_name: string; role: UserRole; role_label: { zh: string; en: string }; unit: string | null; unit_name: string | null;
}

/** The user the page was served to; null without the start-up data (anonymous, or the Vite dev server). */
export function bootUser(): SessionUserJson | null {
  return bootData()?.user ?? null;
}

let parsedBoot: BootData | null | undefined;

/** The page's bootstrap JSON, parsed once (the user, the config and the risk levels all come from it). */
function bootData(): BootData | null {
  if (parsedBoot !== undefined) return parsedBoot;
  const el = typeof document === 'undefined' ? null : document.getElementById('pingan-bootstrap');
  try { parsedBoot = el?.textContent ? (JSON.parse(el.textContent) as BootData) : null; } catch { parsedBoot = null; }
  return parsedBoot;
}

/** The default period's levels written into the page, as the map's risk index; null without them. */
export function bootRiskIndex(): { from: string; to: string; index: Partial<Record<'towns' | 'villages' | 'grids', Map<string, RiskLevelName>>> } | null {
  const r = bootData()?.risk;
  if (!r) return null;
  const map = (o: Record<string, RiskLevelName>) => new Map(Object.entries(o));
  return { from: r.from, to: r.to, index: { towns: map(r.levels.town), villages: map(r.levels.village), grids: map(r.levels.grid) } };
}

export type Basemap =
  | { id: 'offline'; kind: 'vector'; name: { zh: string; en: string } }
  | { id: string; kind: 'raster'; name: { zh: string; en: string }; layers: { tiles: string[]; tileSize: number; minzoom: number; maxzoom: number; attribution: string }[] }
  | { id: string; kind: 'pmtiles'; name: { zh: string; en: string }; url: string };

export interface RiskArea { code: string; name: string; level: RiskLevelName; score: number }
export interface RiskReason { indicator: string; value: number; threshold: number | null; level: RiskLevelName; text: { zh: string; en: string } }
export interface RiskDispute { id: number; code: string; type: string; status: string; level: string; reported_at: string; due_at: string; criminal_risk: boolean; repeat_of: number | null; open: boolean; overdue: boolean; repeat: boolean }
export interface RiskExplanation {
  code: string; name: string; kind: string; level: RiskLevelName; score: number; reasons: RiskReason[];
  indicators: Record<string, { value: number; level: RiskLevelName }>; children: { code: string; name: string; level: RiskLevelName; score: number }[]; disputes: RiskDispute[]; disputes_total: number;
}

export interface AreaParent { kind: string; code: string; name: string }
/** A staff contact: null name and phone for a wall display, masked for an analyst (domain/personal-data.ts). */
export interface Person { name: string | null; phone: string | null; type?: string }
export interface AreaSummary {
  code: string; name: string; kind: string; subkind?: string; parents: AreaParent[]; bbox: [number, number, number, number];
  households: number; population: number;
  contact: { grid_worker: Person; police: Person; cadre: Person } | null;
  disputes: { total: number; by_type: Record<string, number>; by_status: Record<string, number> };
  open_disputes: { total: number; items: { id: number; code: string; type: string; status: string; reported_at: string; due_at: string; overdue?: boolean }[] };
  cameras: { total: number; by_program: Record<string, number>; nearest: { id: number; code: string; name: string; program: string; distance_m: number }[] };
}

export interface SearchHit { kind: string; code: string; name: string; parents?: string[]; bbox?: [number, number, number, number]; point?: [number, number] }

export interface NearPlace { code: string; name: string; distance_m: number; program?: string }
export interface DisputeContext {
  dispute: { id: number; code: string; type: string; status: string; level: string; reported_at: string; resolved_at: string | null; due_at: string;
    handler_unit: string; summary: string; outcome: string | null; criminal_risk: boolean; overdue: boolean; repeat_of: number | null; lon: number; lat: number };
  history: { seq: number; at: string; action: string; to_status: string; level: string; actor: string; note: string | null }[];
  nearest: { cameras: NearPlace[]; mediation_room: NearPlace | null; police_workroom: NearPlace | null };
}

export interface PointsResponse { fields: string[]; rows: (number | string | boolean)[][] }

type P = Partial<Period>;
export const api = {
  config: () => getJson<AppConfig>('/api/config'),
  risk: (level: 'grid' | 'village' | 'town' | 'district', p: P, signal?: AbortSignal) => getJson<{ period: Period; areas: RiskArea[] }>('/api/risk', { level, ...p }, signal),
  explain: (code: string, p: P, signal?: AbortSignal) => getJson<RiskExplanation>(`/api/risk/${encodeURIComponent(code)}`, { ...p }, signal),
  area: (code: string, p: P, signal?: AbortSignal) => getJson<AreaSummary>(`/api/areas/${encodeURIComponent(code)}`, { ...p }, signal),
  search: (q: string, signal?: AbortSignal) => getJson<{ results: SearchHit[] }>('/api/search', { q }, signal),
  disputeContext: (id: number | string, signal?: AbortSignal) => getJson<DisputeContext>(`/api/disputes/${encodeURIComponent(String(id))}/context`, {}, signal),
  disputeClusters: (bbox: number[], zoom: number, p: P, signal?: AbortSignal) =>
    getJson<GeoJSON.FeatureCollection>('/api/disputes/clusters', { bbox: bbox.map((v) => v.toFixed(5)).join(','), zoom: Math.floor(zoom), ...p }, signal),
  disputePoints: (p: P, signal?: AbortSignal) => getJson<PointsResponse>('/api/disputes/points', { ...p }, signal),
  cameraClusters: (bbox: number[], zoom: number, program: string, signal?: AbortSignal) =>
    getJson<GeoJSON.FeatureCollection>('/api/cameras/clusters', { bbox: bbox.map((v) => v.toFixed(5)).join(','), zoom: Math.floor(zoom), program }, signal),
  labels: () => getJson<GeoJSON.FeatureCollection>('/api/labels'),
};
