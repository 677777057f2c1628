/** The four warning colours and their order; colour is never the only signal (see patterns.ts, labels). */
import type { RiskLevelName } from '../api/endpoints.ts';
import { RISK_LEVELS as LEVELS, RISK_LEVEL_COLOURS } from '@domain/risk-levels.ts';

export const RISK_LEVELS: RiskLevelName[] = [...LEVELS];
export const RISK_COLOURS: Record<RiskLevelName, string> = RISK_LEVEL_COLOURS;
export const RISK_KEYS: Record<RiskLevelName, string> = { blue: 'level0', yellow: 'level1', orange: 'level2', red: 'level3' };
/** Short level marks drawn on the map next to area names: readable without colour. */
export const RISK_MARKS: Record<RiskLevelName, { zh: string; en: string }> = {
  blue: { zh: '蓝', en: 'B' }, yellow: { zh: '黄', en: 'Y' }, orange: { zh: '橙', en: 'O' }, red: { zh: '红', en: 'R' },
};
