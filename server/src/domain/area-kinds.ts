/**
 * The administrative levels of the map and how their codes look: the district 620802 (6 digits),
 * towns 9, villages 12, grids 15 (each extends its parent's code by 3 digits).
 */
import { invalidParameter, quoteInput } from './api-error.ts';
import type { Label } from './risk-levels.ts';

export const AREA_KINDS = ['district', 'town', 'village', 'grid'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const AREA_KIND_NAMES: Record<AreaKind, Label> = {
  district: { zh: '区', en: 'District' },
  town: { zh: '乡镇（街道）', en: 'Town / subdistrict' },
  village: { zh: '村（社区）', en: 'Village / community' },
  grid: { zh: '网格', en: 'Grid' },
};

const KIND_BY_LENGTH: Record<number, AreaKind> = { 6: 'district', 9: 'town', 12: 'village', 15: 'grid' };

/** The kind of area a code names, or null when it is not an area code. */
export function areaKindOfCode(code: string): AreaKind | null {
  return /^\d+$/.test(code) ? KIND_BY_LENGTH[code.length] ?? null : null;
}

/**
 * Checks the shape of an area code (whether the area exists is the database's question: 404 there).
 * @throws ApiError 400 naming `parameter`.
 */
export function parseAreaCode(raw: string, parameter = 'code'): { code: string; kind: AreaKind } {
  const kind = areaKindOfCode(raw);
  if (!kind) {
    throw invalidParameter(parameter, `${parameter} ${quoteInput(raw)} is not an area code: 6 (district), 9 (town), 12 (village) or 15 (grid) digits`);
  }
  return { code: raw, kind };
}
