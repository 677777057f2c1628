import { describe, expect, it } from 'vitest';
import { keyGroups, pairGroups } from './repeat-groups.ts';

const day = 86_400_000;

describe('repeat groups', () => {
  it('groups the same key within the window, and splits at a gap', () => {
    // a: days 0, 10 | 50, 55 (the 40-day gap > 30 splits it); b alone; c: days 1, 2, 3.
    const rows = [
      { id: 1, key: 'a', at: 0 }, { id: 2, key: 'a', at: 10 * day }, { id: 3, key: 'a', at: 50 * day }, { id: 4, key: 'a', at: 55 * day },
      { id: 5, key: 'b', at: 0 }, { id: 6, key: 'c', at: 1 * day }, { id: 7, key: 'c', at: 2 * day }, { id: 8, key: 'c', at: 3 * day },
    ];
    expect(keyGroups(rows, 30 * day)).toEqual([[6, 7, 8], [1, 2], [3, 4]]);
    // A window of exactly the gap keeps a together (≤ window); a shorter one leaves nothing of a.
    expect(keyGroups(rows, 40 * day)).toEqual([[1, 2, 3, 4], [6, 7, 8]]);
    expect(keyGroups(rows, 4 * day)).toEqual([[6, 7, 8]]);
  });
  it('orders each group by time, not by id', () => {
    expect(keyGroups([{ id: 9, key: 'k', at: 0 }, { id: 2, key: 'k', at: day }], 7 * day)).toEqual([[9, 2]]);
  });
  it('joins pairs into connected groups', () => {
    expect(pairGroups([[1, 2], [2, 3], [7, 9], [4, 5], [5, 1]])).toEqual([[1, 2, 3, 4, 5], [7, 9]]);
    expect(pairGroups([])).toEqual([]);
  });
});
