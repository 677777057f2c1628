/**
 * Who handles a dispute at each level, as the ledger names it: the village's mediation committee
 * (调委会), the town's governance centre (综治中心), or a sector department (the lead one for the
 * type unless another is named). The department's code is recovered from its name.
 */
import { DEPARTMENTS, departmentsFor, type Department } from './departments.ts';
import type { DisputeType, HandlingLevel } from './dispute-types.ts';

export interface PlaceNames { village: string; town: string }

export function handlerUnit(level: HandlingLevel, names: PlaceNames, type: DisputeType, department?: string): string {
  if (level === 'village') return `${names.village}调委会`;
  if (level === 'town') return `${names.town}综治中心`;
  return (department ? findDepartment(department) : undefined)?.name ?? departmentsFor(type)[0].name;
}

export function findDepartment(code: string): Department | undefined {
  return DEPARTMENTS.find((d) => d.code === code);
}

/** The department whose name a handler_unit is, or null (village and town handlers). */
export function departmentOfHandler(handlerUnitName: string): Department | null {
  return DEPARTMENTS.find((d) => d.name === handlerUnitName) ?? null;
}
