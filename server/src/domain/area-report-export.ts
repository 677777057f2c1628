/**
 * The exports of an area report that are plain data: the disputes inside as CSV (opens in Excel and
 * WPS: domain/csv.ts) and the area with its disputes as GeoJSON. Neither carries personal data: no
 * parties, no free text, no staff contacts.
 */
import { toCsv, type CsvCell } from './csv.ts';
import { DISPUTE_STATUS_LABELS, DISPUTE_TYPE_LABELS, HANDLING_LEVEL_LABELS, type DisputeStatus, type DisputeType, type HandlingLevel } from './dispute-types.ts';
import { localDateTime } from './local-time.ts';

export interface ExportDispute {
  id: number; code: string; type: string; status: string; level: string; reported_at: string; resolved_at: string | null; due_at: string;
  overdue: boolean; criminal_risk: boolean; repeat: boolean; near_camera: boolean; town_code: string; town_name: string; village_code: string;
  village_name: string; grid_code: string; grid_name: string; handler_unit: string; lon: number; lat: number;
}

export const AREA_REPORT_CSV_HEADER = ['编号', '类型', '状态', '办理层级', '上报时间', '化解时间', '办理时限', '超期', '民转刑风险', '重复纠纷',
  '附近有视频', '乡镇（街道）', '村（社区）', '网格', '网格编码', '承办单位', '经度', '纬度'] as const;

const yes = (b: boolean) => (b ? '是' : '否');
const when = (iso: string | null) => (iso ? localDateTime(new Date(iso)) : '');

export function areaReportCsv(rows: readonly ExportDispute[]): string {
  return toCsv(AREA_REPORT_CSV_HEADER, rows.map((d): CsvCell[] => [
    d.code, DISPUTE_TYPE_LABELS[d.type as DisputeType]?.zh ?? d.type, DISPUTE_STATUS_LABELS[d.status as DisputeStatus]?.zh ?? d.status,
    HANDLING_LEVEL_LABELS[d.level as HandlingLevel]?.zh ?? d.level, when(d.reported_at), when(d.resolved_at), when(d.due_at),
    yes(d.overdue), yes(d.criminal_risk), yes(d.repeat), yes(d.near_camera), d.town_name, d.village_name, d.grid_name, d.grid_code, d.handler_unit, d.lon, d.lat,
  ]));
}

/** The area (first feature, kind "area", with the report's definition) and each dispute inside as a point. */
export function areaReportGeoJson(area: { geometry: unknown; properties: Record<string, unknown> }, rows: readonly ExportDispute[]) {
  return {
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, id: 'area', geometry: area.geometry, properties: { kind: 'area', ...area.properties } },
      ...rows.map((d) => ({
        type: 'Feature' as const, id: d.id, geometry: { type: 'Point' as const, coordinates: [d.lon, d.lat] },
        properties: { kind: 'dispute', code: d.code, type: d.type, status: d.status, level: d.level, reported_at: d.reported_at, resolved_at: d.resolved_at,
          due_at: d.due_at, overdue: d.overdue, criminal_risk: d.criminal_risk, repeat: d.repeat, near_camera: d.near_camera,
          town_code: d.town_code, village_code: d.village_code, grid_code: d.grid_code },
      })),
    ],
  };
}
