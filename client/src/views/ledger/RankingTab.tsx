/** The 季通报排名 tab: a quarter, the towns' and the departments' rankings, and the towns' rank map. */
import type { RankingMeta } from '../../api/report-endpoints.ts';
import { reportApi } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';
import { quarterLabel, recentQuarters } from './ledger-format.ts';
import { RankingTable } from './RankingTable.tsx';
import { RankMap } from './RankMap.tsx';
import { useReport } from './use-report.ts';

interface Props { lang: 'zh' | 'en'; t: LedgerT; quarter: string | null; live: number; onQuarter: (q: string | null) => void; onPickTown: (code: string) => void }

export function RankingTab({ lang, t, quarter, live, onQuarter, onPickTown }: Props) {
  const towns = useReport((s) => reportApi.ranking(quarter, 'towns', s), `towns|${quarter}`, live);
  const departments = useReport((s) => reportApi.ranking(quarter, 'departments', s), `departments|${quarter}`, live);
  const map = useReport((s) => reportApi.rankingMap(quarter, s), `map|${quarter}`, live);
  // The API's default (the last complete quarter) anchors the list; it answers for `quarter` null.
  const defaults = useReport((s) => reportApi.ranking(null, 'departments', s).then((r) => r.quarter), 'default', 0);
  const meta: RankingMeta | null = towns.data ?? null;
  const anchor = defaults.data ?? meta?.quarter ?? null;
  const options = anchor ? recentQuarters(anchor, 10) : [];
  const shown = quarter ?? meta?.quarter ?? '';
  if (shown && !options.includes(shown)) options.push(shown);
  const error = towns.error ?? departments.error ?? map.error;

  return (
    <div className="ls-ranking">
      <div className="ls-toolbar">
        <label className="ls-field" htmlFor="ranking-quarter">
          <span>{t('quarter')}</span>
          <select id="ranking-quarter" data-testid="ranking-quarter" value={shown} disabled={!options.length}
            onChange={(e) => onQuarter(e.target.value === anchor ? null : e.target.value)}>
            {options.map((q) => <option key={q} value={q}>{quarterLabel(q, lang)}{q === addOne(anchor) ? t('quarterInProgress') : ''}</option>)}
          </select>
        </label>
        {meta && <span className="ls-note">{meta.from} – {meta.to}{meta.complete ? '' : t('quarterInProgress')}</span>}
        {(towns.loading || map.loading) && towns.data && <span className="ls-note">{t('loading')}</span>}
      </div>
      {error && <p className="ls-error" role="alert">{error}</p>}
      {!(towns.error && map.error) && <div className="ls-ranking-grid">
        <section className="ls-card ls-map-card" aria-labelledby="ls-map-h">
          <h3 id="ls-map-h">{t('mapTitle')}{meta && ` · ${quarterLabel(meta.quarter, lang)}`}</h3>
          {map.data ? <RankMap data={map.data} lang={lang} t={t} onPickTown={onPickTown} /> : !map.error && <p className="ls-loading">{t('loading')}</p>}
        </section>
        <section className="ls-card" aria-label={t('rankTowns')}>
          {towns.data ? <RankingTable units={towns.data.units} caption={t('rankTowns')} lang={lang} t={t} onPick={onPickTown} testid="ranking-towns" />
            : !towns.error && <p className="ls-loading">{t('loading')}</p>}
        </section>
        <section className="ls-card" aria-label={t('rankDepartments')}>
          {departments.data ? <RankingTable units={departments.data.units} caption={t('rankDepartments')} lang={lang} t={t} testid="ranking-departments" />
            : !departments.error && <p className="ls-loading">{t('loading')}</p>}
          <p className="ls-rule">{t('scoreRule')}</p>
        </section>
      </div>}
    </div>
  );
}

/** The quarter after the default one: the current, incomplete quarter. */
const addOne = (q: string | null) => (q ? recentQuarters(q, 0)[0] : null);
