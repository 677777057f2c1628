/** The checklist statistics table (清单统计表) of a town's month, as the API computes it: figures, level shares, type × status. */
import { DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, HANDLING_LEVELS, HANDLING_LEVEL_LABELS } from '@domain/dispute-types.ts';
import type { LedgerStats } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';
import { formatCount, formatPercent } from './ledger-format.ts';

export function ChecklistTable({ stats, lang, t }: { stats: LedgerStats; lang: 'zh' | 'en'; t: LedgerT }) {
  const n = (v: number) => formatCount(v, lang);
  const figures: [string, string, string?][] = [
    [t('statFound'), n(stats.found)],
    [t('statCarriedOver'), n(stats.carried_over)],
    [t('statTotal'), n(stats.total)],
    [t('statResolvedThisMonth'), n(stats.resolved_this_month)],
    [t('statResolvedInMonth'), n(stats.resolved_in_month)],
    [t('statCarriedNext'), n(stats.carried_into_next_month)],
    [t('statOverdue'), n(stats.overdue), stats.overdue > 0 ? 'warn' : undefined],
  ];
  return (
    <div className="ls-checklist-body" data-testid="checklist">
      <dl className="ls-figures">
        {figures.map(([label, value, cls]) => (
          <div key={label} className={cls}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
        <div className="rate"><dt>{t('statRate')}</dt><dd data-testid="checklist-rate">{formatPercent(stats.resolution_rate, lang)}</dd></div>
      </dl>
      <p className="ls-shares">
        <b>{t('statShares')}</b>
        {HANDLING_LEVELS.map((l) => (
          <span key={l}>{HANDLING_LEVEL_LABELS[l][lang]} {formatPercent(stats.level_shares[l], lang)} <small>({n(stats.resolved_by_level[l])})</small></span>
        ))}
      </p>
      <div className="ls-scroll">
        <table className="ls-grid ls-matrix" aria-label={t('byTypeStatus')}>
          <thead>
            <tr>
              <th scope="col">{t('typeCol')}</th>
              {DISPUTE_STATUSES.map((s) => <th key={s} scope="col" className="num">{DISPUTE_STATUS_LABELS[s][lang]}</th>)}
              <th scope="col" className="num">{t('totalCol')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.by_type.map((row) => (
              <tr key={row.type} className={row.total === 0 ? 'zero' : undefined}>
                <th scope="row">{row.label[lang]}</th>
                {DISPUTE_STATUSES.map((s) => <td key={s} className="num">{n(row.by_status[s])}</td>)}
                <td className="num total">{n(row.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('sumRow')}</th>
              {DISPUTE_STATUSES.map((s) => <td key={s} className="num">{n(stats.by_status[s])}</td>)}
              <td className="num total">{n(stats.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
