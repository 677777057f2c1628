/** The wall's side panel: the town the map shows now (and the next), and the ticker of live activity. */
import type { Lang } from '../state/url-state.ts';
import { wallT } from '../i18n/wall-strings.ts';
import type { WallTown } from './wall-api.ts';
import type { TickerItem } from './use-wall-live.ts';

const day = (ms: number) => new Date(ms).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
/** The time of an event; with its date (MM-DD) when it is not from today, so old rows do not pass for new ones. */
export const clock = (ms: number, now = Date.now()) => {
  const time = new Date(ms).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: day(ms) === day(now) ? '2-digit' : undefined });
  if (day(ms) === day(now)) return time;
  const [, m, d] = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10).split('-');
  return `${m}-${d} ${time}`;
};

export function WallSide({ tour, step, items, townNames, lang }: { tour: WallTown[]; step: number; items: TickerItem[]; townNames: Map<string, string>; lang: Lang }) {
  const t = (k: string, v?: Record<string, string | number>) => wallT(lang, k, v);
  const now = tour.length ? tour[step % tour.length] : null;
  const next = tour.length > 1 ? tour[(step + 1) % tour.length] : null;
  return (
    <aside className="wall-side">
      <section className="wall-tour" data-testid="wall-tour" data-code={now?.code ?? ''}>
        <div className="wall-label">{t('tourNow')} · {now ? t('tourOf', { i: (step % tour.length) + 1, n: tour.length }) : ''}</div>
        {now && <div className="wall-town"><i className={`chip lv-bg-${now.level}`} />{now.name}</div>}
        {now && <div className="wall-sub">{t(`level_${now.level}`)} · {t('score')} {now.score}</div>}
        {next && <div className="wall-sub">{t('tourNext')}：{next.name}</div>}
        <ol className="wall-top" data-testid="wall-top">
          {tour.slice(0, 5).map((x) => (
            <li key={x.code} className={now?.code === x.code ? 'on' : undefined}><i className={`chip lv-bg-${x.level}`} /><span>{x.name}</span><b>{x.score}</b></li>
          ))}
        </ol>
      </section>
      <section className="wall-ticker" data-testid="wall-ticker">
        <div className="wall-label">{t('ticker')}</div>
        {items.length === 0 && <div className="wall-sub">{t('noActivity')}</div>}
        <ol>
          {items.map((i) => (
            <li key={i.key} data-kind={i.kind}>
              <span className="tick-time">{clock(i.at)}</span>
              <span className="tick-what">{i.kind === 'letter' ? `${t(`letterKind${i.action}`)} ${i.code}` : `${t(i.kind === 'created' ? 'liveCreated' : `act_${i.action}`)} ${i.code}`}</span>
              <span className="tick-where">{townNames.get(i.town) ?? ''} {t(i.kind === 'letter' ? `letter${i.status}` : `status${i.status}`)}</span>
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}
