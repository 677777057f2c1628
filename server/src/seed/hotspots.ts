/**
 * Dispute hotspots of the generated data: places where disputes concentrate, each with its own story
 * over time (persistent, new, intensifying, diminishing, sporadic), so that hotspot analytics have
 * something real to find. A hotspot's intensity is the share of all disputes it draws at a time.
 */
import type { Rng } from './rng.ts';
import type { Geography } from './geography.ts';
import type { LonLat } from './places.ts';
import type { DisputeType } from '../domain/dispute-types.ts';

export type HotspotPattern = 'persistent' | 'new' | 'intensifying' | 'diminishing' | 'sporadic';
export interface Hotspot { centre: LonLat; radiusKm: number; type: DisputeType; pattern: HotspotPattern; intensity(year: number): number }

const PATTERNS: HotspotPattern[] = ['persistent', 'persistent', 'new', 'intensifying', 'diminishing', 'sporadic'];

export function createHotspots(geo: Geography, rng: Rng): Hotspot[] {
  const urban = geo.grids.filter((g) => g.kind === 'urban');
  const rural = geo.grids.filter((g) => g.kind === 'rural');
  const out: Hotspot[] = [];
  const make = (centre: LonLat, urbanSpot: boolean, pattern: HotspotPattern): Hotspot => {
    const base = rng.range(0.008, 0.016);
    const type: DisputeType = urbanSpot ? rng.pick(['housing_property', 'nuisance', 'neighbour'] as const)
      : rng.pick(['land_boundary', 'neighbour', 'marriage_family'] as const);
    const phase = rng.int(0, 1);
    return {
      centre, radiusKm: urbanSpot ? rng.range(0.3, 0.6) : rng.range(0.8, 1.6), type, pattern,
      intensity(year) {
        switch (pattern) {
          case 'persistent': return base;
          case 'new': return year < 2025.5 ? 0 : base * 1.5;
          case 'intensifying': return year < 2021 ? base * 0.2 : base * Math.min(2.2, 0.2 + (year - 2021) * 0.4);
          case 'diminishing': return year < 2022 ? base * 1.8 : Math.max(0, base * (1.8 - (year - 2022) * 0.9));
          case 'sporadic': return Math.floor(year * 2) % 2 === phase ? base * 1.5 : 0;
        }
      },
    };
  };
  for (let i = 0; i < 5; i++) out.push(make(rng.pick(urban).centre, true, PATTERNS[i % PATTERNS.length]));
  for (let i = 0; i < 8; i++) out.push(make(rng.pick(rural).centre, false, PATTERNS[(i + 2) % PATTERNS.length]));
  return out;
}
