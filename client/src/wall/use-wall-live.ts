/**
 * The live stream for the wall: a bounded list of the latest events for the ticker, whether the
 * stream is up, and the time of the last event. EventSource reconnects by itself after a network
 * loss; when it gives up (the server answered with an error, so readyState is CLOSED) or stays down
 * for RECONNECT_MS, the stream is closed and opened again. Every event, a `reset` and a reconnection
 * call `onActivity` (the wall then refetches its figures).
 */
import { useEffect, useRef, useState } from 'react';
import { subscribeLive, type LiveMessage } from '../api/live.ts';
import type { WallSummary } from './wall-api.ts';

/** Rows the ticker keeps: as many as its panel shows at every supported screen size, no more. */
export const TICKER_MAX = 8;
export const RECONNECT_MS = 15_000;

export interface TickerItem {
  key: number; at: number; kind: 'created' | 'action' | 'letter';
  code: string; town: string; status: string; action: string;
}

/**
 * The ticker's rows: the live events, newest first, then the latest events as the page's first summary
 * had them (so a wall just switched on shows what happened last, not an empty list), TICKER_MAX in all.
 * Only the first summary's: every event after it comes through the stream; one that came through both
 * (between the stream's start and the summary's query) shows once, as the live row.
 */
export function tickerRows(live: readonly TickerItem[], snapshot: WallSummary['recent'] | null): TickerItem[] {
  const before = (snapshot ?? []).map((e): TickerItem => ({
    key: -e.id, at: Date.parse(e.at), kind: e.action === 'report' ? 'created' : 'action', code: e.code, town: e.town_code, status: e.status, action: e.action,
  }));
  // An event the stream brought before the summary was read is in both: keep the live row.
  const seen = new Set(live.map((i) => `${i.code}|${i.action}|${i.status}`));
  return [...live, ...before.filter((i) => !seen.has(`${i.code}|${i.action}|${i.status}`))].slice(0, TICKER_MAX);
}

export interface WallLive { connected: boolean; items: TickerItem[]; lastEventAt: number | null }

export function useWallLive(onActivity: () => void): WallLive {
  const [state, setState] = useState<WallLive>({ connected: false, items: [], lastEventAt: null });
  const activity = useRef(onActivity);
  activity.current = onActivity;
  useEffect(() => {
    let stopped = false;
    let seq = 0;
    let wasOpen = false;
    let off: () => void = () => undefined;
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    const onMessage = (m: LiveMessage) => {
      activity.current();
      if (m.type === 'reset') return;
      const item: TickerItem = m.type === 'dispute'
        ? { key: ++seq, at: Date.now(), kind: m.data.change === 'created' ? 'created' : 'action', code: m.data.code, town: m.data.town_code, status: m.data.status, action: m.data.action }
        : { key: ++seq, at: Date.now(), kind: 'letter', code: `#${m.data.id}`, town: '', status: m.data.status, action: m.data.kind };
      setState((s) => ({ ...s, items: [item, ...s.items].slice(0, TICKER_MAX), lastEventAt: item.at }));
    };
    const onOpen = (open: boolean) => {
      if (stopped) return;
      setState((s) => (s.connected === open ? s : { ...s, connected: open }));
      if (open) {
        if (watchdog) { clearTimeout(watchdog); watchdog = null; }
        // Events may have been missed while down (or before the first open): refetch the figures.
        if (wasOpen) activity.current();
        wasOpen = true;
      } else if (!watchdog) {
        watchdog = setTimeout(() => { watchdog = null; if (!stopped) connect(); }, RECONNECT_MS);
      }
    };
    function connect() {
      off();
      off = subscribeLive(onMessage, onOpen);
    }
    connect();
    return () => { stopped = true; off(); if (watchdog) clearTimeout(watchdog); };
  }, []);
  return state;
}
