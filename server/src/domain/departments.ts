/** The district's sector departments and which ones a dispute type is routed to (escalation, 协办函). */
import type { DisputeType } from './dispute-types.ts';

export interface Department { code: string; name: string; nameEn: string }

export const DEPARTMENTS: Department[] = [
  { code: 'zhujian', name: '区住建局', nameEn: 'Housing & Construction Bureau' },
  { code: 'ziranziyuan', name: '区自然资源局', nameEn: 'Natural Resources Bureau' },
  { code: 'renshe', name: '区人社局', nameEn: 'Human Resources & Social Security Bureau' },
  { code: 'fulian', name: '区妇联', nameEn: "Women's Federation" },
  { code: 'gongan', name: '区公安分局', nameEn: 'Public Security Sub-bureau' },
  { code: 'sifa', name: '区司法局', nameEn: 'Justice Bureau' },
  { code: 'shengtai', name: '区生态环境分局', nameEn: 'Ecology & Environment Sub-bureau' },
  { code: 'jiaojing', name: '区交警大队', nameEn: 'Traffic Police Brigade' },
  { code: 'xinfang', name: '区信访局', nameEn: 'Letters & Visits Bureau' },
];

/** Lead department first; family violence goes to the Women's Federation together with the police. */
export const ROUTING: Record<DisputeType, string[]> = {
  housing_property: ['zhujian'],
  land_boundary: ['ziranziyuan'],
  labour: ['renshe'],
  marriage_family: ['fulian', 'gongan'],
  neighbour: ['sifa'],
  nuisance: ['shengtai', 'zhujian'],
  debt: ['sifa'],
  traffic: ['jiaojing'],
  other: ['xinfang'],
};

export function departmentsFor(type: DisputeType): Department[] {
  return ROUTING[type].map((c) => DEPARTMENTS.find((d) => d.code === c)!);
}
