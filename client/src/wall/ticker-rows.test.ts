import { describe, expect, it } from 'vitest';
import { TICKER_MAX, tickerRows, type TickerItem } from './use-wall-live.ts';

const live = (n: number): TickerItem[] => Array.from({ length: n }, (_, i) => ({ key: n - i, at: 1_000 + n - i, kind: 'action', code: `L${n - i}`, town: '620802001', status: 'mediating', action: 'mediate' }));
const recent = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 500 - i, at: new Date(Date.UTC(2026, 10, 28, 8, 0, 0) - i * 60_000).toISOString(), code: `R${i}`, town_code: '620802100', action: i % 2 ? 'report' : 'resolve', status: i % 2 ? 'reported' : 'resolved' }));

describe('the ticker rows', () => {
  it('starts with the latest events of the first summary, newest first', () => {
    const rows = tickerRows([], recent(8));
    expect(rows.map((r) => r.code)).toEqual(['R0', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(rows[1]).toMatchObject({ kind: 'created', town: '620802100', status: 'reported', at: Date.UTC(2026, 10, 28, 7, 59, 0) });
    expect(rows[0].kind).toBe('action');
  });
  it('puts live events above them and keeps TICKER_MAX rows, with distinct keys', () => {
    const rows = tickerRows(live(3), recent(8));
    expect(rows).toHaveLength(TICKER_MAX);
    expect(rows.map((r) => r.code)).toEqual(['L3', 'L2', 'L1', 'R0', 'R1', 'R2', 'R3', 'R4']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(TICKER_MAX);
    expect(tickerRows(live(10), recent(8)).every((r) => r.code.startsWith('L'))).toBe(true);
  });
  it('is empty with no events at all', () => {
    expect(tickerRows([], null)).toEqual([]);
    expect(tickerRows([], [])).toEqual([]);
  });
});

describe('the ticker shows', () => {
  it('an event that came through both the stream and the summary once, as the live row', async () => {
    const snap = recent(3);
    const dup: TickerItem = { key: 1, at: 5, kind: 'action', code: snap[0].code, town: snap[0].town_code, status: snap[0].status, action: snap[0].action };
    expect(tickerRows([dup], snap).map((r) => r.key)).toEqual([1, -snap[1].id, -snap[2].id]);
  });
  it('the date of an event not from today, the time alone for today’s', async () => {
    const { clock } = await import('./WallSide.tsx');
    const now = Date.UTC(2026, 10, 28, 8, 0, 0);
    expect(clock(Date.UTC(2026, 10, 28, 1, 2, 3), now)).toBe('09:02:03');
    expect(clock(Date.UTC(2026, 10, 25, 1, 2, 3), now)).toBe('11-25 09:02');
  });
});
