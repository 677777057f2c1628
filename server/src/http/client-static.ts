/**
 * Serves the built client (vite → dist/client): hashed files under /assets are immutable, everything
 * else (index.html above all) is revalidated on every load, and GET/HEAD of an extension-less path
 * outside /api (/, /wall, /map?…) falls back to index.html so the client's router takes over.
 * Unknown files (/assets/old-1234.js, /favicon.ico) stay 404s rather than HTML with a 200.
 * With a `bootstrap` function (http/page-bootstrap.ts), index.html carries its result as JSON in
 * script#pingan-bootstrap, so the map starts without waiting for /api/config (BENCHMARKS.md, issue 3);
 * a null result (an anonymous visitor) writes no bootstrap at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The client's middleware, or null when `dir` has no index.html (the API runs alone). */
export function clientStatic(dir: string, bootstrap?: (req: Request) => Promise<unknown>): Router | null {
  const root = resolve(dir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return null;
  const r = express.Router();
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  // Unknown /api routes stay JSON 404s: they never reach the files or the fallback.
  r.use((req: Request, _res: Response, next: NextFunction) => next(isApi(req.path) ? 'router' : undefined));
  r.use(express.static(root, {
    index: false,
    redirect: false,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', path.startsWith(join(root, 'assets')) ? IMMUTABLE : 'no-cache');
    },
  }));
  r.use((req: Request, res: Response, next: NextFunction) => {
    const last = req.path.split('/').pop() ?? '';
    const spaRoute = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/assets/') && !last.includes('.');
    if (!spaRoute) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (!bootstrap) return res.sendFile(index, (err) => (err ? next(err) : undefined));
    sendWithBootstrap(res, index, () => bootstrap(req)).catch(next);
  });
  return r;
}

/** JSON safe inside a <script> element: no `<` can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

async function sendWithBootstrap(res: Response, index: string, bootstrap: () => Promise<unknown>): Promise<void> {
  // Read on every request: a rebuilt client (npm run build) is picked up without a restart.
  const html = readFileSync(index, 'utf8');
  // Without the data the page still works: the client then fetches /api/config itself.
  const data = await bootstrap().catch(() => null);
  const tag = data === null ? '' : `<script id="pingan-bootstrap" type="application/json">${scriptJson(data)}</script>`;
  res.type('html').send(html.replace('</head>', `${tag}</head>`));
}
