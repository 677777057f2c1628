/**
 * The wall's options from its address: /wall?tour=20&refresh=60&stale=180&panel=map&lang=en.
 * Pure: tests and the page read the same rules. Out-of-range numbers fall back to the defaults.
 */
import type { Lang } from '../state/url-state.ts';

export const WALL_PANELS = ['all', 'map', 'indicators', 'ticker'] as const;
export type WallPanel = (typeof WALL_PANELS)[number];

export interface WallParams {
  /** Seconds each town stays on the map. */
  tourS: number;
  /** Seconds between refetches of the figures (live events bring them sooner, at most every `minRefreshS`). */
  refreshS: number;
  /** Seconds without a successful refresh after which the wall warns that its data is stale. */
  staleS: number;
  /** One part per screen on a multi-panel wall, or all of them. */
  panel: WallPanel;
  lang: Lang;
}

const num = (raw: string | null, min: number, max: number, fallback: number) => {
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : fallback;
};

export function parseWallParams(search: string): WallParams {
  const q = new URLSearchParams(search);
  const refreshS = num(q.get('refresh'), 5, 3600, 60);
  const panel = q.get('panel');
  return {
    tourS: num(q.get('tour'), 1, 3600, 20),
    refreshS,
    staleS: num(q.get('stale'), 10, 86_400, Math.max(180, refreshS * 3)),
    panel: (WALL_PANELS as readonly string[]).includes(panel ?? '') ? (panel as WallPanel) : 'all',
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
  };
}

/** Live events refetch the figures no more often than this (a burst of reports is one refetch). */
export const MIN_REFRESH_S = 10;
