/** A town's four-colour level month by month: one cell a month with the level in words and its score, then the trend. */
import { RISK_LEVEL_NAMES } from '@domain/risk-levels.ts';
import type { RiskHistoryResponse } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';

export function RiskHistoryStrip({ history, lang, t }: { history: RiskHistoryResponse; lang: 'zh' | 'en'; t: LedgerT }) {
  return (
    <div className="ls-risk" data-testid="risk-strip">
      <ol className="ls-risk-cells">
        {history.months.map((m) => {
          const reasons = m.reasons.length ? m.reasons.map((r) => r.text[lang]).join('；') : t('riskNoReasons');
          const label = `${m.month} ${RISK_LEVEL_NAMES[m.level][lang]} · ${t('riskScore')} ${m.score} · ${reasons}`;
          return (
            <li key={m.month} className={`lvl-${m.level}`} title={label} aria-label={label}>
              <i className={`band pattern-${m.level}`} aria-hidden="true" />
              <span className="m">{lang === 'zh' ? `${Number(m.month.slice(5))}月` : m.month.slice(2)}</span>
              <b>{t(`levelShort_${m.level}`)}</b>
              <span className="s">{m.score}</span>
            </li>
          );
        })}
      </ol>
      <p className={`ls-trend trend-${history.trend.trend}`}>
        <span aria-hidden="true">{history.trend.trend === 'rising' ? '↗' : history.trend.trend === 'falling' ? '↘' : '→'}</span> {history.trend.text[lang]}
      </p>
    </div>
  );
}
