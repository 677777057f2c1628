/**
 * Grows regions over a cell graph from seed cells with a multi-source Dijkstra: every cell joins
 * the seed that reaches it first, where a step costs its length times a smooth noise factor divided
 * by the seed's reach. Each region is connected by construction (a cell joins through a neighbour
 * of the same region), and the noise gives borders that wander like real ones.
 */
import type { LonLat } from './places.ts';
import { distKm } from './geometry.ts';

export interface GrowOptions {
  centres: LonLat[];
  neighbours: number[][];
  /** Cells that may be claimed (others are walls). */
  allowed: (cell: number) => boolean;
  seeds: { cell: number; reach: number }[];
  /** Cost multiplier ≥ 0 at a point (terrain, noise). */
  friction: (p: LonLat) => number;
}

/** Returns the seed index owning each cell, or -1 for cells not allowed or not reachable. */
export function growRegions(o: GrowOptions): Int32Array {
  const n = o.centres.length;
  const owner = new Int32Array(n).fill(-1);
  const cost = new Float64Array(n).fill(Infinity);
  const label = new Int32Array(n).fill(-1);
  const heap = new MinHeap();
  o.seeds.forEach((s, k) => {
    cost[s.cell] = 0; label[s.cell] = k;
    heap.push(0, s.cell);
  });
  while (heap.size > 0) {
    const [c, cell] = heap.pop();
    if (owner[cell] >= 0 || c > cost[cell]) continue;
    const k = label[cell];
    owner[cell] = k;
    const reach = o.seeds[k].reach;
    for (const nb of o.neighbours[cell]) {
      if (owner[nb] >= 0 || !o.allowed(nb)) continue;
      const a = o.centres[cell], b = o.centres[nb];
      const mid: LonLat = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const nc = c + (distKm(a, b) * o.friction(mid)) / reach;
      if (nc < cost[nb]) { cost[nb] = nc; label[nb] = k; heap.push(nc, nb); }
    }
  }
  return owner;
}

/** Gives unreachable allowed cells (islands) to the region of their nearest owned cell. */
export function fillUnowned(owner: Int32Array, centres: LonLat[], allowed: (cell: number) => boolean): void {
  const owned: number[] = [];
  for (let i = 0; i < owner.length; i++) if (owner[i] >= 0) owned.push(i);
  for (let i = 0; i < owner.length; i++) {
    if (owner[i] >= 0 || !allowed(i)) continue;
    let best = -1, bd = Infinity;
    for (const j of owned) { const d = distKm(centres[i], centres[j]); if (d < bd) { bd = d; best = j; } }
    if (best >= 0) owner[i] = owner[best];
  }
}

class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number { return this.keys.length; }
  push(k: number, v: number): void {
    const ks = this.keys, vs = this.vals;
    let i = ks.length;
    ks.push(k); vs.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ks[p] <= k) break;
      ks[i] = ks[p]; vs[i] = vs[p]; i = p;
    }
    ks[i] = k; vs[i] = v;
  }
  pop(): [number, number] {
    const ks = this.keys, vs = this.vals;
    const top: [number, number] = [ks[0], vs[0]];
    const k = ks.pop()!, v = vs.pop()!;
    if (ks.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i, mk = k;
        if (l < ks.length && ks[l] < mk) { m = l; mk = ks[l]; }
        if (r < ks.length && ks[r] < mk) { m = r; mk = ks[r]; }
        if (m === i) break;
        ks[i] = ks[m]; vs[i] = vs[m]; i = m;
      }
      ks[i] = k; vs[i] = v;
    }
    return top;
  }
}

/** Smooth value noise in [0, 1]: a sum of a few randomly oriented sine waves. */
export function makeNoise(rng: { range(a: number, b: number): number }, wavelengthDeg: number, octaves = 3): (p: LonLat) => number {
  const waves = Array.from({ length: octaves * 2 }, (_, i) => {
    const angle = rng.range(0, Math.PI);
    const scale = Math.pow(2, Math.floor(i / 2));
    return { kx: (Math.cos(angle) * 2 * Math.PI * scale) / wavelengthDeg, ky: (Math.sin(angle) * 2 * Math.PI * scale) / wavelengthDeg,
      phase: rng.range(0, 2 * Math.PI), amp: 1 / scale };
  });
  const total = waves.reduce((s, w) => s + w.amp, 0);
  return ([x, y]) => {
    let v = 0;
    for (const w of waves) v += w.amp * Math.sin(w.kx * x + w.ky * y + w.phase);
    return 0.5 + v / (2 * total);
  };
}
