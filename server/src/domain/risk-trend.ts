/**
 * The trend of an area's monthly risk (for GET /api/risk/{code}/history): compare the mean score of the
 * last third of the months (at least 1) with the mean of the first third. Rising when the later mean is
 * at least TREND_STEP points higher or the level went up from the first month to the last; falling when
 * it is at least TREND_STEP lower or the level went down; steady otherwise (or with a single month).
 * TREND_STEP (10) is well under one colour step (25 points), so a drift within one colour shows too.
 */
import { RISK_LEVEL_NAMES, riskRank, type Label, type RiskLevel } from './risk-levels.ts';

export const TREND_STEP = 10;
export type RiskTrend = 'rising' | 'falling' | 'steady';

const TREND_NAMES: Record<RiskTrend, Label> = { rising: { zh: '上升', en: 'rising' }, falling: { zh: '下降', en: 'falling' }, steady: { zh: '平稳', en: 'steady' } };

export function riskTrend(months: readonly { month: string; level: RiskLevel; score: number }[]) {
  const n = months.length;
  const k = Math.max(1, Math.floor(n / 3));
  const mean = (xs: readonly { score: number }[]) => xs.reduce((s, x) => s + x.score, 0) / Math.max(1, xs.length);
  const early = Math.round(mean(months.slice(0, k)) * 10) / 10;
  const late = Math.round(mean(months.slice(n - k)) * 10) / 10;
  const [first, last] = [months[0], months[n - 1]];
  const levelChange = n > 1 ? riskRank(last.level) - riskRank(first.level) : 0;
  const delta = Math.round((late - early) * 10) / 10;
  const trend: RiskTrend = n < 2 ? 'steady'
    : delta >= TREND_STEP || (levelChange > 0 && delta >= 0) ? 'rising'
      : delta <= -TREND_STEP || (levelChange < 0 && delta <= 0) ? 'falling' : 'steady';
  const name = TREND_NAMES[trend];
  const text: Label = n === 0 ? { zh: '', en: '' } : {
    zh: `${first.month}至${last.month}风险${name.zh}：由${RISK_LEVEL_NAMES[first.level].zh}到${RISK_LEVEL_NAMES[last.level].zh}，前期平均分 ${early}，近期平均分 ${late}`,
    en: `Risk ${name.en} from ${first.month} to ${last.month}: ${RISK_LEVEL_NAMES[first.level].en} to ${RISK_LEVEL_NAMES[last.level].en}, early mean score ${early}, recent ${late}`,
  };
  return { trend, early_mean_score: early, recent_mean_score: late, score_change: delta, level_change: levelChange, text };
}
