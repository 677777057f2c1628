/**
 * The grid classes of the hotspot layers for the period, fetched while a layer is on (and again on
 * live updates): Gi* classes, and the emerging classes over the period's months (at least the last 12
 * months up to the period's end, since a trend needs months).
 */
import { useEffect, useState } from 'react';
import { hotspotsApi } from '../api/hotspot-endpoints.ts';
import type { LayerId } from '../state/url-state.ts';
import { addMonths, monthsBetween } from '../state/months.ts';
import { giKey, type ClassIndex } from './hotspot-layers.ts';

export function useHotspotClasses(layers: LayerId[], period: { from: string; to: string } | null, live: number) {
  const [hotspots, setHotspots] = useState<ClassIndex | null>(null);
  const [emerging, setEmerging] = useState<ClassIndex | null>(null);
  const giOn = layers.includes('hotspots'), emOn = layers.includes('emerging');
  useEffect(() => {
    if (!giOn || !period) return;
    const ctrl = new AbortController();
    hotspotsApi.gi(period, ctrl.signal).then((r) => {
      const m: ClassIndex = new Map();
      for (const g of r.grids) { const k = giKey(g); if (k) m.set(g.code, k); }
      setHotspots(m);
    }, () => undefined);
    return () => ctrl.abort();
  }, [giOn, period?.from, period?.to, live]);
  useEffect(() => {
    if (!emOn || !period) return;
    const ctrl = new AbortController();
    const span = monthsBetween(period.from, period.to) >= 2 ? period : { from: addMonths(period.to, -11), to: period.to };
    hotspotsApi.emerging(span, ctrl.signal).then((r) => {
      const m: ClassIndex = new Map();
      for (const g of r.grids) if (g.category !== 'none') m.set(g.code, g.category);
      setEmerging(m);
    }, () => undefined);
    return () => ctrl.abort();
  }, [emOn, period?.from, period?.to, live]);
  return { hotspots: giOn ? hotspots : null, emerging: emOn ? emerging : null };
}
