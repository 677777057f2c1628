/** The town's monthly resolution rate over 12 months as a small inline SVG line chart, the district's dashed beside it. */
import type { ResolutionResponse } from '../../api/report-endpoints.ts';
import type { LedgerT } from '../../i18n/ledger-strings.ts';
import { formatCount, formatPercent, rateFloor } from './ledger-format.ts';

const W = 520, H = 200, L = 44, R = 12, T = 22, B = 34;

interface Props { town: ResolutionResponse; district: ResolutionResponse | null; townName: string; lang: 'zh' | 'en'; t: LedgerT }

export function ResolutionChart({ town, district, townName, lang, t }: Props) {
  const months = town.months.map((m) => m.month);
  const byMonth = new Map(district?.months.map((m) => [m.month, m.resolution_rate]) ?? []);
  const townRates = town.months.map((m) => m.resolution_rate);
  const districtRates = months.map((m) => byMonth.get(m) ?? null);
  const lo = rateFloor([...townRates, ...districtRates]);
  const x = (i: number) => L + ((W - L - R) * (i + 0.5)) / Math.max(1, months.length);
  const y = (v: number) => T + ((H - T - B) * (100 - v)) / (100 - lo);
  const line = (rates: (number | null)[]) => rates.map((v, i) => (v === null ? '' : `${i > 0 && rates[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)).join('');
  const ticks = [...new Set([lo, Math.round((lo + 100) / 10) * 5, 100])];
  const num = (v: number) => v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <figure className="ls-chart" data-testid="resolution-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('trendAria', { town: townName })}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={L} x2={W - R} y1={y(v)} y2={y(v)} className="grid" />
            <text x={L - 4} y={y(v) + 4} className="axis" textAnchor="end">{v}%</text>
          </g>
        ))}
        {district && <path d={line(districtRates)} className="district" />}
        <path d={line(townRates)} className="town" />
        {town.months.map((m, i) => {
          const [yy, mm] = m.month.split('-');
          const tip = `${m.month} ${townName} ${formatPercent(m.resolution_rate, lang)}（${t('found')} ${formatCount(m.found, lang)}，${t('resolvedInMonth')} ${formatCount(m.resolved_in_month, lang)}）`
            + ` · ${t('trendDistrict')} ${formatPercent(districtRates[i], lang)}`;
          return (
            <g key={m.month}>
              <title>{tip}</title>
              {districtRates[i] !== null && <circle cx={x(i)} cy={y(districtRates[i]!)} r={2.5} className="district-dot" />}
              {m.resolution_rate === null
                ? <text x={x(i)} y={H - B - 4} className="value none" textAnchor="middle">—</text>
                : <>
                    <circle cx={x(i)} cy={y(m.resolution_rate)} r={3.5} className="town-dot" />
                    <text x={x(i)} y={y(m.resolution_rate) - 7} className="value" textAnchor="middle">{num(m.resolution_rate)}</text>
                  </>}
              <text x={x(i)} y={H - B + 15} className="axis" textAnchor="middle">{lang === 'zh' ? `${Number(mm)}月` : mm}</text>
              {(i === 0 || mm === '01') && <text x={x(i)} y={H - B + 29} className="axis year" textAnchor="middle">{yy}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="ls-chart-legend">
        <span><i className="key town" aria-hidden="true" />{t('trendTown')} {formatPercent(town.total.resolution_rate, lang)}</span>
        {district && <span><i className="key district" aria-hidden="true" />{t('trendDistrict')} {formatPercent(district.total.resolution_rate, lang)}</span>}
        <small>{town.from} – {town.to}</small>
      </figcaption>
    </figure>
  );
}
