/**
 * A saved area report over the map (loaded lazily): what area and period, the figures, the monthly bars,
 * the grids by risk level, the camera coverage, and its exports (PDF, CSV, GeoJSON) and link.
 */
import { useEffect, useState } from 'react';
import { DISPUTE_STATUSES, DISPUTE_TYPES, HANDLING_LEVELS } from '@domain/dispute-types.ts';
import { RISK_LEVEL_COLOURS, RISK_LEVEL_NAMES, RISK_LEVELS } from '@domain/risk-levels.ts';
import { areaReports, type AreaReportJson } from '../../api/area-report-endpoints.ts';
import type { Lang } from '../../state/url-state.ts';
import { useT } from '../use-i18n.ts';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

function MonthBars({ months }: { months: AreaReportJson['figures']['disputes']['by_month'] }) {
  const W = 300, H = 90, max = Math.max(1, ...months.map((m) => m.reported));
  const w = W / Math.max(1, months.length);
  return (
    <svg viewBox={`0 0 ${W} ${H + 14}`} className="ar-bars" role="img" aria-label="months">
      {months.map((m, i) => {
        const h = ((H - 12) * m.reported) / max;
        return (
          <g key={m.month}>
            <rect x={i * w + 2} y={H - h} width={w - 4} height={h} fill="#3f6fb0" />
            <text x={i * w + w / 2} y={H - h - 2} textAnchor="middle" fontSize="9">{m.reported}</text>
            <text x={i * w + w / 2} y={H + 11} textAnchor="middle" fontSize="8">{m.month.slice(2)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * `known`: the report if the page already holds it (the save answers it): not fetched again.
 * `onLoaded`: told the report once loaded (the map outlines its area).
 */
export default function AreaReportPanel({ id, lang, known, onLoaded, onClose }: {
  id: number; lang: Lang; known: AreaReportJson | null; onLoaded: (r: AreaReportJson) => void; onClose: () => void;
}) {
  const t = useT();
  const [r, setR] = useState<AreaReportJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    setError(null);
    if (known?.definition.id === id) return setR(known);
    const ctrl = new AbortController();
    setR(null);
    areaReports.get(id, ctrl.signal).then((x) => { setR(x); onLoaded(x); }, (e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => ctrl.abort();
  }, [id]);
  if (error) return <aside className="area-report" data-testid="area-report"><p className="error">{error}</p><button onClick={onClose}>{t('close')}</button></aside>;
  if (!r) return <aside className="area-report" aria-busy="true">{t('loading')}</aside>;
  const f = r.figures;
  const copy = () => navigator.clipboard?.writeText(location.href).then(() => setCopied(true), () => undefined);
  const row = (label: string, value: string | number) => <tr key={label}><th>{label}</th><td>{value}</td></tr>;
  return (
    <aside className="area-report" data-testid="area-report" data-id={r.definition.id} data-total={f.disputes.total}>
      <header>
        <h3>{r.definition.title ?? t('areaReportTitle')} <small>#{r.definition.id}</small></h3>
        <button className="close" onClick={onClose} aria-label={t('close')}>×</button>
      </header>
      <p className="ar-meta">{r.period.from} — {r.period.to} · {t('reportBy')} {r.definition.username}</p>
      <div className="ar-exports">
        <a href={areaReports.exportUrl(r.definition.id, 'pdf')} target="_blank" rel="noreferrer" data-export="pdf">{t('exportPdf')}</a>
        <a href={areaReports.exportUrl(r.definition.id, 'csv')} download data-export="csv">{t('exportCsv')}</a>
        <a href={areaReports.exportUrl(r.definition.id, 'geojson')} download data-export="geojson">{t('exportGeojson')}</a>
        <button type="button" onClick={copy}>{copied ? t('linkCopied') : t('copyLink')}</button>
      </div>
      <table className="ar-table"><tbody>
        {row(t('areaKm2'), r.definition.area_km2)}
        {row(t('gridsTouched'), `${f.coverage.grids_touched} · ${t('gridsInside')} ${f.coverage.grids_inside}`)}
        {row(t('householdsCovered'), f.coverage.households.toLocaleString())}
        {row(t('populationCovered'), f.coverage.population.toLocaleString())}
        {row(t('reportedInArea'), f.disputes.total)}
        {row(t('resolvedInArea'), f.resolution.resolved)}
        {row(t('rateInArea'), pct(f.resolution.resolution_rate))}
        {row(t('villageShare'), pct(f.resolution.level_shares.village ?? null))}
        {row(t('openInArea'), `${f.disputes.open} · ${t('overdueInArea')} ${f.disputes.overdue}`)}
        {row(t('criminalInArea'), f.disputes.criminal_risk)}
        {row(t('repeatInArea'), f.disputes.repeat)}
        {row(t('hotspotGrids'), `${f.hotspots.hot} · 99% ${f.hotspots.by_class.hot99 ?? 0} · ${t('coldspotGrids')} ${f.hotspots.cold}`)}
      </tbody></table>
      <h4>{t('byMonth')}</h4>
      <MonthBars months={f.disputes.by_month} />
      <h4>{t('byType')}</h4>
      <table className="ar-table"><tbody>{DISPUTE_TYPES.filter((k) => f.disputes.by_type[k]).map((k) => row(t(`type${k}`), f.disputes.by_type[k]))}</tbody></table>
      <h4>{t('byStatus')} · {t('byLevel')}</h4>
      <table className="ar-table"><tbody>
        {DISPUTE_STATUSES.map((k) => row(t(`status${k}`), f.disputes.by_status[k]))}
        {HANDLING_LEVELS.map((k) => row(t(`level${k}`), f.disputes.by_level[k]))}
      </tbody></table>
      <h4>{t('fourColour')}</h4>
      <ul className="ar-levels">
        {RISK_LEVELS.map((l) => (
          <li key={l} data-level={l}><span className="swatch" style={{ background: RISK_LEVEL_COLOURS[l] }} /> {RISK_LEVEL_NAMES[l][lang]} {f.risk[l].grids}{t('gridsUnit')} · {f.risk[l].households.toLocaleString()}{t('householdsUnit')}</li>
        ))}
      </ul>
      <h4>{t('cameraCoverage')} · {f.cameras.within_m} {t('withinM')}</h4>
      <table className="ar-table"><tbody>
        {row(t('anyCamera'), `${f.cameras.covered}${t('casesUnit')} · ${pct(f.cameras.share)}`)}
        {row(t('xueliang'), `${f.cameras.xueliang.covered}${t('casesUnit')} · ${pct(f.cameras.xueliang.share)}`)}
        {row(t('pingan'), `${f.cameras.pingan.covered}${t('casesUnit')} · ${pct(f.cameras.pingan.share)}`)}
      </tbody></table>
    </aside>
  );
}
