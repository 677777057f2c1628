/**
 * Live updates for the whole screen: a counter that increments (at most every 300 ms) after any
 * write anywhere, which data-loading effects list as a dependency, plus the latest few events for
 * a ticker, and whether the stream is connected.
 */
import { useEffect, useRef, useState } from 'react';
import { subscribeLive, type LiveMessage } from '../api/live.ts';

export interface LiveState { tick: number; connected: boolean; recent: (LiveMessage & { seen: number })[] }

export function useLive(): LiveState {
  const [state, setState] = useState<LiveState>({ tick: 0, connected: false, recent: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const off = subscribeLive((m) => {
      if (m.type !== 'reset') setState((s) => ({ ...s, recent: [{ ...m, seen: Date.now() }, ...s.recent].slice(0, 5) }));
      // Bursts (the simulator, a batch of actions) become one refetch.
      if (!timer.current) timer.current = setTimeout(() => { timer.current = null; setState((s) => ({ ...s, tick: s.tick + 1 })); }, 300);
    }, (connected) => setState((s) => (s.connected === connected ? s : { ...s, connected })));
    return () => { off(); if (timer.current) clearTimeout(timer.current); };
  }, []);
  return state;
}
