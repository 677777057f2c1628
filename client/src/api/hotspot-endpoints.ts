/** Hotspot analytics: Gi* per grid and the emerging hot-spot classes of a period. */
import { getJson } from './http.ts';

export interface GiGrid { code: string; count: number; z: number; p: number; confidence: 0 | 90 | 95 | 99; class: 'hot' | 'cold' | 'none' }
export interface EmergingGrid { code: string; category: string; hot_bins: number; z: number[] }

export const hotspotsApi = {
  gi: (period: { from: string; to: string }, signal?: AbortSignal) => getJson<{ grids: GiGrid[] }>('/api/hotspots', period, signal),
  emerging: (period: { from: string; to: string }, signal?: AbortSignal) => getJson<{ bins: string[]; grids: EmergingGrid[] }>('/api/hotspots/emerging', period, signal),
};
