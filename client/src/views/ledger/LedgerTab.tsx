/** The 一表一帐 tab: a town's month — the checklist statistics, the resolution trend, the risk strip and the ledger. */
import { useState } from 'react';
import { DISPUTE_STATUSES, DISPUTE_STATUS_LABELS, DISPUTE_TYPES, DISPUTE_TYPE_LABELS, HANDLING_LEVELS, HANDLING_LEVEL_LABELS } from '@domain/dispute-types.ts';
import { localMonth } from '@domain/local-time.ts';
import { reportApi, type LedgerParams, type LedgerSortField } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';
import { addMonths } from '../../state/months.ts';
import { ChecklistTable } from './ChecklistTable.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { monthLabel, recentMonths } from './ledger-format.ts';
import { ResolutionChart } from './ResolutionChart.tsx';
import { RiskHistoryStrip } from './RiskHistoryStrip.tsx';
import { useReport } from './use-report.ts';

interface Props {
  lang: 'zh' | 'en'; t: LedgerT; towns: { code: string; name: string }[]; town: string | null; month: string | null; live: number;
  onTownMonth: (town: string | null, month: string | null) => void; onPickDispute: (id: number) => void;
}

interface Filters { status: string; type: string; level: string }
const NO_FILTERS: Filters = { status: '', type: '', level: '' };

export function LedgerTab({ lang, t, towns, town, month, live, onTownMonth, onPickDispute }: Props) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<{ sort: LedgerSortField; order: 'asc' | 'desc' }>({ sort: 'reported_at', order: 'asc' });
  // The newest month with data is the server's current one; until the first answer, the local clock's.
  const [latest, setLatest] = useState(() => localMonth(new Date()));
  const params: LedgerParams | null = town ? { town, month, ...filters, ...sort } : null;
  const ledger = useReport(params && ((s) => reportApi.ledger(params, s).then((r) => { if (r.current) setLatest(r.month); return r; })), JSON.stringify(params), live);
  const shown = month ?? ledger.data?.month ?? latest;
  const from = addMonths(shown, -11);
  const townTrend = useReport(town ? (s) => reportApi.resolution(from, shown, town, s) : null, `${town}|${from}|${shown}`, live);
  const district = useReport((s) => reportApi.resolution(from, shown, null, s), `${from}|${shown}`, live);
  const risk = useReport(town ? (s) => reportApi.riskHistory(town, from, shown, s) : null, `${town}|${from}|${shown}`, live);
  const townName = towns.find((x) => x.code === town)?.name ?? ledger.data?.town.name ?? town ?? '';
  const months = recentMonths(latest, 24);
  if (!months.includes(shown)) months.push(shown);

  const select = (id: string, label: string, value: string, onChange: (v: string) => void, options: [string, string][]) => (
    <label className="ls-field" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </label>
  );
  const filter = (key: keyof Filters, label: string, options: [string, string][]) =>
    select(`ledger-filter-${key}`, label, filters[key], (v) => setFilters({ ...filters, [key]: v }), [['', t('all')], ...options]);

  return (
    <div className="ls-ledger">
      <div className="ls-toolbar">
        {select('ledger-town', t('town'), town ?? '', (v) => onTownMonth(v || null, month),
          [...(town ? [] : [['', t('pickTown')] as [string, string]]), ...(town && !towns.some((x) => x.code === town) ? [[town, town] as [string, string]] : []),
            ...towns.map((x): [string, string] => [x.code, x.name])])}
        {select('ledger-month', t('month'), shown, (v) => onTownMonth(town, v === latest ? null : v), months.map((m): [string, string] => [m, monthLabel(m, lang)]))}
        {ledger.data?.current && <span className="ls-note">{t('currentMonth')}</span>}
        <span className="ls-spacer" />
        {town && (
          <a className="ls-link" href={reportApi.supervisionPdfUrl(town, shown)} target="_blank" rel="noopener" title={t('supervisionPdfHint')} data-testid="ledger-pdf">
            {t('supervisionPdf')}
          </a>
        )}
      </div>
      {!town ? <p className="ls-hint">{t('pickTownHint')}</p> : (
        <div className="ls-ledger-grid">
          <section className="ls-card ls-checklist" aria-labelledby="ls-checklist-h">
            <h3 id="ls-checklist-h">{t('checklistTitle')} · {townName} · {monthLabel(shown, lang)}</h3>
            {ledger.error ? <p className="ls-error" role="alert">{ledger.error}</p>
              : ledger.data ? <ChecklistTable stats={ledger.data.stats} lang={lang} t={t} /> : <p className="ls-loading">{t('loading')}</p>}
          </section>
          <section className="ls-card ls-side" aria-labelledby="ls-trend-h">
            <h3 id="ls-trend-h">{t('trendTitle')}</h3>
            {townTrend.error || district.error ? <p className="ls-error" role="alert">{townTrend.error ?? district.error}</p>
              : townTrend.data ? <ResolutionChart town={townTrend.data} district={district.data} townName={townName} lang={lang} t={t} />
                : <p className="ls-loading">{t('loading')}</p>}
            <h3>{t('riskTitle')}</h3>
            {risk.error ? <p className="ls-error" role="alert">{risk.error}</p>
              : risk.data ? <RiskHistoryStrip history={risk.data} lang={lang} t={t} /> : <p className="ls-loading">{t('loading')}</p>}
          </section>
          <section className="ls-card ls-table" aria-labelledby="ls-ledger-h">
            <div className="ls-table-head">
              <h3 id="ls-ledger-h">{t('ledgerTitle')}</h3>
              {ledger.data && <span className="ls-note" aria-live="polite">{t('ledgerCount', { n: ledger.data.total })}</span>}
              {ledger.loading && ledger.data && <span className="ls-note">{t('loading')}</span>}
              <span className="ls-spacer" />
              {filter('status', t('filterStatus'), [['open', t('open')], ...DISPUTE_STATUSES.map((s): [string, string] => [s, DISPUTE_STATUS_LABELS[s][lang]])])}
              {filter('type', t('filterType'), DISPUTE_TYPES.map((s): [string, string] => [s, DISPUTE_TYPE_LABELS[s][lang]]))}
              {filter('level', t('filterLevel'), HANDLING_LEVELS.map((s): [string, string] => [s, HANDLING_LEVEL_LABELS[s][lang]]))}
              {params && (
                <a className="ls-link" href={reportApi.ledgerCsvUrl(params)} download title={t('exportCsvHint')} data-testid="ledger-csv">{t('exportCsv')}</a>
              )}
            </div>
            {ledger.error ? <p className="ls-error" role="alert">{ledger.error}</p>
              : ledger.data ? <LedgerTable rows={ledger.data.rows} sort={sort} onSort={setSort} lang={lang} t={t} onPickDispute={onPickDispute} />
                : <p className="ls-loading">{t('loading')}</p>}
          </section>
        </div>
      )}
    </div>
  );
}
