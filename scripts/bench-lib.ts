/**
 * Small helpers shared by the benchmarks (scripts/bench-*.ts): timing, order statistics, bounded
 * concurrency, an ephemeral HTTP server over createApp, and a plain-text table.
 * Benchmarks print figures; nothing here asserts a timing.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const now = (): number => performance.now();

/** The q-quantile (0..1) of a sample, linear interpolation between order statistics. */
export function quantile(sample: readonly number[], q: number): number {
  if (sample.length === 0) return NaN;
  const s = [...sample].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

export const median = (sample: readonly number[]): number => quantile(sample, 0.5);
export const p95 = (sample: readonly number[]): number => quantile(sample, 0.95);

/** Runs `task(i)` for i in 0..n-1 with at most `concurrency` in flight; returns the wall time in ms. */
export async function runConcurrent(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = now();
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return now() - t0;
}

/** Serves an Express app on 127.0.0.1 at a free port; `close()` stops it. */
export async function serve(app: { listen: (port: number, host: string, cb: () => void) => Server }): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Connection resets seen by fetchBody (each retried once), with the label of the request that met them. */
export const resets: string[] = [];

/**
 * GETs a URL and reads the whole body, so the timing includes the transfer; throws on a status ≥ 300.
 * A reset of a reused keep-alive connection is retried once, as browsers do for idempotent requests,
 * and recorded in `resets` so the benchmark can report it.
 */
export async function fetchBody(url: string, label = url): Promise<{ status: number; bytes: number }> {
  let r: Response;
  try {
    r = await fetch(url);
  } catch (e) {
    const code = (e as { cause?: { code?: string } }).cause?.code ?? String(e);
    resets.push(`${code} at ${label}`);
    r = await fetch(url);
  }
  const buf = await r.arrayBuffer();
  if (r.status >= 300) throw new Error(`GET ${url} → ${r.status}: ${Buffer.from(buf).toString('utf8').slice(0, 200)}`);
  return { status: r.status, bytes: buf.byteLength };
}

export const ms = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)) : '–');
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
export const secs = (msv: number): string => `${(msv / 1000).toFixed(2)} s`;

/** Prints rows as a Markdown table (pastes straight into BENCHMARKS.md). */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const width = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(width[c])).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}

/** One line describing the machine and its load now (the machines are shared: say how busy it was). */
export function machineLine(): string {
  const c = cpus();
  const [l1, l5] = loadavg();
  return `${c.length} × ${c[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM (${(freemem() / 2 ** 30).toFixed(0)} free), ` +
    `Node ${process.version}, load avg ${l1.toFixed(2)} (1 min) ${l5.toFixed(2)} (5 min), ${new Date().toISOString()}`;
}

/** XYZ tile containing [lng, lat] at zoom z (Web Mercator, y from the north). */
export function tileAt([lng, lat]: [number, number], z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n) };
}
