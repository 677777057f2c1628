/** Display helpers of the ledger screen (pure): numbers and rates in zh-CN, month and quarter lists. */
import { addMonths } from '../../state/months.ts';

const locale = (lang: 'zh' | 'en') => (lang === 'zh' ? 'zh-CN' : 'en-US');

/** 1234 → '1,234'; null → '—'. */
export function formatCount(n: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  return n === null || n === undefined ? '—' : n.toLocaleString(locale(lang));
}

/** A percentage as the API gives it (already ×100, to 0.1): 99.7 → '99.7%', 100 → '100.0%'; null (nothing to rate) → '—'. */
export function formatPercent(v: number | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  return v === null || v === undefined ? '—' : `${v.toLocaleString(locale(lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** The `n` months ending at `last`, newest first ('2026-11', '2026-10', …). */
export function recentMonths(last: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addMonths(last, -i));
}

/** '2026-11' → '2026年11月' (zh) or 'Nov 2026' (en). */
export function monthLabel(month: string, lang: 'zh' | 'en'): string {
  const [y, m] = month.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m}月`;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** '2026Q3' shifted by n quarters. */
export function addQuarters(quarter: string, n: number): string {
  const t = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1 + n;
  return `${Math.floor(t / 4)}Q${(t % 4) + 1}`;
}

/**
 * The quarters a user may pick around the API's default (the last complete one): the current,
 * incomplete quarter first, then the default and `back` earlier ones, newest first.
 */
export function recentQuarters(defaultQuarter: string, back: number): string[] {
  return Array.from({ length: back + 2 }, (_, i) => addQuarters(defaultQuarter, 1 - i));
}

/** '2026Q3' → '2026年第三季度' (zh) or '2026 Q3' (en). */
export function quarterLabel(quarter: string, lang: 'zh' | 'en'): string {
  const q = Number(quarter.slice(5));
  return lang === 'zh' ? `${quarter.slice(0, 4)}年第${'一二三四'[q - 1]}季度` : `${quarter.slice(0, 4)} Q${q}`;
}

/** A grid's name without its village's ('东郊社区第二十二网格' in 东郊社区 → '第二十二网格'), so the column stays narrow. */
export function gridShortName(grid: string, village: string): string {
  return village && grid.startsWith(village) && grid.length > village.length ? grid.slice(village.length) : grid;
}

/** The lowest gridline: a multiple of 5 under every rate, at most 90, so small drops near 100% still show. */
export function rateFloor(rates: (number | null)[]): number {
  const known = rates.filter((r): r is number => r !== null);
  const min = known.length ? Math.min(...known) : 100;
  return Math.max(0, Math.min(90, Math.floor((min - 1) / 5) * 5));
}
