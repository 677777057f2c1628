/** One quarterly ranking table (towns or departments): rank, name, found, resolved, rate, score; the bottom ones named in words. */
import type { Ranked } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';
import { formatCount, formatPercent } from './ledger-format.ts';

interface Props { units: Ranked[]; caption: string; lang: 'zh' | 'en'; t: LedgerT; onPick?: (code: string) => void; testid: string }

export function RankingTable({ units, caption, lang, t, onPick, testid }: Props) {
  const score = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div className="ls-scroll">
      <table className="ls-grid ls-rank-table" data-testid={testid}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t('colRank')}</th><th scope="col">{t('colName')}</th>
            <th scope="col" className="num">{t('colFound')}</th><th scope="col" className="num">{t('colResolvedQ')}</th>
            <th scope="col" className="num">{t('colRate')}</th><th scope="col" className="num">{t('colScore')}</th><th scope="col">{t('colMark')}</th>
          </tr>
        </thead>
        <tbody>
          {units.length === 0 && <tr><td colSpan={7} className="ls-empty">{t('noData')}</td></tr>}
          {units.map((u) => (
            <tr key={u.code} className={u.bottom ? 'bottom' : undefined} data-testid={`${testid}-row`}>
              <td className="num rank">{u.rank}</td>
              <th scope="row">
                {onPick
                  ? <button type="button" className="ls-name" onClick={() => onPick(u.code)} aria-label={t('showOnMap', { name: u.name, rank: u.rank })}>{u.name}</button>
                  : u.name}
              </th>
              <td className="num">{formatCount(u.found, lang)}</td>
              <td className="num">{formatCount(u.resolved, lang)}</td>
              <td className="num">{formatPercent(u.rate, lang)}</td>
              <td className="num">{score(u.score)}</td>
              <td>{u.bottom && <span className="ls-tag bottom" title={t('bottomHint')}>▼ {t('bottomMark')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
