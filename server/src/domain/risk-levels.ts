/**
 * The four colours of the district's risk warning (四色预警), lowest to highest: blue < yellow <
 * orange < red. Pure: shared by the server and the map's legend.
 */
export const RISK_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface Label { readonly zh: string; readonly en: string }

/** Names for the legend, in the words the district uses (低/一般/较大/重大风险). */
export const RISK_LEVEL_NAMES: Record<RiskLevel, Label> = {
  blue: { zh: '蓝色（低风险）', en: 'Blue (low)' },
  yellow: { zh: '黄色（一般风险）', en: 'Yellow (moderate)' },
  orange: { zh: '橙色（较大风险）', en: 'Orange (high)' },
  red: { zh: '红色（重大风险）', en: 'Red (severe)' },
};

/** Suggested fill colours (the client may restyle them; the order is what matters). */
export const RISK_LEVEL_COLOURS: Record<RiskLevel, string> = {
  blue: '#2f7fd8', yellow: '#f2c230', orange: '#f07f1f', red: '#d7263d',
};

/** 0 (blue) to 3 (red). */
export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** The level of rank r (clamped to 0..3). */
export function levelOfRank(r: number): RiskLevel {
  return RISK_LEVELS[Math.max(0, Math.min(RISK_LEVELS.length - 1, Math.floor(r)))];
}

/** The higher of two levels. */
export function maxLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return riskRank(a) >= riskRank(b) ? a : b;
}

/** True when `level` is `min` or higher. */
export function atLeast(level: RiskLevel, min: RiskLevel): boolean {
  return riskRank(level) >= riskRank(min);
}

export function isRiskLevel(v: unknown): v is RiskLevel {
  return typeof v === 'string' && (RISK_LEVELS as readonly string[]).includes(v);
}
