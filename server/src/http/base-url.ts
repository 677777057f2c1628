import type { Request } from 'express';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Absolute URL of the API root as this client reached it, for OGC links (clients such as QGIS
 * follow them verbatim). A Host header that is not a plain host[:port] is not echoed into links.
 */
export function apiBase(req: Request): string {
  const host = req.get('host') ?? '';
  return `${req.protocol}://${HOST.test(host) ? host : 'localhost'}/api`;
}
