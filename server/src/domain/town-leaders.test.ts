import { describe, expect, it } from 'vitest';
import { townLeader } from './town-leaders.ts';

describe('townLeader', () => {
  it('is deterministic per town, synthetic, and differs between towns', () => {
    const a = townLeader('620802101');
    expect(townLeader('620802101')).toEqual(a);
    expect(a.synthetic).toBe(true);
    expect(a.name).toMatch(/^[\u4e00-\u9fff]{3}$/);
    const names = new Set(Array.from({ length: 20 }, (_, i) => townLeader(`6208021${String(i).padStart(2, '0')}`).name));
    expect(names.size).toBeGreaterThan(15);
  });
});
