/** Neighbour lists shared by the hand-computed fixtures of the hotspot tests. */

/** n areas on a line: each area's neighbours are the areas just before and after it. */
export const line = (n: number): number[][] => Array.from({ length: n }, (_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n));
