/**
 * Typed calls to the reporting endpoints (一表一帐, resolution figures, 季通报排名, risk history) and the
 * URLs of the files the browser downloads itself (ledger CSV, supervision PDF). Row and ranking shapes
 * are the server's own domain types (type-only imports: nothing of the server reaches the bundle).
 */
import type { LedgerRow, LedgerSortField } from '@domain/ledger-rows.ts';
import type { LedgerStats } from '@domain/ledger-stats.ts';
import type { Ranked } from '@domain/ranking.ts';
import type { ResolutionCounts } from '@domain/resolution-rate.ts';
import type { RiskLevel } from '@domain/risk-levels.ts';
import { getJson } from './http.ts';

export type { LedgerRow, LedgerSortField, LedgerStats, Ranked, RiskLevel };

type Params = Record<string, string | number | null | undefined>;

/** path?query with the empty parameters left out (as getJson sends them). */
export function withQuery(path: string, params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  return q.size ? `${path}?${q}` : path;
}

export interface LedgerParams {
  town: string; month?: string | null; status?: string | null; type?: string | null; level?: string | null;
  sort?: LedgerSortField | null; order?: 'asc' | 'desc' | null;
}

export interface LedgerResponse {
  town: { code: string; name: string }; month: string; as_of: string; current: boolean; stats: LedgerStats;
  total: number; limit: number | null; offset: number; sort: LedgerSortField; order: 'asc' | 'desc'; rows: LedgerRow[];
}

export type RatedCounts = ResolutionCounts & { resolution_rate: number | null; level_shares: Record<'village' | 'town' | 'department', number | null> };
export interface ResolutionResponse {
  from: string; to: string; town: { code: string; name: string } | null; months: (RatedCounts & { month: string })[]; total: RatedCounts;
}

export interface RankingMeta { quarter: string; from: string; to: string; of: 'towns' | 'departments'; complete: boolean; bottom: number }
export type RankingResponse = RankingMeta & { units: Ranked[] };
export type RankingGeoJson = GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon | null, Ranked> & { ranking: RankingMeta };

export interface RiskHistoryMonth {
  month: string; level: RiskLevel; score: number; reasons: { indicator: string; level: RiskLevel; text: { zh: string; en: string } }[];
  counts: Record<string, number>;
}
export interface RiskHistoryResponse {
  from: string; to: string; code: string; name: string; kind: string; months: RiskHistoryMonth[];
  trend: { trend: 'rising' | 'falling' | 'steady'; early_mean_score: number; recent_mean_score: number; score_change: number; level_change: number; text: { zh: string; en: string } };
}

const ledgerQuery = (p: LedgerParams): Params => ({ town: p.town, month: p.month, status: p.status, type: p.type, level: p.level, sort: p.sort, order: p.order });

export const reportApi = {
  ledger: (p: LedgerParams, signal?: AbortSignal) => getJson<LedgerResponse>('/api/ledger', ledgerQuery(p), signal),
  /** The same selection as CSV (UTF-8 with BOM, for Excel/WPS). */
  ledgerCsvUrl: (p: LedgerParams) => withQuery('/api/ledger.csv', ledgerQuery(p)),
  supervisionPdfUrl: (town: string, month: string | null) => withQuery(`/api/reports/supervision/${encodeURIComponent(town)}.pdf`, { month }),
  /** Monthly resolution rate per month; the district's when `town` is null. */
  resolution: (from: string, to: string, town: string | null, signal?: AbortSignal) =>
    getJson<ResolutionResponse>('/api/stats/resolution', { from, to, town }, signal),
  ranking: (quarter: string | null, of: 'towns' | 'departments', signal?: AbortSignal) => getJson<RankingResponse>('/api/ranking', { quarter, of }, signal),
  rankingMap: (quarter: string | null, signal?: AbortSignal) => getJson<RankingGeoJson>('/api/ranking', { quarter, of: 'towns', f: 'geojson' }, signal),
  riskHistory: (code: string, from: string, to: string, signal?: AbortSignal) =>
    getJson<RiskHistoryResponse>(`/api/risk/${encodeURIComponent(code)}/history`, { from, to }, signal),
};
