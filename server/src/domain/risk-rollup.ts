/**
 * Rolls grid risk up the administrative tree: grids → villages → towns → the district.
 *
 * A parent's level is the higher of
 *   (a) its own:      the rule of risk-rules.ts on the sums of its grids' counts, with the count
 *                     thresholds scaled by (its grids)^gridScaleExponent (default √n);
 *   (b) its children: red when at least max(redChildrenMin, ⌈redChildrenShare × children⌉) children
 *                     are red; else at least orange when any child is red; at least yellow when any
 *                     child is orange;
 *   (c) its grids:    a town or the district with a red grid anywhere inside is at least yellow.
 * So one red grid makes its village orange, its town and the district yellow: attention travels up,
 * one step weaker per level, but a red grid is never hidden.
 * A parent's score: 25 per colour step, plus up to 25 from its own indicators and its children's levels.
 */
import type { AreaKind } from './area-kinds.ts';
import type { RiskThresholds } from './risk-config.ts';
import { maxLevel, riskRank, type RiskLevel } from './risk-levels.ts';
import { assessRisk, scoreOf, sortReasons, ZERO_COUNTS, type RiskAssessment, type RiskCounts, type RiskReason } from './risk-rules.ts';
import { reasonText } from './risk-text.ts';

export interface GridRiskInput {
  code: string;
  villageCode: string;
  townCode: string;
  counts: RiskCounts;
}

export interface AreaRisk extends RiskAssessment {
  code: string;
  kind: AreaKind;
  /** Summed counts of the area's grids. */
  counts: RiskCounts;
  grids: number;
  /** Codes of the child areas (empty for a grid). */
  children: string[];
  /** Red grids inside the area (for a grid: 1 when it is red). */
  redGrids: number;
}

export interface RiskTree {
  districtCode: string;
  /** Every area by code: the district, towns, villages and grids. */
  areas: Map<string, AreaRisk>;
}

/** Sums counts; the previous-period count is null when any part lacks it. */
export function sumCounts(list: readonly RiskCounts[]): RiskCounts {
  const s = { ...ZERO_COUNTS };
  for (const c of list) {
    for (const k of ['open', 'overdue', 'due_soon', 'criminal', 'repeat', 'escalated', 'reported'] as const) s[k] += c[k];
    s.previous = s.previous === null || c.previous === null ? null : s.previous + c.previous;
  }
  return s;
}

/** The children part of the rule: the level the children impose and the reasons for it. */
export function childrenRule(childLevels: readonly RiskLevel[], config: RiskThresholds): { level: RiskLevel; reasons: RiskReason[] } {
  const red = childLevels.filter((l) => l === 'red').length;
  const orange = childLevels.filter((l) => l === 'orange').length;
  const need = Math.max(config.rollup.redChildrenMin, Math.ceil(config.rollup.redChildrenShare * childLevels.length - 1e-9));
  const reasons: RiskReason[] = [];
  const add = (indicator: 'children_red' | 'child_red' | 'child_orange', value: number, threshold: number, level: RiskLevel) =>
    reasons.push({ indicator, value, threshold, level, text: reasonText({ kind: indicator, value, threshold, level }) });
  if (red >= need) add('children_red', red, need, 'red');
  else if (red > 0) add('child_red', red, 1, 'orange');
  if (orange > 0) add('child_orange', orange, 1, 'yellow');
  return { level: reasons[0]?.level ?? 'blue', reasons };
}

/** Part (c): red grids below the children (a town's or the district's) make it at least yellow. */
export function gridRule(redGridsBelowChildren: number): { level: RiskLevel; reasons: RiskReason[] } {
  if (redGridsBelowChildren <= 0) return { level: 'blue', reasons: [] };
  const facts = { kind: 'grid_red' as const, value: redGridsBelowChildren, threshold: 1, level: 'yellow' as const };
  return { level: 'yellow', reasons: [{ indicator: 'grid_red', value: facts.value, threshold: 1, level: 'yellow', text: reasonText(facts) }] };
}

/**
 * Judges a parent from its summed counts, its number of grids, its children's levels and the red
 * grids deeper down (0 for a village, whose children are the grids).
 */
export function assessParent(
  counts: RiskCounts, grids: number, childLevels: readonly RiskLevel[], redGridsBelowChildren: number, config: RiskThresholds, months: number,
): RiskAssessment {
  const own = assessRisk(counts, config, { grids, months });
  const fromChildren = childrenRule(childLevels, config);
  const fromGrids = gridRule(redGridsBelowChildren);
  const level = maxLevel(maxLevel(own.level, fromChildren.level), fromGrids.level);
  const ownFraction = (own.score - 25 * riskRank(own.level)) / 24.9;
  const childFraction = childLevels.length ? childLevels.reduce((s, l) => s + riskRank(l), 0) / (3 * childLevels.length) : 0;
  return {
    level,
    score: scoreOf(level, (ownFraction + childFraction) / 2),
    reasons: sortReasons([...own.reasons, ...fromChildren.reasons, ...fromGrids.reasons]),
    indicators: own.indicators,
  };
}

/**
 * Judges every grid and rolls up to villages, towns and the district. Grids are the leaves; a
 * village or town with no grids does not appear.
 * @param months months in the period (scales the flow thresholds of long periods)
 */
export function rollUpRisk(grids: readonly GridRiskInput[], districtCode: string, config: RiskThresholds, months: number): RiskTree {
  const areas = new Map<string, AreaRisk>();
  const villages = new Map<string, { town: string; grids: string[] }>();
  for (const g of grids) {
    const a = assessRisk(g.counts, config, { grids: 1, months });
    areas.set(g.code, { code: g.code, kind: 'grid', counts: g.counts, grids: 1, children: [], redGrids: a.level === 'red' ? 1 : 0, ...a });
    const v = villages.get(g.villageCode) ?? { town: g.townCode, grids: [] };
    v.grids.push(g.code);
    villages.set(g.villageCode, v);
  }
  const towns = new Map<string, string[]>();
  for (const [code, v] of villages) {
    towns.set(v.town, [...(towns.get(v.town) ?? []), code]);
  }
  const parent = (code: string, kind: AreaKind, children: string[]) => {
    const kids = children.map((c) => areas.get(c)!);
    const counts = sumCounts(kids.map((k) => k.counts));
    const n = kids.reduce((s, k) => s + k.grids, 0);
    const redGrids = kids.reduce((s, k) => s + k.redGrids, 0);
    const a = assessParent(counts, n, kids.map((k) => k.level), kind === 'village' ? 0 : redGrids, config, months);
    areas.set(code, { code, kind, counts, grids: n, children, redGrids, ...a });
  };
  for (const [code, v] of villages) parent(code, 'village', v.grids);
  for (const [code, vs] of towns) parent(code, 'town', vs);
  parent(districtCode, 'district', [...towns.keys()]);
  return { districtCode, areas };
}
