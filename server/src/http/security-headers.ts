/**
 * Security headers on every response (API, client files, errors): the CSP of
 * domain/content-security-policy.ts, no MIME sniffing, no referrer beyond this origin, no powerful
 * browser features the map does not use, and a window of its own (COOP). X-Powered-By is off in app.ts.
 */
import type { RequestHandler } from 'express';
import { contentSecurityPolicy, type BasemapHosts } from '../domain/content-security-policy.ts';

export function securityHeaders(basemaps: BasemapHosts): RequestHandler {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(basemaps),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
  return (_req, res, next) => {
    res.set(headers);
    next();
  };
}
