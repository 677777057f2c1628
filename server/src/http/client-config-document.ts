/** GET /api/config: everything the client needs before its first map request. */
import type { BasemapSettings } from '../config.ts';
import { DISPUTE_STATUS_LABELS, DISPUTE_STATUSES, DISPUTE_TYPE_LABELS, DISPUTE_TYPES } from '../domain/dispute-types.ts';
import { defaultPeriodMonths, EARLIEST_MONTH, MAX_PERIOD_MONTHS } from '../domain/parse-period.ts';
import { localMonth } from '../domain/local-time.ts';
import { RISK_INDICATOR_NAMES, RISK_INDICATORS, type RiskThresholds } from '../domain/risk-config.ts';
import { RISK_LEVEL_COLOURS, RISK_LEVEL_NAMES, RISK_LEVELS } from '../domain/risk-levels.ts';
import type { ClientData } from '../services/client-config-service.ts';
import { TILE_LAYERS } from '../domain/collections.ts';
import { basemapOptions } from './basemaps.ts';

export function clientConfigDocument(data: ClientData | null, risk: RiskThresholds, basemaps: BasemapSettings, now: Date) {
  return {
    district: data?.district ?? null,
    data: data?.data ?? { first_month: null, last_month: null },
    time_zone: 'Asia/Shanghai',
    default_period: defaultPeriodMonths(now),
    period_limits: { earliest: EARLIEST_MONTH, latest: localMonth(now), max_months: MAX_PERIOD_MONTHS },
    risk: {
      levels: RISK_LEVELS.map((id) => ({ id, name: RISK_LEVEL_NAMES[id], colour: RISK_LEVEL_COLOURS[id] })),
      indicators: RISK_INDICATORS.map((id) => ({ id, name: RISK_INDICATOR_NAMES[id] })),
      thresholds: risk,
    },
    dispute_types: DISPUTE_TYPES.map((id) => ({ id, name: DISPUTE_TYPE_LABELS[id] })),
    dispute_statuses: DISPUTE_STATUSES.map((id) => ({ id, name: DISPUTE_STATUS_LABELS[id] })),
    basemaps: basemapOptions(basemaps),
    // The same templates as each layer's TileJSON (/api/tiles/{layer}.json), inline to spare the client a round trip.
    tiles: Object.fromEntries(TILE_LAYERS.map((l) => [l.id, { path: `/api/tiles/${l.id}/{z}/{x}/{y}.mvt`, minzoom: l.tiles.minzoom, maxzoom: l.tiles.maxzoom }])),
  };
}
