/** The sentences that explain a risk level, in Chinese and English (one per reason). */
import type { RiskIndicator } from './risk-config.ts';
import type { Label, RiskLevel } from './risk-levels.ts';

const ZH_LEVEL: Record<RiskLevel, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

/** Why an area is not blue: one of its indicators, a combination of them, or its children. */
export type ReasonKind = RiskIndicator | 'combination' | 'children_red' | 'child_red' | 'child_orange' | 'grid_red';

export interface ReasonFacts {
  kind: ReasonKind;
  value: number;
  threshold: number;
  level: RiskLevel;
  /** For trend: disputes reported in the period and in the previous one. */
  reported?: number;
  previous?: number;
}

/** The explanation of one reason; thresholds are the effective ones for this area and period. */
export function reasonText(f: ReasonFacts): Label {
  const { value: v, threshold: t, level } = f;
  const zl = ZH_LEVEL[level];
  switch (f.kind) {
    case 'open':
      return { zh: `未化解纠纷 ${v} 件（${zl}阈值 ${t} 件）`, en: `${v} open disputes (${level} threshold ${t})` };
    case 'overdue':
      return { zh: `超期未化解纠纷 ${v} 件（${zl}阈值 ${t} 件）`, en: `${v} open disputes past their deadline (${level} threshold ${t})` };
    case 'due_soon':
      return { zh: `临近办理时限（黄牌）的未化解纠纷 ${v} 件（${zl}阈值 ${t} 件）`, en: `${v} open disputes near their time limit, yellow cards (${level} threshold ${t})` };
    case 'criminal':
      return { zh: `有民转刑风险的未化解纠纷 ${v} 件（${zl}阈值 ${t} 件）`, en: `${v} open disputes at risk of turning criminal (${level} threshold ${t})` };
    case 'repeat':
      return { zh: `期内反复纠纷 ${v} 件（${zl}阈值 ${t} 件）`, en: `${v} repeat disputes in the period (${level} threshold ${t})` };
    case 'escalated':
      return { zh: `期内上报升级 ${v} 次（${zl}阈值 ${t} 次）`, en: `${v} escalations in the period (${level} threshold ${t})` };
    case 'trend':
      return {
        zh: `期内纠纷 ${f.reported} 件，为上期 ${f.previous} 件的 ${v} 倍（${zl}阈值 ${t} 倍）`,
        en: `${f.reported} disputes reported, ${v}× the previous period's ${f.previous} (${level} threshold ${t}×)`,
      };
    case 'combination':
      return level === 'red'
        ? { zh: `${v} 项指标达到橙色及以上（${t} 项及以上为红色）`, en: `${v} indicators at orange or above (${t} or more make it red)` }
        : { zh: `${v} 项指标达到黄色及以上（${t} 项及以上至少为橙色）`, en: `${v} indicators at yellow or above (${t} or more make it at least orange)` };
    case 'children_red':
      return { zh: `下辖红色单元 ${v} 个（${t} 个及以上为红色）`, en: `${v} red sub-areas (${t} or more make it red)` };
    case 'child_red':
      return { zh: `下辖有红色单元 ${v} 个，至少为橙色`, en: `${v} red sub-area(s): at least orange` };
    case 'child_orange':
      return { zh: `下辖有橙色单元 ${v} 个，至少为黄色`, en: `${v} orange sub-area(s): at least yellow` };
    case 'grid_red':
      return { zh: `辖区内有红色网格 ${v} 个，至少为黄色`, en: `${v} red grid(s) inside: at least yellow` };
  }
}
