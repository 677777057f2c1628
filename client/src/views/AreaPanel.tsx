/** Detail panel of a town, village or grid: who is responsible, people, risk and why, open disputes, cameras. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { api, type AreaSummary, type RiskExplanation } from '../api/endpoints.ts';
import { RISK_COLOURS, RISK_NAMES, RISK_MARKS } from '../map/risk-colours.ts';
import type { Lang } from '../state/url-state.ts';
import { localDateTime, metres } from './format.ts';
import { useT } from './use-i18n.ts';

// The month-by-month history is a chart of its own, loaded on first use.
const AreaRiskHistory = lazy(() => import('./ledger/AreaRiskHistory.tsx'));

interface Props {
  code: string; period: { from: string; to: string } | null; lang: Lang; live: number; onLoaded: (a: AreaSummary) => void;
  onClose: () => void; onPickDispute: (id: number) => void; onPickArea: (kind: 'town' | 'village' | 'grid', code: string) => void;
  /** Makes an area report of this area (absent for roles that cannot). */
  onAreaReport?: (code: string) => void;
}

export function AreaPanel({ code, period, lang, live, onLoaded, onClose, onPickDispute, onPickArea, onAreaReport }: Props) {
  const t = useT();
  const [area, setArea] = useState<AreaSummary | null>(null);
  const [risk, setRisk] = useState<RiskExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    Promise.all([api.area(code, period ?? {}, ctrl.signal), api.explain(code, period ?? {}, ctrl.signal)])
      .then(([a, r]) => { setArea(a); setRisk(r); onLoaded(a); })
      .catch((e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => ctrl.abort();
  }, [code, period?.from, period?.to, live]);

  if (error) return <aside className="detail-panel"><p className="error">{error}</p></aside>;
  if (!area || !risk || area.code !== code) return <aside className="detail-panel" aria-busy="true"><p>{t('loading')}</p></aside>;
  const c = area.contact;
  return (
    <aside className="detail-panel" data-testid="area-panel" data-code={area.code}>
      <header>
        <div className="kind">{t(`kind${area.kind}`)} · {area.code}</div>
        <h2>{area.name}</h2>
        <button className="close" onClick={onClose} aria-label={t('close')}>×</button>
      </header>
      <div className={`risk-badge level-${risk.level}`} style={{ background: RISK_COLOURS[risk.level] }} data-testid="risk-badge">
        {RISK_MARKS[risk.level][lang]} · {RISK_NAMES[risk.level][lang]}
      </div>
      {onAreaReport && area.kind !== 'district' && <button type="button" className="area-report-button" data-action="area-report" onClick={() => onAreaReport(area.code)}>{t('reportThisArea')}</button>}
      {c && (
        <section className="contact-card" data-testid="contact-card">
          <h3>{t('contactCard')}</h3>
          <dl>
            <dt>{t('gridWorker')}（{t(c.grid_worker.type === 'full_time' ? 'fullTime' : 'partTime')}）</dt><dd><Person field="worker_name" p={c.grid_worker} /></dd>
            <dt>{t('policeOfficer')}</dt><dd><Person field="police_name" p={c.police} /></dd>
            <dt>{t('cadre')}</dt><dd><Person field="cadre_name" p={c.cadre} /></dd>
          </dl>
        </section>
      )}
      <section className="facts">
        <div><b>{area.households.toLocaleString()}</b><span>{t('households')}</span></div>
        <div><b>{area.population.toLocaleString()}</b><span>{t('population')}</span></div>
        <div><b>{area.open_disputes.total}</b><span>{t('openDisputes')}</span></div>
      </section>
      <section>
        <h3>{t('why')}</h3>
        {risk.reasons.length === 0 && <p className="muted">{t('noReasons')}</p>}
        <ul className="reasons">
          {risk.reasons.map((r) => (
            <li key={r.indicator} className={`level-${r.level}`}>
              <span className="dot" style={{ background: RISK_COLOURS[r.level] }} />{r.text[lang]}
            </li>
          ))}
        </ul>
        {period && (showHistory
          ? <Suspense fallback={<p className="muted">{t('loading')}</p>}><AreaRiskHistory code={code} to={period.to} lang={lang} live={live} /></Suspense>
          : <button className="link" data-testid="risk-history-button" onClick={() => setShowHistory(true)}>{t('riskHistory')}</button>)}
      </section>
      {risk.children.length > 0 && (
        <section>
          <h3>{t('children')}</h3>
          <ul className="children">
            {risk.children.map((ch) => (
              <li key={ch.code}>
                <button onClick={() => onPickArea(ch.code.length === 12 ? 'village' : ch.code.length === 15 ? 'grid' : 'town', ch.code)}>
                  <span className="dot" style={{ background: RISK_COLOURS[ch.level] }} />{RISK_MARKS[ch.level][lang]} {ch.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t('openDisputes')}</h3>
        {area.open_disputes.total === 0 ? <p className="muted">{t('noneOpen')}</p> : (
          <ul className="disputes">
            {area.open_disputes.items.slice(0, 20).map((d) => (
              <li key={d.id}><button onClick={() => onPickDispute(d.id)}>
                {t(`type${d.type}`)} · {t(`status${d.status}`)}{d.overdue ? ` · ⚠ ${t('overdue')}` : ''}<small>{localDateTime(d.reported_at)}</small>
              </button></li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>{t('byType')}</h3>
        <table className="counts"><tbody>
          {Object.entries(area.disputes.by_type).sort((a, b) => b[1] - a[1]).map(([k, v]) => <tr key={k}><td>{t(`type${k}`)}</td><td>{v}</td></tr>)}
        </tbody></table>
      </section>
      <section>
        <h3>{t('camerasInside')}</h3>
        <p>{Object.entries(area.cameras.by_program).map(([k, v]) => `${t(`cameras-${k}`)} ${v}`).join(' · ') || '0'}</p>
        <h3>{t('nearestCameras')}</h3>
        <ul className="near">{area.cameras.nearest.map((cam) => <li key={cam.code}>{cam.name} · {metres(cam.distance_m, t('metres'))}</li>)}</ul>
      </section>
    </aside>
  );
}

/** A staff contact as the server gives it for this role: full, masked (张*, 138****1234: no call link), or none at all (—). */
function Person({ field, p }: { field: string; p: { name: string | null; phone: string | null } }) {
  if (!p.name && !p.phone) return <span data-field={field}>—</span>;
  const callable = p.phone && !p.phone.includes('*');
  return <><span data-field={field}>{p.name}</span> {callable ? <a href={`tel:${p.phone}`}>{p.phone}</a> : <span>{p.phone}</span>}</>;
}
