/**
 * Live updates: the server's event stream (GET /api/events, server-sent events). EventSource
 * reconnects by itself and sends Last-Event-ID, so missed events are replayed; on `reset` (too many
 * missed) the caller refetches everything. When the session ends (`session-ended`: log-out elsewhere,
 * a revoked display credential, expiry) the page reloads into the log-in screen.
 */
export interface LiveDispute {
  change: 'created' | 'action'; action: string; id: number; code: string; status: string; level: string; version: number;
  town_code: string; village_code: string; grid_code: string; point: [number, number]; at: string;
}
export interface LiveTransfer {
  change: 'created' | 'action'; action: string; id: number; kind: string; status: string; version: number;
  dispute_id: number; sender: string; receiver: string; overdue: boolean; at: string;
}
export type LiveMessage = { type: 'dispute'; data: LiveDispute } | { type: 'transfer'; data: LiveTransfer } | { type: 'reset' };

/** Subscribes to the stream; returns the unsubscribe function. */
export function subscribeLive(onMessage: (m: LiveMessage) => void, onOpen?: (open: boolean) => void): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const es = new EventSource('/api/events');
  const on = (type: 'dispute' | 'transfer' | 'reset') => es.addEventListener(type, (e) => {
    try { onMessage(type === 'reset' ? { type } : ({ type, data: JSON.parse((e as MessageEvent).data) } as LiveMessage)); } catch { /* a malformed event is skipped */ }
  });
  on('dispute'); on('transfer'); on('reset');
  es.addEventListener('session-ended', () => { es.close(); location.reload(); });
  es.onopen = () => onOpen?.(true);
  es.onerror = () => onOpen?.(false);
  return () => es.close();
}
