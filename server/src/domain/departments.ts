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

/**
 * Where each department's office is, [lng, lat]: synthetic positions in the district seat (平凉 city
 * centre, around 106.67, 35.54), used as the ends of transfer flows on the map.
 */
export const DEPARTMENT_OFFICES: Record<string, [number, number]> = {
  zhujian: [106.6712, 35.5431],
  ziranziyuan: [106.6745, 35.5418],
  renshe: [106.6688, 35.5452],
  fulian: [106.6651, 35.5440],
  gongan: [106.6779, 35.5447],
  sifa: [106.6632, 35.5409],
  shengtai: [106.6806, 35.5425],
  jiaojing: [106.6853, 35.5401],
  xinfang: [106.6668, 35.5416],
};
