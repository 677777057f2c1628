/** Analysts' area reports: save one (an area drawn or picked, a period), reopen it, and its export links. */
import type { RiskLevelName } from './endpoints.ts';
import { getJson, postJson } from './http.ts';

export type DrawnArea =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'Circle'; center: [number, number]; radius_m: number };

export interface AreaReportJson {
  definition: {
    id: number; created_at: string; username: string; title: string | null; from: string; to: string; camera_m: number; area_km2: number;
    bbox: [number, number, number, number]; geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
  };
  period: { from: string; to: string };
  as_of: string;
  figures: {
    disputes: {
      total: number; by_type: Record<string, number>; by_status: Record<string, number>; by_level: Record<string, number>;
      by_month: { month: string; reported: number; resolved_in_month: number; resolution_rate: number | null }[];
      open: number; overdue: number; criminal_risk: number; repeat: number;
    };
    resolution: { found: number; resolved: number; resolved_in_month: number; resolution_rate: number | null; level_shares: Record<string, number | null> };
    coverage: { grids_touched: number; grids_inside: number; villages: number; towns: string[]; households: number; population: number };
    risk: Record<RiskLevelName, { grids: number; households: number }>;
    cameras: { within_m: number; covered: number; share: number | null; xueliang: { covered: number; share: number | null }; pingan: { covered: number; share: number | null } };
    hotspots: { hot: number; cold: number; by_class: Record<string, number> };
  };
}

export const areaReports = {
  save: (body: { geometry?: DrawnArea; areas?: string[]; from?: string; to?: string; title?: string }, lang: 'zh' | 'en') =>
    postJson<AreaReportJson>('/api/area-reports', body, lang),
  get: (id: number, signal?: AbortSignal) => getJson<AreaReportJson>(`/api/area-reports/${id}`, {}, signal),
  exportUrl: (id: number, ext: 'pdf' | 'csv' | 'geojson') => `/api/area-reports/${id}.${ext}`,
};
