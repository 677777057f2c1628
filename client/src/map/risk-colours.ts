/** The four warning colours and their order; colour is never the only signal (the level marks on the map, overlay-layers.ts). */
import type { RiskLevelName } from '../api/endpoints.ts';
import { RISK_LEVELS as LEVELS, RISK_LEVEL_COLOURS, RISK_LEVEL_NAMES } from '@domain/risk-levels.ts';

export const RISK_LEVELS: RiskLevelName[] = [...LEVELS];
export const RISK_COLOURS: Record<RiskLevelName, string> = RISK_LEVEL_COLOURS;
/** The district's names of the levels (蓝色（低风险）…), from the shared domain. */
export const RISK_NAMES: Record<RiskLevelName, { zh: string; en: string }> = RISK_LEVEL_NAMES;
/** Short level marks drawn on the map next to area names: readable without colour. */
export const RISK_MARKS: Record<RiskLevelName, { zh: string; en: string }> = {
  blue: { zh: '蓝', en: 'B' }, yellow: { zh: '黄', en: 'Y' }, orange: { zh: '橙', en: 'O' }, red: { zh: '红', en: 'R' },
};
