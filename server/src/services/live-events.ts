/**
 * The in-process event bus behind GET /api/events: every write publishes one event with an
 * incrementing id; a small ring buffer keeps the latest ones so a client that reconnects with
 * Last-Event-ID gets what it missed (or is told to refetch when it fell out of the buffer).
 */
import type { DisputePlace } from '../domain/access-scope.ts';

export type LiveEventType = 'dispute' | 'transfer';

export interface DisputeLive {
  change: 'created' | 'action'; action: string; id: number; code: string; status: string; level: string; version: number;
  town_code: string; village_code: string; grid_code: string; point: [number, number];
  /** Who may see it (the stream filters by it and does not send it). */
  place: DisputePlace;
}

export interface TransferLive {
  change: 'created' | 'action'; action: string; id: number; kind: string; status: string; version: number;
  dispute_id: number; sender: string; receiver: string; overdue: boolean;
  /** Its dispute's place: who may see it (the stream filters by it and does not send it). */
  place: DisputePlace;
}

export interface LiveEvent { id: number; type: LiveEventType; at: string; data: DisputeLive | TransferLive }

export type Listener = (e: LiveEvent) => void;

export const RING_SIZE = 500;

export interface LiveEvents {
  publish(type: 'dispute', data: DisputeLive): LiveEvent;
  publish(type: 'transfer', data: TransferLive): LiveEvent;
  /** Events after `lastId`, oldest first; `complete` is false when some fell out of the buffer. */
  since(lastId: number): { events: LiveEvent[]; complete: boolean };
  subscribe(fn: Listener): () => void;
  readonly lastId: number;
  /** Registers what a stream does when the server shuts down (send a last event, end it). */
  onClose(fn: () => void): () => void;
  /** Shutdown: every open stream runs its onClose; later subscribers are told at once. */
  close(): void;
  readonly closed: boolean;
}

export function createLiveEvents(now: () => Date = () => new Date(), size = RING_SIZE): LiveEvents {
  const ring: LiveEvent[] = [];
  const listeners = new Set<Listener>();
  const closers = new Set<() => void>();
  let lastId = 0;
  let closed = false;
  return {
    publish(type: LiveEventType, data: DisputeLive | TransferLive): LiveEvent {
      const e: LiveEvent = { id: ++lastId, type, at: now().toISOString(), data };
      ring.push(e);
      if (ring.length > size) ring.shift();
      for (const fn of listeners) {
        try {
          fn(e);
        } catch {
          // A broken stream must not stop the others or the write that published.
        }
      }
      return e;
    },
    since(id) {
      const events = ring.filter((e) => e.id > id);
      const oldest = ring[0]?.id ?? lastId + 1;
      return { events, complete: id >= oldest - 1 || id >= lastId };
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    get lastId() {
      return lastId;
    },
    onClose(fn) {
      closers.add(fn);
      return () => closers.delete(fn);
    },
    close() {
      closed = true;
      for (const fn of [...closers]) {
        try {
          fn();
        } catch {
          // A stream that is already gone has nothing left to close.
        }
      }
      closers.clear();
    },
    get closed() {
      return closed;
    },
  };
}
