/** The live indicator: connected or not, and the latest reports and changes as they arrive. */
import type { Lang } from '../state/url-state.ts';
import type { LiveState } from './use-live.ts';
import { useT } from './use-i18n.ts';

export function LiveTicker({ live, lang }: { live: LiveState; lang: Lang }) {
  const t = useT();
  const last = live.recent[0];
  const text = !last || last.type === 'reset' ? '' : last.type === 'dispute'
    ? `${t(last.data.change === 'created' ? 'liveReported' : 'liveChanged')} ${last.data.code} · ${t(`status${last.data.status}`)}`
    : `${t(`letterKind${last.data.kind}`)} #${last.data.id} · ${t(`letter${last.data.status}`)}`;
  return (
    <span className={`live-ticker${live.connected ? ' on' : ''}`} data-testid="live" data-connected={live.connected} lang={lang === 'zh' ? 'zh-CN' : 'en'}
      title={live.connected ? t('liveOn') : t('liveOff')}>
      <i aria-hidden="true" />{live.connected ? t('live') : t('liveOff')}{text && <small> · {text}</small>}
    </span>
  );
}
