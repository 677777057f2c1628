/**
 * One report request per key: reloads when the key or the live counter changes, aborts the stale
 * one, keeps the last data on screen while the next arrives (a live refresh does not flash), and
 * gives the server's error message.
 */
import { useEffect, useState } from 'react';

export interface Report<T> { data: T | null; error: string | null; loading: boolean }

export function useReport<T>(load: ((signal: AbortSignal) => Promise<T>) | null, key: string, live: number): Report<T> {
  const [state, setState] = useState<Report<T> & { key: string | null }>({ data: null, error: null, loading: !!load, key: null });
  useEffect(() => {
    if (!load) { setState({ data: null, error: null, loading: false, key }); return; }
    const ctrl = new AbortController();
    // A new key drops the old data (another town's figures must not show under this one's title).
    setState((s) => ({ data: s.key === key ? s.data : null, error: null, loading: true, key }));
    load(ctrl.signal).then(
      (data) => setState({ data, error: null, loading: false, key }),
      (e: Error) => { if (e.name !== 'AbortError') setState({ data: null, error: e.message, loading: false, key }); },
    );
    return () => ctrl.abort();
    // `load` is rebuilt each render; the key names what it fetches.
  }, [key, live]);
  return state;
}

/** The value, `ms` after it last changed (live bursts → one refresh of the heavy requests). */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
