/** Any area's four-colour level over the 12 months to `to`, with reasons and trend (the area panel loads this lazily). */
import { useEffect, useState, type JSX } from 'react';
import { reportApi, type RiskHistoryResponse } from '../../api/report-endpoints.ts';
import { ledgerT } from '../../i18n/ledger-strings.ts';
import { addMonths } from '../../state/months.ts';
import { RiskHistoryStrip } from './RiskHistoryStrip.tsx';
import './ledger.css';

export default function AreaRiskHistory({ code, to, lang, live }: { code: string; to: string; lang: 'zh' | 'en'; live: number }): JSX.Element {
  const t = ledgerT(lang);
  const [history, setHistory] = useState<RiskHistoryResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    reportApi.riskHistory(code, addMonths(to, -11), to, ctrl.signal).then(setHistory, (e) => { if (e.name !== 'AbortError') setError(e.message); });
    return () => ctrl.abort();
  }, [code, to, live]);
  if (error) return <p className="error">{error}</p>;
  if (!history || history.code !== code) return <p className="muted">{t('loading')}</p>;
  return <RiskHistoryStrip history={history} lang={lang} t={t} />;
}
