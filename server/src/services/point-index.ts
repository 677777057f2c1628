/**
 * A supercluster index over points with counters: every point carries a set of 0/1 counters
 * (e.g. one per status), and each cluster the sums of its points' counters. Pure and in-memory.
 */
import Supercluster from 'supercluster';

export interface IndexedPoint<P> {
  lon: number;
  lat: number;
  /** Carried by a single (unclustered) point in the output. */
  properties: P;
  /** Summed over a cluster's points (names become properties of the cluster). */
  counters: Record<string, number>;
}

export type ClusterOutput<P> =
  | { type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] };
      properties: { cluster: true; cluster_id: number; point_count: number; point_count_abbreviated: string | number; expansion_zoom: number } & Record<string, unknown> }
  | { type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] }; properties: { cluster: false } & P };

export const CLUSTER_RADIUS_PX = 60;
export const CLUSTER_MAX_ZOOM = 16;

type Counters = Record<string, number>;

export interface PointIndex<P> {
  readonly size: number;
  /**
   * Clusters and single points in a bbox at a zoom (floored, as supercluster does).
   * @param bbox [minLng, minLat, maxLng, maxLat]
   */
  getClusters(bbox: readonly [number, number, number, number], zoom: number): ClusterOutput<P>[];
}

/** Builds the index; `idOf` names single points in the output (feature id `p{id}`; clusters are `c{cluster_id}`). */
export function buildPointIndex<P>(points: readonly IndexedPoint<P>[], idOf: (p: P) => number | string): PointIndex<P> {
  type Props = { i: number } & Counters;
  const sc = new Supercluster<Props, Counters>({
    radius: CLUSTER_RADIUS_PX,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => {
      const { i: _i, ...counters } = p;
      return { ...counters };
    },
    reduce: (acc, p) => {
      for (const k of Object.keys(p)) acc[k] = (acc[k] ?? 0) + p[k];
    },
  });
  sc.load(points.map((p, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] }, properties: { i, ...p.counters } })));
  return {
    size: points.length,
    getClusters(bbox, zoom) {
      return sc.getClusters([bbox[0], bbox[1], bbox[2], bbox[3]], zoom).map((f): ClusterOutput<P> => {
        const coordinates = f.geometry.coordinates as [number, number];
        const props = f.properties as Record<string, unknown>;
        if (props.cluster) {
          const { cluster: _c, cluster_id, point_count, point_count_abbreviated, ...counters } = props as Record<string, number> & { cluster: true };
          return {
            type: 'Feature', id: `c${cluster_id}`, geometry: { type: 'Point', coordinates },
            properties: { cluster: true, cluster_id, point_count, point_count_abbreviated, expansion_zoom: sc.getClusterExpansionZoom(cluster_id), ...counters },
          };
        }
        const p = points[(props as Props).i].properties;
        return { type: 'Feature', id: `p${idOf(p)}`, geometry: { type: 'Point', coordinates }, properties: { cluster: false, ...p } };
      });
    },
  };
}
