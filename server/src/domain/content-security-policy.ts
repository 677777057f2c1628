/**
 * The Content-Security-Policy of every response, built from the configured online basemaps: the
 * page runs only its own scripts (the inline `<script type="application/json">` bootstrap is data,
 * which CSP does not block), MapLibre's worker comes from /assets or a blob:, its canvas and labels
 * need inline styles, and tile images and fetches may reach only this server plus the basemap hosts
 * that are configured.
 */

export interface BasemapHosts {
  tiandituKey: string | null;
  osmTiles: boolean;
  pmtilesUrl: string | null;
}

/** Origins the client fetches tiles from besides itself, in a stable order. */
export function basemapOrigins(s: BasemapHosts): string[] {
  const out: string[] = [];
  if (s.tiandituKey) out.push('https://*.tianditu.gov.cn');
  if (s.osmTiles) out.push('https://tile.openstreetmap.org');
  if (s.pmtilesUrl && /^https?:\/\//.test(s.pmtilesUrl)) out.push(new URL(s.pmtilesUrl).origin);
  return out;
}

export function contentSecurityPolicy(s: BasemapHosts): string {
  const hosts = basemapOrigins(s);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['worker-src', "'self'", 'blob:'],
    ['child-src', "'self'", 'blob:'],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:', ...hosts],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...hosts],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}
