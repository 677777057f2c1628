/**
 * Listens with a built app and knows how to stop cleanly (SIGTERM/SIGINT in main.ts, tests call it):
 * stop accepting connections, end the live event streams with a `shutdown` event, let in-flight
 * requests finish (cut after `timeoutMs`), then close the database (PGlite flushes its folder) last.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Database } from './db/database.ts';
import type { LiveEvents } from './services/live-events.ts';

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface RunningServer {
  server: Server;
  url: string;
  /** Resolves once every connection has ended and the database is closed; true when nothing had to be cut. */
  close(): Promise<boolean>;
}

export interface StartOptions {
  app: Express;
  db: Database;
  port: number;
  host: string;
  /** In-flight requests get this long before their connections are cut. */
  timeoutMs?: number;
  log?: (msg: string) => void;
}

export async function startServer(o: StartOptions): Promise<RunningServer> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = o.app.listen(o.port, o.host, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<boolean> | null = null;
  const close = async (): Promise<boolean> => {
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    (o.app.locals.live as LiveEvents | undefined)?.close();
    // Keep-alive connections that finish their last request are closed as they go idle.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    let clean = true;
    const cut = setTimeout(() => {
      clean = false;
      o.log?.(`requests still running after ${o.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS} ms: closing their connections`);
      server.closeAllConnections();
    }, o.timeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
    await stopped;
    clearInterval(idle);
    clearTimeout(cut);
    await o.db.close();
    return clean;
  };
  return { server, url: `http://${o.host}:${port}`, close: () => (closing ??= close()) };
}
