/** Layer toggles, the dispute display mode, and the legend (four colours with patterns and names). */
import type { AppConfig } from '../api/endpoints.ts';
import { LAYER_IDS, type DisputeMode, type LayerId } from '../state/url-state.ts';
import { RISK_COLOURS, RISK_KEYS, RISK_LEVELS, RISK_MARKS } from '../map/risk-colours.ts';
import { CLUSTER_COLOURS, FACILITY_STYLE } from '../map/overlay-layers.ts';
import { useT } from './use-i18n.ts';

interface Props {
  config: AppConfig; layers: LayerId[]; mode: DisputeMode; lang: 'zh' | 'en';
  onToggle: (id: LayerId) => void; onMode: (m: DisputeMode) => void;
}

const swatch = (id: LayerId): string => (FACILITY_STYLE as Record<string, { color: string }>)[id]?.color
  ?? (CLUSTER_COLOURS as Record<string, string>)[id] ?? (id === 'risk' ? RISK_COLOURS.red : '#6b7066');

export function LayerPanel({ layers, mode, lang, onToggle, onMode }: Props) {
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
      <h2>{t('legend')} · {t('risk')}</h2>
      <ul className="legend">
        {[...RISK_LEVELS].reverse().map((l) => (
          <li key={l} data-level={l}>
            <span className={`legend-swatch pattern-${l}`} style={{ background: RISK_COLOURS[l] }} />
            <b>{RISK_MARKS[l][lang]}</b> {t(RISK_KEYS[l])}{t('levelSuffix')}
          </li>
        ))}
      </ul>
      <p className="legend-note">{t('riskRule')}</p>
    </aside>
  );
}
