/** The wall's reads: its summary (GET /api/wall/summary) and the four-colour levels (GET /api/risk). */
import { api, type RiskLevelName } from '../api/endpoints.ts';
import { getJson } from '../api/http.ts';
import type { RiskIndex } from '../map/overlay-layers.ts';

export interface WallTown { code: string; name: string; level: RiskLevelName; score: number; bbox: [number, number, number, number] }
type Levels = Record<RiskLevelName, number>;
export interface WallSummary {
  as_of: string; date: string;
  counts: { reported_today: number; open: number; overdue: number };
  month: { month: string; found: number; resolved_in_month: number; resolved: number; resolution_rate: number | null; level_shares: { village: number | null; town: number | null; department: number | null } };
  risk: { period: { from: string; to: string }; towns: Levels; villages: Levels; grids: Levels };
  tour: WallTown[];
  /** The latest dispute events, newest first (the ticker's rows before live ones arrive). */
  recent: { id: number; at: string; code: string; town_code: string; action: string; status: string }[];
}

export const wallApi = {
  summary: (signal?: AbortSignal) => getJson<WallSummary>('/api/wall/summary', {}, signal),
  /** The map's risk index of the period: one list per kind of area. */
  async risk(period: { from: string; to: string }, signal?: AbortSignal): Promise<RiskIndex> {
    const [towns, villages, grids] = await Promise.all((['town', 'village', 'grid'] as const).map((l) => api.risk(l, { from: period.from, to: period.to }, signal)));
    const index = (a: { code: string; level: RiskLevelName }[]) => new Map(a.map((x) => [x.code, x.level]));
    return { towns: index(towns.areas), villages: index(villages.areas), grids: index(grids.areas) };
  },
};

/** Whether two risk indexes hold the same levels (so an unchanged refresh does not restyle the map). */
export function sameRisk(a: RiskIndex, b: RiskIndex): boolean {
  for (const k of ['towns', 'villages', 'grids'] as const) {
    const x = a[k], y = b[k];
    if (!x || !y || x.size !== y.size) return false;
    for (const [code, level] of x) if (y.get(code) !== level) return false;
  }
  return true;
}
