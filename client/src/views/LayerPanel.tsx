/** Layer toggles, the dispute display mode, and the legend (four colours with their marks and names). */
import type { AppConfig } from '../api/endpoints.ts';
import { LAYER_IDS, type DisputeMode, type LayerId } from '../state/url-state.ts';
import { RISK_COLOURS, RISK_NAMES, RISK_LEVELS, RISK_MARKS } from '../map/risk-colours.ts';
import { CLUSTER_COLOURS, FACILITY_STYLE } from '../map/overlay-layers.ts';
import { FLOW_COLOURS, SCREENING_COLOURS } from '../map/workflow-layers.ts';
import { EMERGING_STYLE, GI_STYLE } from '../map/hotspot-layers.ts';
import { useT } from './use-i18n.ts';

interface Props {
  config: AppConfig; layers: LayerId[]; mode: DisputeMode; lang: 'zh' | 'en'; basemap: string;
  onToggle: (id: LayerId) => void; onMode: (m: DisputeMode) => void; onBasemap: (id: string) => void;
}

const swatch = (id: LayerId): string => (FACILITY_STYLE as Record<string, { color: string }>)[id]?.color
  ?? (CLUSTER_COLOURS as Record<string, string>)[id] ?? (id === 'risk' ? RISK_COLOURS.red : id === 'transfers' ? FLOW_COLOURS.sent
    : id === 'screening' ? SCREENING_COLOURS.reported : id === 'hotspots' ? GI_STYLE.hot99.colour : id === 'emerging' ? EMERGING_STYLE.intensifying.colour : '#6b7066');

export function LayerPanel({ config, layers, mode, lang, basemap, onToggle, onMode, onBasemap }: Props) {
  const t = useT();
  return (
    <aside className="layer-panel" aria-label={t('layers')}>
      <h2>{t('layers')}</h2>
      <ul className="layer-list">
        {LAYER_IDS.map((id) => (
          <li key={id}>
            <label>
              <input type="checkbox" data-layer={id} checked={layers.includes(id)} onChange={() => onToggle(id)} />
              <span className="swatch" style={{ background: swatch(id) }} />
              {t(id)}
            </label>
          </li>
        ))}
      </ul>
      <fieldset className="mode" disabled={!layers.includes('disputes')}>
        <legend>{t('hotspotMode')}</legend>
        {(['clusters', 'heatmap', 'hexagons'] as const).map((m) => (
          <label key={m}><input type="radio" name="mode" data-mode={m} checked={mode === m} onChange={() => onMode(m)} />{t(m)}</label>
        ))}
      </fieldset>
      {config.basemaps.length > 1 && (
        <label className="basemap">{t('basemap')}{' '}
          <select value={basemap} onChange={(e) => onBasemap(e.target.value)} data-testid="basemap">
            {config.basemaps.map((b) => <option key={b.id} value={b.id}>{b.name[lang]}</option>)}
          </select>
        </label>
      )}
      {layers.includes('transfers') && (
        <ul className="legend small" data-testid="legend-transfers">
          {(Object.keys(FLOW_COLOURS) as (keyof typeof FLOW_COLOURS)[]).map((k) => (
            <li key={k}><span className={`legend-line${k === 'overdue' ? ' dashed' : ''}`} style={{ borderColor: FLOW_COLOURS[k] }} />▶ {t(`flow${k}`)}</li>
          ))}
        </ul>
      )}
      {layers.includes('screening') && (
        <ul className="legend small" data-testid="legend-screening">
          {(Object.keys(SCREENING_COLOURS) as (keyof typeof SCREENING_COLOURS)[]).map((k) => (
            <li key={k}><span className={k === 'flagged' ? 'legend-line thick' : 'legend-swatch'} style={k === 'flagged' ? { borderColor: SCREENING_COLOURS[k] } : { background: SCREENING_COLOURS[k] }} />{t(`screen${k}`)}</li>
          ))}
        </ul>
      )}
      {(['hotspots', 'emerging'] as const).filter((id) => layers.includes(id)).map((id) => (
        <div key={id} data-testid={`legend-${id}`}>
          <ul className="legend small">
            {Object.entries(id === 'hotspots' ? GI_STYLE : EMERGING_STYLE).map(([k, s]) => (
              <li key={k} data-class={k}><span className="legend-swatch" style={{ background: s.colour }} /><b>{s.mark[lang]}</b> {s.name[lang]}</li>
            ))}
          </ul>
          <p className="legend-note">{t(id === 'hotspots' ? 'hotspotsRule' : 'emergingRule')}</p>
        </div>
      ))}
      <h2>{t('legend')} · {t('risk')}</h2>
      <ul className="legend">
        {[...RISK_LEVELS].reverse().map((l) => (
          <li key={l} data-level={l}>
            <span className="legend-swatch" style={{ background: RISK_COLOURS[l] }} />
            <b>{l === 'blue' ? RISK_MARKS[l][lang] : `● ${RISK_MARKS[l][lang]}`}</b> {RISK_NAMES[l][lang]}{l === 'blue' ? ` · ${t('unmarked')}` : ''}
          </li>
        ))}
      </ul>
      <p className="legend-note">{t('riskRule')}</p>
      <table className="thresholds" data-testid="thresholds">
        <thead><tr><th /><th>{RISK_MARKS.yellow[lang]}</th><th>{RISK_MARKS.orange[lang]}</th><th>{RISK_MARKS.red[lang]}</th></tr></thead>
        <tbody>
          {config.risk.indicators.map((ind) => {
            const th = config.risk.thresholds.indicators[ind.id];
            const cell = (v: number | null | undefined) => (v === null || v === undefined ? '—' : ind.id === 'trend' ? `×${v}` : `≥${v}`);
            return <tr key={ind.id}><td>{ind.name[lang]}</td><td>{cell(th?.yellow)}</td><td>{cell(th?.orange)}</td><td>{cell(th?.red)}</td></tr>;
          })}
        </tbody>
      </table>
    </aside>
  );
}
