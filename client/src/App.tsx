/** The map screen: state in the URL, data from the API, the map in the middle and panels around it. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { actorOf, mayWrite } from '@domain/user-roles.ts';
import { api, bootConfig, bootRiskIndex, type AppConfig, type AreaParent, type AreaSummary, type RiskLevelName, type SearchHit, type SessionUserJson } from './api/endpoints.ts';
import { MapCanvas } from './map/MapCanvas.tsx';
import { AreaDrawOverlay } from './map/AreaDrawOverlay.tsx';
import { DrawBar, togglePicked, type BarTool, type PickedArea } from './views/area-report/DrawBar.tsx';
import { areaReports, type AreaReportJson, type DrawnArea } from './api/area-report-endpoints.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { RISK_BANDS, type RiskIndex } from './map/overlay-layers.ts';

/** The deepest zoom a drill-down fit may reach: just inside the band where the next kind down is picked. */
const FIT_MAX_ZOOM: Record<string, number> = { town: RISK_BANDS.villages[1] - 0.2, village: RISK_BANDS.grids[0] + 1.5, grid: 15.5 };
import { formatViewState, parseViewState, type LayerId, type ScreenState, type SelectionKind, type ViewState } from './state/url-state.ts';
import { useWorkflowOverlays } from './map/use-workflow-overlays.ts';
import { useHotspotClasses } from './map/use-hotspot-classes.ts';
import { InboxPanel } from './views/InboxPanel.tsx';
import { LiveTicker } from './views/LiveTicker.tsx';
import { ReportForm } from './views/ReportForm.tsx';
import { UserBadge } from './views/UserBadge.tsx';
import { useLive } from './views/use-live.ts';
import { AreaPanel } from './views/AreaPanel.tsx';
import { Breadcrumb } from './views/Breadcrumb.tsx';
import { DisputeCard } from './views/DisputeCard.tsx';
import { LayerPanel } from './views/LayerPanel.tsx';
import { SearchBox } from './views/SearchBox.tsx';
import { TimeControl } from './views/TimeControl.tsx';
import { LangContext } from './views/use-i18n.ts';
import { translate } from './i18n/strings.ts';

// The label points are requested as soon as the bundle runs (a logged-in page), not after React's
// first commit: they are part of the first map the user sees.
let earlyLabels: Promise<GeoJSON.FeatureCollection> | null = bootConfig() ? api.labels() : null;

// Charts, tables and reports load on first use: the map route stays small.
const LedgerScreen = lazy(() => import('./views/ledger/LedgerScreen.tsx'));
const AreaReportPanel = lazy(() => import('./views/area-report/AreaReportPanel.tsx'));

