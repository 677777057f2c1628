/**
 * Known and estimated places of the district (GEOGRAPHY.md). Coordinates are [lon, lat], WGS84.
 * Seats marked `estimated: false` come from GEOGRAPHY.md; the others are placed by region
 * (northern uplands, southern mountains) where no published position was found.
 */
export type LonLat = [number, number];

export const DISTRICT_CODE = '620802';
export const DISTRICT_POPULATION = 504_300;

/** Town/subdistrict seats by name prefix (the official names carry 镇/乡/街道 suffixes). */
export const TOWN_SEATS: Record<string, { at: LonLat; placed: 'published' | 'by-region' }> = {
  中街: { at: [106.675, 35.543], placed: 'published' },
  东关: { at: [106.695, 35.540], placed: 'published' },
  西郊: { at: [106.655, 35.545], placed: 'published' },
  崆峒: { at: [106.60, 35.52], placed: 'published' },
  柳湖: { at: [106.63, 35.56], placed: 'published' },
  安国: { at: [106.52, 35.62], placed: 'published' },
  四十里铺: { at: [106.88, 35.50], placed: 'published' },
  白水: { at: [107.00, 35.45], placed: 'published' },
  花所: { at: [107.15, 35.40], placed: 'published' },
  草峰: { at: [106.80, 35.62], placed: 'published' },
  寨河: { at: [106.72, 35.70], placed: 'published' },
  西阳: { at: [106.58, 35.70], placed: 'published' },
  香莲: { at: [106.68, 35.63], placed: 'published' },
  大秦: { at: [106.56, 35.66], placed: 'published' },
  白庙: { at: [106.93, 35.57], placed: 'by-region' },
  索罗: { at: [106.87, 35.43], placed: 'by-region' },
  大寨: { at: [106.74, 35.42], placed: 'by-region' },
  上杨: { at: [106.76, 35.33], placed: 'by-region' },
  麻武: { at: [106.56, 35.46], placed: 'by-region' },
  峡门: { at: [106.63, 35.39], placed: 'by-region' },
};

/** Relative size of each town's territory (Dijkstra cost divisor): mountain townships are larger. */
export const TOWN_REACH: Record<string, number> = {
  峡门: 1.35, 大寨: 1.3, 上杨: 1.25, 麻武: 1.1, 索罗: 1.1, 白庙: 1.15, 花所: 1.0, 白水: 1.0,
  四十里铺: 1.05, 草峰: 1.05, 寨河: 1.0, 西阳: 1.0, 大秦: 0.95, 香莲: 0.95, 安国: 1.0, 崆峒: 0.9, 柳湖: 0.8,
};

/** Town populations from weak public sources (GEOGRAPHY.md); others are apportioned. */
export const KNOWN_TOWN_POPULATION: Record<string, { population: number; households?: number }> = {
  花所: { population: 18_614 },
  安国: { population: 15_864, households: 3_557 },
  崆峒: { population: 19_815 },
};

/** The city core on the north bank of the 泾河 (its southern edge ≈300 m north of the river), held by the three subdistricts. */
export const URBAN_CORE: LonLat[] = [
  [106.638, 35.5435], [106.66, 35.5405], [106.67, 35.5385], [106.69, 35.536], [106.72, 35.5315],
  [106.724, 35.545], [106.718, 35.562], [106.69, 35.566], [106.66, 35.565], [106.642, 35.558], [106.638, 35.5405],
];

export interface ContextLine { code: string; name: string; kind: 'river' | 'expressway' | 'national_road'; coords: LonLat[] }

export const CONTEXT_LINES: ContextLine[] = [
  { code: 'jinghe', name: '泾河', kind: 'river', coords: [[106.45, 35.53], [106.52, 35.55], [106.60, 35.54], [106.67, 35.535], [106.78, 35.52], [106.88, 35.50], [107.00, 35.45], [107.15, 35.40], [107.33, 35.35]] },
  { code: 'g22', name: 'G22/G70 高速', kind: 'expressway', coords: [[107.15, 35.41], [106.88, 35.50], [106.72, 35.53], [106.60, 35.56], [106.50, 35.63]] },
  { code: 'g312', name: 'G312 国道', kind: 'national_road', coords: [[107.00, 35.46], [106.67, 35.545], [106.52, 35.62], [106.42, 35.70]] },
  { code: 'g85', name: 'G85 高速', kind: 'expressway', coords: [[106.80, 35.66], [106.88, 35.50], [106.80, 35.35]] },
];

/** Named places the source document mentions, which the generator must include. */
export const NAMED = {
  mediationRooms: ['老街坊调解室', '杨大姐说和调解室'],
  legalStation: { town: '大秦', village: '苏家村' },
  publicPoliceStation: '解放路派出所',
};

/** Region of a point: the southern mountains are sparser, the Jing valley denser. */
export function regionOf([lon, lat]: LonLat): 'north' | 'valley' | 'south' {
  const riverLat = riverLatAt(lon);
  if (lat > riverLat + 0.06) return 'north';
  if (lat < riverLat - 0.04) return 'south';
  return 'valley';
}

/** Latitude of the Jing River at a longitude (piecewise linear). */
export function riverLatAt(lon: number): number {
  const c = CONTEXT_LINES[0].coords;
  if (lon <= c[0][0]) return c[0][1];
  for (let i = 1; i < c.length; i++) {
    if (lon <= c[i][0]) {
      const t = (lon - c[i - 1][0]) / (c[i][0] - c[i - 1][0]);
      return c[i - 1][1] + t * (c[i][1] - c[i - 1][1]);
    }
  }
  return c[c.length - 1][1];
}
