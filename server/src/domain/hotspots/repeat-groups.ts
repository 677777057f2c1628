/**
 * Repeat and near-repeat disputes as groups: disputes linked when they share the parties or the place
 * (the same key) within `days` of each other, or lie within the near-repeat distance and time of each
 * other (pairs found in SQL); a group is a connected set of links (union–find), listed from the largest.
 */
export interface Linked { id: number; key: string; at: number }

/** Groups of ids whose keys match and whose times lie within `windowMs` of the previous one with that key. */
export function keyGroups(rows: readonly Linked[], windowMs: number): number[][] {
  const byKey = new Map<string, Linked[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const groups: number[][] = [];
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => a.at - b.at || a.id - b.id);
    let cur: Linked[] = [];
    for (const r of sorted) {
      if (cur.length && r.at - cur[cur.length - 1].at > windowMs) { if (cur.length > 1) groups.push(cur.map((x) => x.id)); cur = []; }
      cur.push(r);
    }
    if (cur.length > 1) groups.push(cur.map((x) => x.id));
  }
  return sortGroups(groups);
}

/** Connected groups of the pairs (each pair: two linked ids). */
export function pairGroups(pairs: readonly [number, number][]): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) { const r = find(id); groups.set(r, [...(groups.get(r) ?? []), id]); }
  return sortGroups([...groups.values()].map((g) => g.sort((a, b) => a - b)));
}

const sortGroups = (g: number[][]) => g.sort((a, b) => b.length - a.length || a[0] - b[0]);