/** The map screen of a logged-in user: their role decides which write controls show (the server decides what they may do). */
export function App({ user }: { user: SessionUserJson }) {
  // The server writes the config into the page: the map can start on the first render.
  const [boot] = useState(() => bootConfig());
  // Decided once from the link that opened the page (the app rewrites the URL as the view moves).
  const [opensOnDistrict] = useState(() => !new URLSearchParams(location.search).has('c'));
  const [view, setView] = useState<ViewState>(() => {
    const v = parseViewState(location.search);
    // A town leader or grid worker opening the app without a view starts on their own town or grid.
    const own = opensOnDistrict && !v.selection && user.unit && (user.role === 'town_leader' || user.role === 'grid_worker')
      ? { kind: (user.role === 'town_leader' ? 'town' : 'grid') as SelectionKind, code: user.unit } : null;
    return { ...v, ...(own ? { selection: own } : {}), ...(boot && opensOnDistrict ? { center: boot.district.centre } : {}) };
  });
  const [config, setConfig] = useState<AppConfig | null>(boot);
  const [labels, setLabels] = useState<GeoJSON.FeatureCollection | null>(null);
  // The default period's levels come with the page: the first tiles are drawn in their colours.
  const [bootRisk] = useState(() => bootRiskIndex());
  const [risk, setRisk] = useState<RiskIndex>(() => (bootRisk && !view.from ? bootRisk.index : {}));
  const [trail, setTrail] = useState<AreaParent[]>([]);
  const [dispute, setDispute] = useState<number | null>(view.selection?.kind === 'dispute' ? Number(view.selection.code) : null);
  const [fitTo, setFitTo] = useState<{ bbox: [number, number, number, number]; nonce: number; maxZoom?: number } | null>(() => (boot && opensOnDistrict ? { bbox: boot.district.bbox, nonce: 1 } : null));
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Opening on one's own area: fit to it once its panel has loaded it.
  const pendingFit = useRef<string | null>(view.selection && view.selection.kind !== 'dispute' && opensOnDistrict ? view.selection.code : null);
  const t = (k: string) => translate(view.lang, k);
  const actor = actorOf(user);
  const writes = mayWrite(user.role);
  const [reportMode, setReportMode] = useState(false);
  const [reportPoint, setReportPoint] = useState<[number, number] | null>(null);
  const [inbox, setInbox] = useState(false);
  // Area reports: the drawing tool on, the map to draw over, the open report's outline.
  const [drawBar, setDrawBar] = useState(false);
  const [drawTool, setDrawTool] = useState<BarTool | null>(null);
  // Areas picked for a report (the 'pick' tool): outlined on the map instead of the selection.
  const [picked, setPicked] = useState<readonly PickedArea[]>([]);
  const picking = drawBar && drawTool === 'pick';
  const [mapObj, setMapObj] = useState<MapLibreMap | null>(null);
  // The open report, as the panel loaded it (or the save answered it): its outline is drawn over the map.
  const [openReport, setOpenReport] = useState<AreaReportJson | null>(null);
  const [savingReport, setSavingReport] = useState(false);
  const reports = user.role !== 'display';
  const live = useLive();
  const { flows, screening, screeningSets } = useWorkflowOverlays(view.layers, live.tick);
  const places = useMemo(() => {
    const of = (kind: string) => (labels?.features ?? []).filter((f) => f.properties!.kind === kind).map((f) => ({ code: String(f.properties!.code), name: String(f.properties!.name) }));
    return { towns: of('town'), grids: of('grid') };
  }, [labels]);

  useEffect(() => {
    // Without the config in the page (Vite dev server), fetch it; a link without a centre opens on the whole district.
    if (!boot) api.config().then((c) => {
      setConfig(c);
      if (opensOnDistrict) {
        setView((v) => ({ ...v, center: c.district.centre }));
        setFitTo({ bbox: c.district.bbox, nonce: Date.now() });
      }
    }, (e) => setError(e.message));
    const labels = earlyLabels ?? api.labels();
    earlyLabels = null;
    labels.then(setLabels, () => undefined);
  }, []);

  const period = useMemo(() => (view.from && view.to ? { from: view.from, to: view.to } : config?.default_period ?? null), [view.from, view.to, config]);
  const classes = useHotspotClasses(view.layers, period, live.tick);

  useEffect(() => {
    const timer = setTimeout(() => history.replaceState(null, '', `${location.pathname}?${formatViewState(view)}`), 250);
    document.documentElement.lang = view.lang === 'zh' ? 'zh-CN' : 'en';
    return () => clearTimeout(timer);
  }, [view]);

  useEffect(() => {
    if (!period) return;
    const ctrl = new AbortController();
    if (live.tick === 0 && bootRisk && bootRisk.from === period.from && bootRisk.to === period.to) return setRisk(bootRisk.index);
    const toIndex = (areas: { code: string; level: RiskLevelName }[]) => new Map(areas.map((a) => [a.code, a.level]));
    Promise.all((['town', 'village', 'grid'] as const).map((l) => api.risk(l, period, ctrl.signal)))
      .then(([towns, villages, grids]) => setRisk({ towns: toIndex(towns.areas), villages: toIndex(villages.areas), grids: toIndex(grids.areas) }))
      .catch((e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => ctrl.abort();
  }, [period?.from, period?.to, live.tick]);

  const select = useCallback((kind: SelectionKind | null, code?: string, fit = true) => {
    if (kind === 'dispute') { setDispute(Number(code)); setView((v) => ({ ...v, selection: { kind, code: code! } })); return; }
    setDispute(null);
    pendingFit.current = fit && code ? code : null;
    setView((v) => ({ ...v, selection: kind && code ? { kind, code } : null }));
    if (!kind) { setTrail([]); if (config && fit) setFitTo({ bbox: config.district.bbox, nonce: Date.now() }); }
  }, [config]);

  const onAreaLoaded = useCallback((a: AreaSummary) => {
    setTrail([...a.parents.filter((p) => p.kind !== 'district'), { kind: a.kind, code: a.code, name: a.name }]);
    // Fit within the zoom band of the selected kind, so a small subdistrict opens on its villages, not its grids.
    if (pendingFit.current === a.code) { setFitTo({ bbox: a.bbox, nonce: Date.now(), maxZoom: FIT_MAX_ZOOM[a.kind] }); pendingFit.current = null; }
  }, []);

  const onSearch = (h: SearchHit) => {
    const kind = (['town', 'village', 'grid'] as string[]).includes(h.kind) ? (h.kind as SelectionKind) : null;
    if (kind) return select(kind, h.code);
    const bbox = h.bbox ?? (h.point ? [h.point[0] - 0.004, h.point[1] - 0.003, h.point[0] + 0.004, h.point[1] + 0.003] as [number, number, number, number] : null);
    if (bbox) setFitTo({ bbox, nonce: Date.now() });
  };

  const setScreen = (screen: ScreenState | null) => setView((v) => ({ ...v, screen }));
  /** Saves an area report of the current period and opens it. */
  const makeReport = (body: { geometry?: DrawnArea; areas?: string[] }) => {
    setDrawTool(null); setSavingReport(true); setError(null);
    areaReports.save({ ...body, ...(period ?? {}) }, view.lang)
      .then((r) => { setOpenReport(r); setView((v) => ({ ...v, report: r.definition.id })); setDrawBar(false); setPicked([]); },
        (e) => setError(e.message))
      .finally(() => setSavingReport(false));
  };
  const toggle = (id: LayerId) => setView((v) => ({ ...v, layers: v.layers.includes(id) ? v.layers.filter((l) => l !== id) : [...v.layers, id] }));
  const area = view.selection && view.selection.kind !== 'dispute' ? view.selection.code : trail.length ? trail[trail.length - 1].code : null;
  const pickedCodes = useMemo(() => picked.map((a) => a.code), [picked]);
  const pickArea = (kind: SelectionKind, code: string) => {
    if (!picking) return select(kind, code);
    const name = labels?.features.find((f) => String(f.properties!.code) === code)?.properties!.name;
    setPicked((list) => togglePicked(list, { code, name: name ? String(name) : code }));
  };

  return (
    <LangContext.Provider value={view.lang}>
      <div className="app" data-testid="app">
        <header className="top-bar">
          <h1>{t('appTitle')} <small>{t('district')}</small></h1>
          <span className="synthetic" title={t('synthetic')}>{t('synthetic')}</span>
          <Breadcrumb trail={view.selection ? trail : []} onPick={(p) => (p ? select(p.kind as SelectionKind, p.code) : select(null))} />
          <SearchBox onPick={onSearch} />
          {writes && <button className={`report-button${reportMode ? ' on' : ''}`} data-testid="report-button" aria-pressed={reportMode}
            onClick={() => { setReportMode(!reportMode); setReportPoint(null); }}>{reportMode ? t('pickPlace') : t('reportDispute')}</button>}
          {actor && actor.role !== 'commander' && actor.role !== 'grid_worker' && <button data-testid="inbox-button" onClick={() => setInbox(!inbox)}>{t('letters')}</button>}
          {reports && <button data-testid="area-report-button" aria-pressed={drawBar} onClick={() => { setDrawBar(!drawBar); setDrawTool(null); setPicked([]); }}>{t('areaReport')}</button>}
          <button data-testid="ledger-button" onClick={() => setScreen(view.screen ? null : { tab: 'ledger', town: trail[0]?.code ?? null, month: null, quarter: null })}>{t('ledger')}</button>
          <UserBadge user={user} lang={view.lang} />
          <LiveTicker live={live} lang={view.lang} />
          <button className="lang" data-testid="lang" onClick={() => setView((v) => ({ ...v, lang: v.lang === 'zh' ? 'en' : 'zh' }))}>{t('language')}</button>
        </header>
        {error && <div className="error-bar" role="alert">{error}</div>}
        <main className="main">
          {/* The panel's space is kept while the map starts: laying it out (Chinese text, the legend's tables)
              is left to the next frame, so the map asks for its first tiles sooner (BENCHMARKS.md, issue 3). */}
          {config && !mapObj && <aside className="layer-panel" aria-busy="true" />}
          {config && mapObj && <LayerPanel config={config} layers={view.layers} mode={view.mode} lang={view.lang} basemap={view.basemap} onToggle={toggle}
            onMode={(mode) => setView((v) => ({ ...v, mode }))} onBasemap={(basemap) => setView((v) => ({ ...v, basemap }))} />}
          <div className="map-wrap">
            {config ? (
              <MapCanvas config={config} center={view.center} zoom={view.zoom} layers={view.layers} risk={risk} lang={view.lang} mode={view.mode}
                selected={picking ? pickedCodes : area} period={period} basemap={view.basemap} fitTo={fitTo} labels={labels} live={live.tick}
                flows={flows} screening={screeningSets} reportMode={reportMode} reportPoint={reportPoint}
                onReportAt={(at) => { setReportPoint(at); setReportMode(false); }}
                onMove={(center, zoom) => setView((v) => ({ ...v, center, zoom }))}
                onPickArea={pickArea} onPickDispute={(id) => select('dispute', String(id))} onMap={setMapObj} classes={classes} />
            ) : <div className="map-loading">{t('loading')}</div>}
            <AreaDrawOverlay map={mapObj} tool={drawTool === 'pick' ? null : drawTool} shown={view.report !== null && openReport?.definition.id === view.report ? openReport.definition.geometry.coordinates : null} onDone={(geometry) => makeReport({ geometry })}
              onCancel={() => setDrawTool(null)} />
            {drawBar && <DrawBar tool={drawTool} picked={picked} saving={savingReport} onTool={setDrawTool}
              onUnpick={(code) => setPicked((list) => list.filter((a) => a.code !== code))} onReportPicked={() => makeReport({ areas: pickedCodes })} />}
            {view.report !== null && (
              <Suspense fallback={<div className="screen-loading">{t('loading')}</div>}>
                <AreaReportPanel id={view.report} lang={view.lang} known={openReport} onLoaded={setOpenReport} onClose={() => setView((v) => ({ ...v, report: null }))} />
              </Suspense>
            )}
            {dispute !== null && <DisputeCard id={dispute} user={user} lang={view.lang} live={live.tick} onClose={() => { setDispute(null); setView((v) => ({ ...v, selection: null })); }} />}
            {reportPoint && <ReportForm point={reportPoint} lang={view.lang} onCancel={() => setReportPoint(null)}
              onDone={(d) => { setReportPoint(null); select('dispute', String(d.id)); }} />}
            {view.layers.includes('screening') && screening && <ScreeningSummary s={screening} t={t} />}
            {view.screen && (
              <Suspense fallback={<div className="screen-loading">{t('loading')}</div>}>
                <LedgerScreen lang={view.lang} towns={places.towns} state={view.screen} onState={setScreen} live={live.tick}
                  onPickDispute={(id) => { setScreen(null); select('dispute', String(id)); }} onPickTown={(c) => { setScreen(null); select('town', c); }} onClose={() => setScreen(null)} />
              </Suspense>
            )}
            {config && period && (
              <TimeControl range={{ from: config.data.first_month, to: config.data.last_month }} period={period} playing={playing} onPlaying={setPlaying}
                onPeriod={(p) => setView((v) => ({ ...v, from: p.from, to: p.to }))} />
            )}
          </div>
          {view.selection && view.selection.kind !== 'dispute' && (
            <AreaPanel code={view.selection.code} period={period} lang={view.lang} live={live.tick} onLoaded={onAreaLoaded}
              onClose={() => select(null, undefined, false)} onPickDispute={(id) => select('dispute', String(id))} onPickArea={(k, c) => select(k, c)}
              onAreaReport={reports ? (code) => makeReport({ areas: [code] }) : undefined} />
          )}
          {inbox && actor && <InboxPanel unit={actor.unit} lang={view.lang} live={live.tick} onPickDispute={(id) => select('dispute', String(id))} onClose={() => setInbox(false)} />}
        </main>
      </div>
    </LangContext.Provider>
  );
}


/** Today's check-ins in numbers, beside the screening layer. */
function ScreeningSummary({ s, t }: { s: { date: string; total: { grids: number; reported: number; silent: number; flagged: number; rate: number }; flag_days: number }; t: (k: string) => string }) {
  return (
    <div className="screening-summary" data-testid="screening-summary">
      <b>{t('screening')} · {s.date}</b> {t('reportedGrids')} {s.total.reported}/{s.total.grids} ({s.total.rate}%) · {t('silentGrids')} {s.total.silent} · {t('flaggedGrids').replace('{n}', String(s.flag_days))} {s.total.flagged}
    </div>
  );
}
