/**
 * The view a link reopens: centre, zoom, layers, selection, period, hotspot mode and language, kept in
 * the URL's query string. Pure: parse and format only; the app writes it with history.replaceState.
 */
export type Lang = 'zh' | 'en';
export type DisputeMode = 'clusters' | 'heatmap' | 'hexagons';
export type SelectionKind = 'town' | 'village' | 'grid' | 'dispute';
export interface Selection { kind: SelectionKind; code: string }

export const LAYER_IDS = ['towns', 'villages', 'grids', 'risk', 'disputes', 'cameras-xueliang', 'cameras-pingan', 'monitoring-rooms',
  'police-stations', 'police-workrooms', 'mediation-rooms', 'legal-stations', 'governance-centres', 'transfers', 'screening', 'hotspots', 'emerging'] as const;
export type LayerId = (typeof LAYER_IDS)[number];
export const DEFAULT_LAYERS: LayerId[] = ['towns', 'villages', 'grids', 'risk', 'disputes'];

export interface ViewState {
  center: [number, number];
  zoom: number;
  layers: LayerId[];
  selection: Selection | null;
  /** Inclusive month range YYYY-MM; null = the server's default period. */
  from: string | null;
  to: string | null;
  mode: DisputeMode;
  lang: Lang;
  /** Basemap id from /api/config (offline = our own data). */
  basemap: string;
  /** The ledger/ranking screen over the map, when open. */
  screen: ScreenState | null;
  /** A saved area report shown over the map (its id), when open. */
  report: number | null;
}

export interface ScreenState { tab: 'ledger' | 'ranking'; town: string | null; month: string | null; quarter: string | null }

export const DEFAULT_VIEW: ViewState = {
  center: [106.78, 35.52], zoom: 9.2, layers: DEFAULT_LAYERS, selection: null, from: null, to: null, mode: 'clusters', lang: 'zh', basemap: 'offline', screen: null, report: null,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CODE = /^[0-9]{1,18}$/;

/** Reads a view from a query string; anything malformed falls back to the default for that field. */
export function parseViewState(search: string, base: ViewState = DEFAULT_VIEW): ViewState {
  const q = new URLSearchParams(search);
  const v: ViewState = { ...base, layers: [...base.layers] };
  const c = q.get('c')?.split(',').map(Number);
  if (c && c.length === 2 && c.every(Number.isFinite) && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) v.center = [c[0], c[1]];
  const z = Number(q.get('z'));
  if (q.has('z') && Number.isFinite(z) && z >= 0 && z <= 22) v.zoom = z;
  if (q.has('l')) v.layers = (q.get('l') ?? '').split(',').filter((l): l is LayerId => (LAYER_IDS as readonly string[]).includes(l));
  const sel = q.get('sel')?.split(':');
  if (sel && sel.length === 2 && ['town', 'village', 'grid', 'dispute'].includes(sel[0]) && CODE.test(sel[1])) {
    v.selection = { kind: sel[0] as SelectionKind, code: sel[1] };
  }
  const from = q.get('from'), to = q.get('to');
  if (from && to && MONTH.test(from) && MONTH.test(to) && from <= to) { v.from = from; v.to = to; }
  const mode = q.get('mode');
  if (mode === 'clusters' || mode === 'heatmap' || mode === 'hexagons') v.mode = mode;
  const lang = q.get('lang');
  if (lang === 'zh' || lang === 'en') v.lang = lang;
  const b = q.get('b');
  if (b && /^[a-z0-9-]{1,40}$/.test(b)) v.basemap = b;
  const screen = q.get('screen');
  if (screen === 'ledger' || screen === 'ranking') {
    const town = q.get('town'), month = q.get('month'), quarter = q.get('quarter');
    v.screen = { tab: screen, town: town && /^\d{9}$/.test(town) ? town : null, month: month && MONTH.test(month) ? month : null,
      quarter: quarter && /^\d{4}Q[1-4]$/.test(quarter) ? quarter : null };
  }
  const report = q.get('report');
  if (report && /^[1-9][0-9]{0,14}$/.test(report)) v.report = Number(report);
  return v;
}

/** Writes a view as a query string (without '?'); stable field order so equal views give equal links. */
export function formatViewState(v: ViewState): string {
  const q = new URLSearchParams();
  q.set('c', `${v.center[0].toFixed(5)},${v.center[1].toFixed(5)}`);
  q.set('z', v.zoom.toFixed(2));
  q.set('l', v.layers.join(','));
  if (v.selection) q.set('sel', `${v.selection.kind}:${v.selection.code}`);
  if (v.from && v.to) { q.set('from', v.from); q.set('to', v.to); }
  if (v.mode !== 'clusters') q.set('mode', v.mode);
  if (v.lang !== 'zh') q.set('lang', v.lang);
  if (v.basemap !== 'offline') q.set('b', v.basemap);
  if (v.screen) {
    q.set('screen', v.screen.tab);
    for (const k of ['town', 'month', 'quarter'] as const) if (v.screen[k]) q.set(k, v.screen[k]!);
  }
  if (v.report !== null) q.set('report', String(v.report));
  return q.toString();
}
