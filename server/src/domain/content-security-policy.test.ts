import { describe, expect, it } from 'vitest';
import { basemapOrigins, contentSecurityPolicy } from './content-security-policy.ts';

const NONE = { tiandituKey: null, osmTiles: false, pmtilesUrl: null };
const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('contentSecurityPolicy', () => {
  it('allows only this server when no online basemap is configured', () => {
    const csp = contentSecurityPolicy(NONE);
    expect(directive(csp, 'script-src')).toBe("script-src 'self'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self'");
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: blob:");
    expect(directive(csp, 'worker-src')).toBe("worker-src 'self' blob:");
    expect(directive(csp, 'style-src')).toBe("style-src 'self' 'unsafe-inline'");
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
    expect(directive(csp, 'base-uri')).toBe("base-uri 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  const TEST_CASES = [
    { title: 'Tianditu', settings: { ...NONE, tiandituKey: '0123456789abcdef' }, expected: ['https://*.tianditu.gov.cn'] },
    { title: 'OSM', settings: { ...NONE, osmTiles: true }, expected: ['https://tile.openstreetmap.org'] },
    { title: 'a remote PMTiles archive (origin only)', settings: { ...NONE, pmtilesUrl: 'https://tiles.example.org/a/b.pmtiles?v=1' }, expected: ['https://tiles.example.org'] },
    { title: 'a PMTiles archive on this server', settings: { ...NONE, pmtilesUrl: '/basemap/kongtong.pmtiles' }, expected: [] },
  ];
  for (const c of TEST_CASES) {
    it(`adds ${c.title} to img-src and connect-src only when configured`, () => {
      expect(basemapOrigins(c.settings)).toEqual(c.expected);
      const csp = contentSecurityPolicy(c.settings);
      for (const h of c.expected) {
        expect(directive(csp, 'img-src')).toContain(h);
        expect(directive(csp, 'connect-src')).toContain(h);
        expect(directive(csp, 'script-src')).not.toContain(h);
      }
    });
  }
});
