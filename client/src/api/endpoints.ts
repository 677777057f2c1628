/** Typed calls to the server's map endpoints (shapes in README's API section). */
import { getJson } from './http.ts';

export type RiskLevelName = 'blue' | 'yellow' | 'orange' | 'red';
export interface Period { from: string; to: string }

export interface AppConfig {
  district: { code: string; name: string; bbox: [number, number, number, number]; center: [number, number] };
  dataRange: { from: string; to: string };
  defaultPeriod: Period;
  risk: { levels: { id: RiskLevelName; zh: string; en: string }[]; thresholds: unknown };
  basemaps: { id: string; kind: 'raster' | 'pmtiles'; title: { zh: string; en: string }; tiles?: string[]; url?: string; attribution?: string; overlay?: string[] }[];
}

export interface RiskArea { code: string; name: string; level: RiskLevelName; score: number }
export interface RiskReason { indicator: string; value: number; threshold: number | null; level: RiskLevelName; text: { zh: string; en: string } }
export interface RiskDispute { id: number; code: string; type: string; status: string; level: string; reported_at: string; due_at: string; criminal_risk: boolean; repeat_of: number | null; overdue: boolean }
export interface RiskExplanation {
  code: string; name: string; kind: string; level: RiskLevelName; score: number; reasons: RiskReason[];
  indicators: Record<string, number>; children: { code: string; name: string; level: RiskLevelName }[]; disputes: RiskDispute[];
}

export interface AreaParent { kind: string; code: string; name: string }
export interface AreaSummary {
  code: string; name: string; kind: string; parents: AreaParent[]; bbox: [number, number, number, number];
  households: number; population: number;
  contact?: { worker_name: string; worker_phone: string; worker_type: string; police_name: string; police_phone: string; cadre_name: string; cadre_phone: string };
  disputes: { byType: Record<string, number>; byStatus: Record<string, number>; open: { id: number; code: string; type: string; status: string; reported_at: string; due_at: string; overdue?: boolean }[] };
  cameras: { inside: Record<string, number>; nearest: { id: number; code: string; name: string; program: string; distance_m: number }[] };
}

export interface SearchHit { kind: string; code: string; name: string; parents?: string[]; bbox?: [number, number, number, number]; point?: [number, number] }

export interface DisputeContext {
  dispute: { id: number; code: string; type: string; status: string; level: string; reported_at: string; resolved_at: string | null; due_at: string; handler_unit: string; summary: string; criminal_risk: boolean; repeat_of: number | null; town_code: string; village_code: string; grid_code: string; lon?: number; lat?: number };
  history: { at: string; action: string; to_status: string; level: string; actor: string; note: string | null }[];
  cameras: { code: string; name: string; program: string; distance_m: number }[];
  mediationRoom: { code: string; name: string; distance_m: number } | null;
  policeWorkroom: { code: string; name: string; distance_m: number } | null;
}

export interface PointsResponse { fields: string[]; rows: (number | string | boolean)[][] }

type P = Partial<Period>;
export const api = {
  config: () => getJson<AppConfig>('/api/config'),
  risk: (level: 'grid' | 'village' | 'town', p: P, signal?: AbortSignal) => getJson<{ period: Period; areas: RiskArea[] }>('/api/risk', { level, ...p }, signal),
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
