/** The big figures of the wall, each from /api/wall/summary (data-value holds the figure the API gave). */
import type { Lang } from '../state/url-state.ts';
import { wallT } from '../i18n/wall-strings.ts';
import type { WallSummary } from './wall-api.ts';

const fmt = (n: number, lang: Lang) => n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);

export function WallIndicators({ s, lang }: { s: WallSummary | null; lang: Lang }) {
  const t = (k: string) => wallT(lang, k);
  if (!s) return <section className="wall-indicators" data-testid="wall-indicators" aria-busy="true" />;
  const redAll = s.risk.towns.red + s.risk.villages.red + s.risk.grids.red;
  const orangeAll = s.risk.towns.orange + s.risk.villages.orange + s.risk.grids.orange;
  const tiles: { id: string; label: string; value: string; raw: string; sub?: string; tone?: string }[] = [
    { id: 'reported_today', label: t('reportedToday'), value: fmt(s.counts.reported_today, lang), raw: String(s.counts.reported_today), sub: s.date },
    { id: 'open', label: t('openNow'), value: fmt(s.counts.open, lang), raw: String(s.counts.open) },
    { id: 'overdue', label: t('overdueNow'), value: fmt(s.counts.overdue, lang), raw: String(s.counts.overdue), tone: s.counts.overdue > 0 ? 'alarm' : undefined },
    { id: 'resolution_rate', label: t('monthRate'), value: pct(s.month.resolution_rate), raw: String(s.month.resolution_rate), sub: `${s.month.month} · ${s.month.resolved_in_month}/${s.month.found}` },
    { id: 'village_share', label: t('villageShare'), value: pct(s.month.level_shares.village), raw: String(s.month.level_shares.village) },
  ];
  return (
    <section className="wall-indicators" data-testid="wall-indicators">
      {tiles.map((x) => (
        <div key={x.id} className={`wall-tile${x.tone ? ` ${x.tone}` : ''}`} data-indicator={x.id}>
          <div className="wall-label">{x.label}</div>
          <div className="wall-value" data-value={x.raw}>{x.value}</div>
          {x.sub && <div className="wall-sub">{x.sub}</div>}
        </div>
      ))}
      <div className="wall-tile" data-indicator="red_orange">
        <div className="wall-label">{t('redOrange')}</div>
        <div className="wall-value" data-value={`${redAll}/${orangeAll}`}>
          <span className="lv-red">{redAll}</span><span className="wall-slash"> / </span><span className="lv-orange">{orangeAll}</span>
        </div>
        <div className="wall-sub" data-testid="red-orange-breakdown">
          {(['towns', 'villages', 'grids'] as const).map((k) => (
            <span key={k} data-kind={k} data-red={s.risk[k].red} data-orange={s.risk[k].orange}>{t(k)} <b className="lv-red">{s.risk[k].red}</b>/<b className="lv-orange">{s.risk[k].orange}</b></span>
          ))}
        </div>
      </div>
    </section>
  );
}
