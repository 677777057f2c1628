/**
 * Hotspot mode: the period's disputes as a deck.gl heatmap or hexagon aggregation over the map.
 * deck.gl is loaded on first use, so the default map route does not pay for it.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Map as MlMap, IControl } from 'maplibre-gl';
import { api } from '../api/endpoints.ts';

type Overlay = IControl & { setProps(p: { layers: unknown[] }): void };

export function useHotspotOverlay(mapRef: RefObject<MlMap | null>, mode: 'heatmap' | 'hexagons' | null, period: { from: string; to: string } | null): void {
  const overlay = useRef<Overlay | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!mode || !period) { overlay.current?.setProps({ layers: [] }); return; }
    const ctrl = new AbortController();
    (async () => {
      const [{ MapboxOverlay }, { HeatmapLayer, HexagonLayer }, data] = await Promise.all([
        import('@deck.gl/mapbox'), import('@deck.gl/aggregation-layers'), api.disputePoints(period, ctrl.signal)]);
      if (ctrl.signal.aborted) return;
      if (!overlay.current) {
        overlay.current = new MapboxOverlay({ interleaved: false, layers: [] }) as unknown as Overlay;
        map.addControl(overlay.current);
      }
      const lon = data.fields.indexOf('lon'), lat = data.fields.indexOf('lat');
      const pos = (r: (number | string | boolean)[]) => [Number(r[lon]), Number(r[lat])] as [number, number];
      const layer = mode === 'heatmap'
        ? new HeatmapLayer({ id: 'dispute-heatmap', data: data.rows, getPosition: pos, radiusPixels: 40, intensity: 1.2, threshold: 0.04 })
        : new HexagonLayer({ id: 'dispute-hexagons', data: data.rows, getPosition: pos, radius: 600, extruded: false, opacity: 0.6, pickable: false,
          colorRange: [[255, 255, 204], [255, 237, 160], [254, 178, 76], [253, 141, 60], [240, 59, 32], [189, 0, 38]] });
      overlay.current.setProps({ layers: [layer] });
    })().catch((e) => { if (e.name !== 'AbortError') console.warn(e); });
    return () => ctrl.abort();
  }, [mode, period?.from, period?.to]);
}
