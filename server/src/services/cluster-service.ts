/**
 * Server-side clustering (supercluster) of disputes and cameras, and the compact dispute point list
 * for the client's heatmap and hexagon modes. Dispute indexes are built per (period, type, status)
 * from one query and kept in a small LRU (a period that runs up to now for a minute, an ended one
 * for an hour); camera indexes are built once per programme. invalidate() after writes.
 */
import type { Database } from '../db/database.ts';
import { scopeKey, type AccessScope } from '../domain/access-scope.ts';
import { DISPUTE_STATUSES, type DisputeType } from '../domain/dispute-types.ts';
import type { CameraProgram, StatusFilter } from '../domain/parse-cluster-query.ts';
import type { Period } from '../domain/parse-period.ts';
import { cameraPointsSql, disputePointsSql } from '../sql/cluster-sql.ts';
import { LruCache } from '../tiles/tile-cache.ts';
import { buildPointIndex, type ClusterOutput, type IndexedPoint, type PointIndex } from './point-index.ts';

export const DISPUTE_INDEX_CACHE_SIZE = 6;

export interface DisputePoint { id: number; type: string; status: string; open: boolean; criminal_risk: boolean }
export interface CameraPoint { id: number; code: string; name: string; program: string }

export interface FeatureCollectionOut<P> {
  type: 'FeatureCollection';
  /** Points in the whole index (all of the period and filters, not only the bbox). */
  total: number;
  features: ClusterOutput<P>[];
}

export interface DisputeFilter { period: Period; type: DisputeType | null; status: StatusFilter | null }

export interface ClusterService {
  disputeClusters(scope: AccessScope, f: DisputeFilter, bbox: readonly [number, number, number, number], zoom: number): Promise<FeatureCollectionOut<DisputePoint>>;
  /** `{ fields: ['lon','lat','type','open'], rows }`, coordinates to 5 decimals (≈1 m), open as 1/0. */
  disputePoints(scope: AccessScope, period: Period, type: DisputeType | null): Promise<{ fields: string[]; rows: (number | string)[][] }>;
  cameraClusters(scope: AccessScope, program: CameraProgram | null, bbox: readonly [number, number, number, number], zoom: number): Promise<FeatureCollectionOut<CameraPoint>>;
  invalidate(): void;
}

interface Entry<P> { points: IndexedPoint<P>[]; index(): PointIndex<P> }

function entry<P>(points: IndexedPoint<P>[], idOf: (p: P) => number): Entry<P> {
  let built: PointIndex<P> | null = null;
  return { points, index: () => (built ??= buildPointIndex(points, idOf)) };
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

export function createClusterService(db: Database, now: () => Date = () => new Date()): ClusterService {
  const disputes = new LruCache<Promise<Entry<DisputePoint>>>(DISPUTE_INDEX_CACHE_SIZE);
  const cameras = new Map<string, Promise<Entry<CameraPoint>>>();

  function disputeEntry(scope: AccessScope, f: DisputeFilter): Promise<Entry<DisputePoint>> {
    const key = `${scopeKey(scope)}|${f.period.from}|${f.period.to}|${f.type ?? '*'}|${f.status ?? '*'}`;
    const hit = disputes.get(key);
    if (hit) return hit;
    const q = disputePointsSql(scope, f.period.start, f.period.end, f.type, f.status);
    type Row = { id: unknown; lon: number; lat: number; type: string; status: string; criminal_risk: boolean };
    const job = db.query<Row>(q.text, q.values).then(({ rows }) => entry(rows.map((r) => {
      const open = r.status !== 'resolved';
      const counters: Record<string, number> = { open: open ? 1 : 0, criminal_open: open && r.criminal_risk ? 1 : 0 };
      for (const s of DISPUTE_STATUSES) counters[`status_${s}`] = r.status === s ? 1 : 0;
      return { lon: Number(r.lon), lat: Number(r.lat), counters, properties: { id: Number(r.id), type: r.type, status: r.status, open, criminal_risk: r.criminal_risk } };
    }), (p) => p.id));
    const ended = f.period.end.getTime() < now().getTime();
    disputes.set(key, job, ended ? 3_600_000 : 60_000);
    job.catch(() => disputes.deletePrefix(key));
    return job;
  }

  function cameraEntry(scope: AccessScope, program: CameraProgram | null): Promise<Entry<CameraPoint>> {
    // Cameras are reference data every role sees (domain/access-scope.ts): one index per programme for all.
    const key = program ?? '*';
    let e = cameras.get(key);
    if (!e) {
      const q = cameraPointsSql(scope, program);
      type Row = { id: unknown; code: string; name: string; program: string; lon: number; lat: number };
      e = db.query<Row>(q.text, q.values).then(({ rows }) => entry(rows.map((r) => ({
        lon: Number(r.lon), lat: Number(r.lat),
        counters: { program_xueliang: r.program === 'xueliang' ? 1 : 0, program_pingan: r.program === 'pingan' ? 1 : 0 },
        properties: { id: Number(r.id), code: r.code, name: r.name, program: r.program },
      })), (p) => p.id));
      e.catch(() => cameras.delete(key));
      cameras.set(key, e);
    }
    return e;
  }

  return {
    async disputeClusters(scope, f, bbox, zoom) {
      const idx = (await disputeEntry(scope, f)).index();
      return { type: 'FeatureCollection', total: idx.size, features: idx.getClusters(bbox, zoom) };
    },
    async disputePoints(scope, period, type) {
      const e = await disputeEntry(scope, { period, type, status: null });
      return {
        fields: ['lon', 'lat', 'type', 'open'],
        rows: e.points.map((p) => [round5(p.lon), round5(p.lat), p.properties.type, p.properties.open ? 1 : 0]),
      };
    },
    async cameraClusters(scope, program, bbox, zoom) {
      const idx = (await cameraEntry(scope, program)).index();
      return { type: 'FeatureCollection', total: idx.size, features: idx.getClusters(bbox, zoom) };
    },
    invalidate() {
      disputes.clear();
      cameras.clear();
    },
  };
}
