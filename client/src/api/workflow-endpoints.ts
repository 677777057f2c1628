/** The workflow API: report, act on a dispute, letters (提示函/协办函), flows, daily screening. The actor is the logged-in user (the server takes it from the session). */
import { getJson, postJson } from './http.ts';

export type Label = { zh: string; en: string };
export interface AllowedAction { action: string; ok: boolean; code: string | null; reason: Label | null }
export interface DisputeDetail {
  id: number; code: string; type: string; type_label: Label; status: string; level: string; version: number; criminal_risk: boolean; overdue: boolean;
  repeat_of: number | null; reported_at: string; resolved_at: string | null; due_at: string; handler_unit: string; summary: string; outcome: string | null;
  town: { code: string; name: string }; village: { code: string; name: string }; grid: { code: string; name: string }; lon: number; lat: number;
  card: 'yellow' | 'red' | null; actions?: AllowedAction[];
}
export interface Party { role: 'applicant' | 'respondent'; name: string | null; phone: string | null; id_number?: string | null; address: string | null }
export interface UnitRef { code: string; kind: 'town' | 'department' | string; name: string }
export interface Transfer {
  id: number; kind: 'prompt' | 'assist'; kind_label: Label; status: 'sent' | 'received' | 'in_progress' | 'done'; overdue: boolean;
  dispute: { id: number; code: string; type: string; status: string; town_code: string }; sender: UnitRef; receiver: UnitRef;
  message: string; reason: string | null; due_at: string; created_at: string; updated_at: string; done_at: string | null; version: number;
}
export interface ScreeningGrid { code: string; name: string; village_code: string; town_code: string; reported: boolean; quiet_reports: number; info_reports: number; silent_days: number; flagged: boolean }
export interface ScreeningTotals { grids: number; reported: number; silent: number; flagged: number; info_reports: number; rate: number }
export interface Screening {
  date: string; has_data: boolean; window_days: number; flag_days: number; total: ScreeningTotals;
  towns: ({ code: string; name: string } & ScreeningTotals)[]; grids: ScreeningGrid[];
}
export interface ReportDraft { point: [number, number]; type: string; summary: string; parties?: { role: 'applicant' | 'respondent'; name: string; phone?: string | null }[] }

export const workflow = {
  dispute: (id: number, signal?: AbortSignal) => getJson<DisputeDetail>(`/api/disputes/${id}`, {}, signal),
  /** The dispute with its parties (personal data: the server audits the read, and masks it for analysts). */
  parties: (id: number, signal?: AbortSignal) => getJson<DisputeDetail & { parties: Party[] | null }>(`/api/disputes/${id}`, { include: 'parties' }, signal),
  report: (d: ReportDraft, lang: 'zh' | 'en') =>
    postJson<DisputeDetail>('/api/disputes', { geometry: { type: 'Point', coordinates: d.point }, type: d.type, summary: d.summary, parties: d.parties ?? [] }, lang),
  act: (id: number, body: { action: string; note?: string | null; outcome?: string | null; to?: string | null; version?: number }, lang: 'zh' | 'en') =>
    // The answer carries the dispute as it now is, with this user's next actions.
    postJson<{ dispute: DisputeDetail; event: { seq: number; action: string; to_status: string } }>(`/api/disputes/${id}/actions`, body, lang),
  sendLetter: (body: { kind: 'prompt' | 'assist'; dispute_id: number; receiver: string; message: string }, lang: 'zh' | 'en') =>
    postJson<Transfer>('/api/transfers', body, lang),
  actOnLetter: (id: number, action: string, lang: 'zh' | 'en', note?: string) =>
    postJson<Transfer>(`/api/transfers/${id}/actions`, { action, ...(note ? { note } : {}) }, lang),
  letters: (unit: string, box: 'inbox' | 'outbox', signal?: AbortSignal) =>
    getJson<{ total: number; transfers: Transfer[] }>('/api/transfers', { unit, box, limit: 50 }, signal),
  flows: (signal?: AbortSignal) => getJson<GeoJSON.FeatureCollection<GeoJSON.LineString>>('/api/transfers/flows', {}, signal),
  screening: (date: string | null, signal?: AbortSignal) => getJson<Screening>('/api/screening', { date }, signal),
};
