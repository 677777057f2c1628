/** Data of the working-system layers, loaded only while the layer is on and refetched on live updates. */
import { useEffect, useState } from 'react';
import { workflow, type Screening } from '../api/workflow-endpoints.ts';
import type { LayerId } from '../state/url-state.ts';
import type { ScreeningSets } from './workflow-layers.ts';

export function useWorkflowOverlays(layers: LayerId[], live: number) {
  const [flows, setFlows] = useState<GeoJSON.FeatureCollection | null>(null);
  const [screening, setScreening] = useState<Screening | null>(null);
  const showFlows = layers.includes('transfers'), showScreening = layers.includes('screening');
  useEffect(() => {
    if (!showFlows) return;
    const ctrl = new AbortController();
    workflow.flows(ctrl.signal).then(setFlows, (e) => { if (e.name !== 'AbortError') console.warn(e); });
    return () => ctrl.abort();
  }, [showFlows, live]);
  useEffect(() => {
    if (!showScreening) return;
    const ctrl = new AbortController();
    workflow.screening(null, ctrl.signal).then(setScreening, (e) => { if (e.name !== 'AbortError') console.warn(e); });
    return () => ctrl.abort();
  }, [showScreening, live]);
  return { flows, screening, screeningSets: screeningSets(screening) };
}

const cache = new WeakMap<Screening, ScreeningSets>();
/** Grid codes by check-in state (memoised per response, so the map's style inputs stay equal). */
export function screeningSets(s: Screening | null): ScreeningSets | null {
  if (!s) return null;
  let sets = cache.get(s);
  if (!sets) {
    sets = { reported: s.grids.filter((g) => g.reported).map((g) => g.code), silent: s.grids.filter((g) => !g.reported).map((g) => g.code), flagged: s.grids.filter((g) => g.flagged).map((g) => g.code) };
    cache.set(s, sets);
  }
  return sets;
}
