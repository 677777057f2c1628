/** Loads server-side clusters (supercluster) of disputes and cameras for the current viewport and zoom. */
import { useEffect, type RefObject } from 'react';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { api } from '../api/endpoints.ts';
import type { DisputeMode, LayerId } from '../state/url-state.ts';

/** `ready`: the map's style is parsed, so its GeoJSON sources exist. */
export function useViewportClusters(mapRef: RefObject<MlMap | null>, ready: boolean, layers: LayerId[], period: { from: string; to: string } | null, mode: DisputeMode, live = 0): void {
  const key = `${ready}|${layers.join(',')}|${period?.from}|${period?.to}|${mode}|${live}`;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    let ctrl = new AbortController();
    const load = () => {
      ctrl.abort();
      ctrl = new AbortController();
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      const set = (id: string, fc: GeoJSON.FeatureCollection) => (map.getSource(id) as GeoJSONSource | undefined)?.setData(fc);
      const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
      const signal = ctrl.signal;
      const ignore = (e: unknown) => { if ((e as Error).name !== 'AbortError') console.warn(e); };
      if (layers.includes('disputes') && mode === 'clusters' && period) api.disputeClusters(bbox, map.getZoom(), period, signal).then((fc) => set('disputes', fc), ignore);
      else set('disputes', empty);
      for (const program of ['xueliang', 'pingan'] as const) {
        const id = `cameras-${program}`;
        if (layers.includes(id as LayerId)) api.cameraClusters(bbox, map.getZoom(), program, signal).then((fc) => set(id, fc), ignore);
        else set(id, empty);
      }
    };
    load();
    map.on('moveend', load);
    return () => { ctrl.abort(); map.off('moveend', load); };
  }, [key]);
}
