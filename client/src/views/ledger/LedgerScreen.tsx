/**
 * The ledger & ranking screen over the map area (月调度 一表一帐, 季通报排名, 常态督导), loaded lazily so
 * the map route stays small. Its state (tab, town, month, quarter) lives in the URL through the app;
 * the filters and the sort of the ledger are local to the screen.
 */
import type { JSX, KeyboardEvent } from 'react';
import { ledgerT } from '../../i18n/ledger-strings.ts';
import { LedgerTab } from './LedgerTab.tsx';
import { RankingTab } from './RankingTab.tsx';
import { useSettled } from './use-report.ts';
import './ledger.css';

export interface LedgerScreenProps {
  lang: 'zh' | 'en';
  towns: { code: string; name: string }[];
  state: { tab: 'ledger' | 'ranking'; town: string | null; month: string | null; quarter: string | null };
  onState: (s: LedgerScreenProps['state']) => void;
  live: number;
  onPickDispute: (id: number) => void;
  onPickTown: (code: string) => void;
  onClose: () => void;
}

const TABS = ['ledger', 'ranking'] as const;

export default function LedgerScreen(p: LedgerScreenProps): JSX.Element {
  const t = ledgerT(p.lang);
  // Live updates come in bursts; the screen's requests (some heavy) follow them once things settle.
  const live = useSettled(p.live, 800);
  const tabId = (tab: string) => `ledger-tab-${tab}`;
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = p.state.tab === 'ledger' ? 'ranking' : 'ledger';
    p.onState({ ...p.state, tab: next });
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <section className="ledger-screen" data-testid="ledger-screen" lang={p.lang === 'zh' ? 'zh-CN' : 'en'} aria-label={t('screenTitle')}>
      <header className="ls-head">
        <h2>{t('screenTitle')}</h2>
        <div role="tablist" aria-label={t('screenTitle')} className="ls-tabs" onKeyDown={onTabKey}>
          {TABS.map((tab) => (
            <button key={tab} id={tabId(tab)} role="tab" type="button" aria-selected={p.state.tab === tab} aria-controls={`${tabId(tab)}-panel`}
              tabIndex={p.state.tab === tab ? 0 : -1} data-testid={`ledger-tab-${tab}`} onClick={() => p.onState({ ...p.state, tab })}>
              {t(tab === 'ledger' ? 'tabLedger' : 'tabRanking')}
            </button>
          ))}
        </div>
        <button type="button" className="ls-close" onClick={p.onClose} aria-label={t('close')} title={t('close')} data-testid="ledger-close">×</button>
      </header>
      <div className="ls-body" role="tabpanel" id={`${tabId(p.state.tab)}-panel`} aria-labelledby={tabId(p.state.tab)}>
        {p.state.tab === 'ledger'
          ? <LedgerTab lang={p.lang} t={t} towns={p.towns} town={p.state.town} month={p.state.month} live={live}
              onTownMonth={(town, month) => p.onState({ ...p.state, town, month })} onPickDispute={p.onPickDispute} />
          : <RankingTab lang={p.lang} t={t} quarter={p.state.quarter} live={live}
              onQuarter={(quarter) => p.onState({ ...p.state, quarter })} onPickTown={p.onPickTown} />}
      </div>
    </section>
  );
}
