/** The dispute popup: what, when, who handles it, its history, and the nearest cameras and help. */
import { useEffect, useState } from 'react';
import type { SessionUserJson } from '../api/endpoints.ts';
import { api, type DisputeContext } from '../api/endpoints.ts';
import type { Lang } from '../state/url-state.ts';
import { DisputeActions } from './DisputeActions.tsx';
import { DisputeParties } from './DisputeParties.tsx';
import { localDateTime, metres } from './format.ts';
import { useT } from './use-i18n.ts';

export function DisputeCard({ id, user, lang, live, onClose }: { id: number; user: SessionUserJson; lang: Lang; live: number; onClose: () => void }) {
  const t = useT();
  const [ctx, setCtx] = useState<DisputeContext | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(0);
  useEffect(() => { setCtx(null); setError(null); }, [id]);
  const display = user.role === 'display';
  useEffect(() => {
    if (display) return;
    const ctrl = new AbortController();
    // Refetched on live updates and after an action here: the history grows, the status moves on.
    api.disputeContext(id, ctrl.signal).then(setCtx, (e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => ctrl.abort();
  }, [id, live, changed, display]);
  // A wall display reads no individual records (the server refuses them): say so instead of an error.
  if (display) return <div className="dispute-card" data-testid="dispute-card"><p>{t('noRecordsOnDisplay')}</p><button onClick={onClose}>{t('close')}</button></div>;
  if (error) return <div className="dispute-card"><p className="error">{error}</p><button onClick={onClose}>{t('close')}</button></div>;
  if (!ctx) return <div className="dispute-card" aria-busy="true">{t('loading')}</div>;
  const d = ctx.dispute;
  const overdue = d.overdue;
  return (
    <div className="dispute-card" data-testid="dispute-card" data-id={d.id} data-status={d.status}>
      <header><h3>{t(`type${d.type}`)} <small>{d.code}</small></h3><button className="close" onClick={onClose} aria-label={t('close')}>×</button></header>
      <p className="summary">{d.summary}</p>
      <p className="flags">
        <span className={`status status-${d.status}`}>{t(`status${d.status}`)}</span>
        {overdue && <span className="flag overdue">⚠ {t('overdue')}</span>}
        {d.criminal_risk && <span className="flag crim">{t('criminalRisk')}</span>}
        {d.repeat_of && <span className="flag repeat">{t('repeat')}</span>}
      </p>
      <dl>
        <dt>{t('reportedAt')}</dt><dd>{localDateTime(d.reported_at)}</dd>
        <dt>{d.resolved_at ? t('resolvedAt') : t('dueAt')}</dt><dd>{localDateTime(d.resolved_at ?? d.due_at)}</dd>
        <dt>{t('level')}</dt><dd>{t(`level${d.level}`)}</dd>
        <dt>{t('handler')}</dt><dd>{d.handler_unit}</dd>
      </dl>
      <DisputeParties id={d.id} user={user} />
      <DisputeActions id={d.id} user={user} lang={lang} live={live} onChanged={() => setChanged((n) => n + 1)} />
      <h4>{t('nearestCameras')}</h4>
      <ul className="near">{ctx.nearest.cameras.map((c) => <li key={c.code}>{c.name} · {metres(c.distance_m, t('metres'))}</li>)}</ul>
      <dl>
        {ctx.nearest.mediation_room && (<><dt>{t('nearestMediation')}</dt><dd>{ctx.nearest.mediation_room.name} · {metres(ctx.nearest.mediation_room.distance_m, t('metres'))}</dd></>)}
        {ctx.nearest.police_workroom && (<><dt>{t('nearestWorkroom')}</dt><dd>{ctx.nearest.police_workroom.name} · {metres(ctx.nearest.police_workroom.distance_m, t('metres'))}</dd></>)}
      </dl>
      <h4>{t('history')}</h4>
      <ol className="history">{ctx.history.map((h, i) => <li key={i}><small>{localDateTime(h.at)}</small> {t(`status${h.to_status}`)} · {h.actor}{h.note ? ` · ${h.note}` : ''}</li>)}</ol>
    </div>
  );
}
