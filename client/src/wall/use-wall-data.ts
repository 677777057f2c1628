/**
 * The wall's figures, kept fresh: the summary and the risk levels are fetched at start, every
 * `refreshS` seconds, and soon after live activity (at most every MIN_REFRESH_S, so a burst of reports
 * is one refetch). A failed fetch keeps the last figures on screen, marks the data as failing and
 * retries within 10 s. One timer and one request at a time: nothing accumulates over days.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RiskIndex } from '../map/overlay-layers.ts';
import { sameRisk, wallApi, type WallSummary } from './wall-api.ts';
import { MIN_REFRESH_S } from './wall-params.ts';

export interface WallData {
  summary: WallSummary | null;
  risk: RiskIndex;
  /** Time (ms) of the last successful refresh, null before the first. */
  lastOk: number | null;
  /** The last refresh failed (network loss, server down). */
  failing: boolean;
  /** Increments on every successful refresh: the map's data effects depend on it. */
  version: number;
}

export function useWallData(refreshS: number): { data: WallData; requestRefresh: () => void } {
  const [data, setData] = useState<WallData>({ summary: null, risk: {}, lastOk: null, failing: false, version: 0 });
  const request = useRef<() => void>(() => undefined);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dueAt = Infinity;
    let lastStart = 0;
    let ctrl: AbortController | null = null;
    const schedule = (ms: number) => {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      dueAt = Date.now() + ms;
      timer = setTimeout(run, ms);
    };
    async function run() {
      timer = null; dueAt = Infinity; lastStart = Date.now();
      ctrl?.abort();
      const mine = (ctrl = new AbortController());
      try {
        const summary = await wallApi.summary(mine.signal);
        const risk = await wallApi.risk(summary.risk.period, mine.signal);
        if (stopped || mine.signal.aborted) return;
        setData((d) => ({ summary, risk: sameRisk(d.risk, risk) ? d.risk : risk, lastOk: Date.now(), failing: false, version: d.version + 1 }));
        schedule(refreshS * 1000);
      } catch (e) {
        if (stopped || (e as Error).name === 'AbortError') return;
        setData((d) => (d.failing ? d : { ...d, failing: true }));
        schedule(Math.min(refreshS, 10) * 1000);
      }
    }
    request.current = () => {
      const at = Math.max(Date.now(), lastStart + MIN_REFRESH_S * 1000);
      if (at < dueAt) schedule(at - Date.now());
    };
    void run();
    return () => { stopped = true; if (timer) clearTimeout(timer); ctrl?.abort(); request.current = () => undefined; };
  }, [refreshS]);
  const requestRefresh = useCallback(() => request.current(), []);
  return { data, requestRefresh };
}
