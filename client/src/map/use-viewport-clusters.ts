/** Loads server-side clusters (supercluster) of disputes and cameras for the current viewport and zoom. */
import { useEffect, type RefObject } from 'react';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { api } from '../api/endpoints.ts';
import type { DisputeMode, LayerId } from '../state/url-state.ts';

/**
 * `ready`: the map's style is parsed, so its GeoJSON sources exist. The first request does not wait
 * for it (the map is created, and fitted, before this effect runs): what arrives before the style is
 * parsed is put into the source at 'pingan:ready', so the clusters are part of the first idle map.
 */
export function useViewportClusters(mapRef: RefObject<MlMap | null>, ready: boolean, layers: LayerId[], period: { from: string; to: string } | null, mode: DisputeMode, live = 0): void {
  const key = `${layers.join(',')}|${period?.from}|${period?.to}|${mode}|${live}`;
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    let ctrl = new AbortController();
    const load = () => {
      ctrl.abort();
      ctrl = new AbortController();
      const b = map.getBounds();
      const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      const signal = ctrl.signal;
      const set = (id: string, fc: GeoJSON.FeatureCollection) => {
        if (signal.aborted) return;
        const src = map.getSource(id) as GeoJSONSource | undefined;
        // Before the style is parsed: put the data in when it is.
        if (!src) return void map.once('pingan:ready' as 'load', () => set(id, fc));
        // An empty source stays as it is: no worker round trip, no re-render.
        const shown = src.serialize().data as GeoJSON.FeatureCollection | undefined;
        if (!fc.features.length && typeof shown === 'object' && !shown.features?.length) return;
        src.setData(fc);
      };
      const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
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
    // `ready` is not a dependency: data fetched before it is applied at 'pingan:ready'.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
