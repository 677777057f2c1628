/**
 * The command-centre wall (/wall): a full-screen dark page of big figures, the four-colour map touring
 * the towns by risk (highest first) with the hot spots, and a ticker of live activity. Unattended for
 * days: the map is created once (MapCanvas), refreshes reuse one timer, the ticker is bounded, and the
 * live stream reconnects by itself. `?panel=map|indicators|ticker` shows one part per screen of a
 * multi-panel wall; `?tour=` seconds per town, `?refresh=` and `?stale=` seconds, `?lang=en`.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, bootConfig, type AppConfig, type SessionUserJson } from '../api/endpoints.ts';
import { MapCanvas } from '../map/MapCanvas.tsx';
import { useHotspotClasses } from '../map/use-hotspot-classes.ts';
import { GI_STYLE } from '../map/hotspot-layers.ts';
import type { LayerId } from '../state/url-state.ts';
import { wallT } from '../i18n/wall-strings.ts';
import { parseWallParams } from './wall-params.ts';
import { useTourStep } from './use-tour.ts';
import { useWallData } from './use-wall-data.ts';
import { tickerRows, useWallLive } from './use-wall-live.ts';
import { WallIndicators } from './WallIndicators.tsx';
import { WallSide } from './WallSide.tsx';
import { WallStatus } from './WallStatus.tsx';
import type { WallSummary } from './wall-api.ts';
import './wall.css';

const LAYERS: LayerId[] = ['towns', 'villages', 'grids', 'risk', 'hotspots'];
const NO_OP = () => undefined;
/** A town's fit stays within the villages' band of the risk colours. */
const TOUR_MAX_ZOOM = 12.5;

export default function WallScreen({ user }: { user: SessionUserJson }) {
  const [params] = useState(() => parseWallParams(location.search));
  const lang = params.lang;
  const t = (k: string) => wallT(lang, k);
  const [config, setConfig] = useState<AppConfig | null>(() => bootConfig());
  const [labels, setLabels] = useState<GeoJSON.FeatureCollection | null>(null);
  const { data, requestRefresh } = useWallData(params.refreshS);
  const live = useWallLive(requestRefresh);
  const s = data.summary;
  // The latest events as the first summary had them: the ticker's rows below the live ones.
  const [firstRecent, setFirstRecent] = useState<WallSummary['recent'] | null>(null);
  useEffect(() => { if (s && !firstRecent) setFirstRecent(s.recent); }, [s]);
  const tickerItems = useMemo(() => tickerRows(live.items, firstRecent), [live.items, firstRecent]);
  const tour = s?.tour ?? [];
  const step = useTourStep(params.tourS, tour.length);
  const town = tour.length ? tour[step % tour.length] : null;
  const period = useMemo(() => (s ? { from: s.risk.period.from, to: s.risk.period.to } : null), [s?.risk.period.from, s?.risk.period.to]);
  // Hot spots refetch with the figures (not on every event): the version bumps at most every MIN_REFRESH_S.
  const classes = useHotspotClasses(LAYERS, period, data.version);
  const townNames = useMemo(() => new Map(tour.map((x) => [x.code, x.name])), [s]);
  const fitTo = useMemo(() => (town ? { bbox: town.bbox, nonce: step + 1, maxZoom: TOUR_MAX_ZOOM } : null), [town?.code, step]);
  const showMap = params.panel === 'all' || params.panel === 'map';
  const mapZoom = useMapZoom();

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('wallTitle');
    if (!config) api.config().then(setConfig, NO_OP);
    if (showMap) api.labels().then(setLabels, NO_OP);
  }, []);

  return (
    <div className="wall" data-testid="wall" data-panel={params.panel} data-role={user.role} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="wall-head" data-testid="wall-head">
        <h1>{t('wallTitle')} <small>{t('wallDistrict')}</small></h1>
        <span className="wall-synthetic">{t('synthetic')}</span>
        <WallStatus lastOk={data.lastOk} lastEvent={live.lastEventAt} connected={live.connected} failing={data.failing} staleS={params.staleS} lang={lang} />
      </header>
      <main className="wall-body">
        {(params.panel === 'all' || params.panel === 'indicators') && <WallIndicators s={s} lang={lang} />}
        {showMap && (
          <section className="wall-map" data-testid="wall-map">
            <div className="wall-map-scale" style={{ zoom: mapZoom }}>
            {config && (
              <MapCanvas config={config} center={config.district.centre} zoom={9} layers={LAYERS} risk={data.risk} selected={town?.code ?? null} lang={lang}
                mode="clusters" period={period} basemap="offline" fitTo={fitTo} labels={labels} flows={null} screening={null} live={data.version}
                reportMode={false} reportPoint={null} onReportAt={NO_OP} onMove={NO_OP} onPickArea={NO_OP} onPickDispute={NO_OP} classes={classes} theme="dark" />
            )}
            </div>
            {town && <div className="wall-map-title" data-testid="wall-map-town">{town.name}</div>}
            <div className="wall-legend" data-testid="wall-legend">
              <ul>
                {(['red', 'orange', 'yellow', 'blue'] as const).map((l) => <li key={l}><i className={`chip lv-bg-${l}`} />{t(`level_${l}`)}</li>)}
                {period && <li className="wall-period">{t('riskPeriod')} {period.from}–{period.to}</li>}
              </ul>
              {/* The Gi* hot spots share the map's reds: named here with their marks, so they are not read as risk levels. */}
              <ul>
                <li className="wall-period">{t('hotspotsLegend')}</li>
                {(['hot99', 'hot95', 'hot90'] as const).map((k) => <li key={k}><i className="chip" style={{ background: GI_STYLE[k].colour }} />{GI_STYLE[k].mark[lang]}</li>)}
              </ul>
            </div>
          </section>
        )}
        {(params.panel === 'all' || params.panel === 'ticker') && <WallSide tour={tour} step={step} items={tickerItems} townNames={townNames} lang={lang} />}
      </main>
    </div>
  );
}

/**
 * MapLibre draws its labels and lines in CSS pixels: on a 4K wall at a device pixel ratio of 1 they
 * would be half the size they are at 1080p. The map's box is zoomed by height ÷ 1080 (in quarter
 * steps), so a label is as readable from across the room at 3840×2160 as at 1920×1080.
 */
function useMapZoom(): number {
  const of = () => Math.max(1, Math.round((window.innerHeight / 1080) * 4) / 4);
  const [zoom, setZoom] = useState(of);
  useEffect(() => {
    const on = () => setZoom(of());
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return zoom;
}
