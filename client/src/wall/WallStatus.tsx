/**
 * How fresh the wall is: the time of the last successful refresh and of the last live event, a
 * "reconnecting" state while the stream or the API is unreachable, and a stale warning once the last
 * refresh is older than the threshold. It re-renders every second on its own; the rest of the wall does not.
 */
import { useEffect, useState } from 'react';
import type { Lang } from '../state/url-state.ts';
import { wallT } from '../i18n/wall-strings.ts';

export function WallStatus({ lastOk, lastEvent, connected, failing, staleS, lang }:
  { lastOk: number | null; lastEvent: number | null; connected: boolean; failing: boolean; staleS: number; lang: Lang }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => { const timer = setInterval(() => setNow(Date.now()), 1000); return () => clearInterval(timer); }, []);
  const t = (k: string, v?: Record<string, string | number>) => wallT(lang, k, v);
  const ago = (ms: number | null) => {
    if (ms === null) return t('never');
    const s = Math.max(0, Math.round((now - ms) / 1000));
    return s < 120 ? t('secondsAgo', { n: s }) : t('minutesAgo', { n: Math.floor(s / 60) });
  };
  const stale = lastOk !== null && now - lastOk > staleS * 1000;
  const down = !connected || failing;
  const state = stale ? 'stale' : down ? 'reconnecting' : 'ok';
  const time = new Date(now).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false, timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <div className="wall-status" data-testid="wall-status" data-state={state}>
      <span className="wall-when">
        <span className="wall-clock">{time}</span>
        <span className="wall-fresh" data-testid="wall-fresh" data-last-ok={lastOk ?? ''}>{t('updated')} {ago(lastOk)} · {t('lastEvent')} {ago(lastEvent)}</span>
      </span>
      <span className={`wall-pill ${state}`} data-testid="wall-connection" role={state === 'ok' ? undefined : 'alert'}>
        {stale ? t('stale', { n: Math.floor(staleS / 60) || 1 }) + (down ? ` · ${t('retrying')}` : '') : down ? t('reconnecting') : t('connected')}
      </span>
    </div>
  );
}
