import { describe, expect, it } from 'vitest';
import { createLiveEvents, type TransferLive } from './live-events.ts';

const data = (id: number): TransferLive => ({ change: 'action', action: 'receive', id, kind: 'prompt', status: 'received', version: 2, dispute_id: 1, sender: 'sifa', receiver: '620802001', overdue: false,
  place: { type: 'family', town_code: '620802001', grid_code: '620802001001001', handler_unit: '区司法局', letter_units: ['620802001', 'sifa'] } });

describe('live event bus', () => {
  it('numbers events from 1 and tells listeners in order', () => {
    const bus = createLiveEvents(() => new Date('2026-11-28T00:00:00Z'));
    const seen: number[] = [];
    const off = bus.subscribe((e) => seen.push(e.id));
    bus.publish('transfer', data(7));
    bus.publish('transfer', data(8));
    off();
    bus.publish('transfer', data(9));
    expect(seen).toEqual([1, 2]);
    expect(bus.lastId).toBe(3);
  });

  it('replays what came after a Last-Event-ID, and says when some fell out of the ring', () => {
    const bus = createLiveEvents(undefined, 3);
    for (let i = 1; i <= 5; i++) bus.publish('transfer', data(i));
    expect(bus.since(3)).toEqual({ events: expect.any(Array), complete: true });
    expect(bus.since(3).events.map((e) => e.id)).toEqual([4, 5]);
    expect(bus.since(2).complete).toBe(true);
    expect(bus.since(1)).toMatchObject({ complete: false });
    expect(bus.since(5)).toEqual({ events: [], complete: true });
    expect(bus.since(0).events.map((e) => e.id)).toEqual([3, 4, 5]);
  });

  it('keeps publishing when a listener throws', () => {
    const bus = createLiveEvents();
    const seen: number[] = [];
    bus.subscribe(() => { throw new Error('broken stream'); });
    bus.subscribe((e) => seen.push(e.id));
    expect(() => bus.publish('transfer', data(1))).not.toThrow();
    expect(seen).toEqual([1]);
  });
});
