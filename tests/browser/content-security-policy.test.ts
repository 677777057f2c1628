/**
 * The built client works under the server's Content-Security-Policy: the page loads with the header
 * set, MapLibre's worker starts, the map draws, and the browser reports no CSP violation (the inline
 * `<script type="application/json">` bootstrap is data, which script-src does not govern).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePng, getHarness, HAS_CHROMIUM, screenshot, sessionCookie, waitForIdleMap, type Harness } from './browser-harness.ts';

describe.skipIf(!HAS_CHROMIUM)('the client under the Content-Security-Policy', () => {
  let h: Harness;
  let page: Page;
  const violations: string[] = [];
  let csp: string | null = null;

  beforeAll(async () => {
    h = await getHarness();
    page = await h.browser.newPage({ viewport: { width: 1200, height: 800 } });
    const cookies = (await sessionCookie(h.base, 'commander')).split('; ').map((c) => {
      const [name, value] = c.split('=');
      return { name, value, url: h.base, httpOnly: name === 'pingan_session', sameSite: 'Strict' as const };
    });
    await page.context().addCookies(cookies);
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
    });
    await page.exposeFunction('reportCspViolation', (v: string) => void violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const r = await page.goto(`${h.base}/?c=106.675,35.543&z=12&l=towns,grids,risk,disputes`);
    csp = r!.headers()['content-security-policy'] ?? null;
    await page.waitForSelector('[data-testid="map"]');
    await waitForIdleMap(page);
  }, 90_000);
  afterAll(async () => {
    await page?.close();
  });

  it('is served with the policy and raises no violation while the map loads and draws', async () => {
    expect(csp).toMatch(/script-src 'self'; worker-src 'self' blob:/);
    expect(violations).toEqual([]);
    const img = decodePng(await screenshot(page, 'csp-map'));
    // The map drew something: many distinct colours, not a blank canvas.
    const colours = new Set<number>();
    for (let i = 0; i < img.data.length; i += 4 * 97) colours.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
    expect(colours.size).toBeGreaterThan(50);
  });

  it('keeps the inline JSON bootstrap (data, not script) readable', async () => {
    const boot = await page.evaluate(() => Array.from(document.querySelectorAll('script[type="application/json"]'), (s) => s.textContent ?? ''));
    expect(boot.length).toBeGreaterThan(0);
    for (const text of boot) expect(() => JSON.parse(text)).not.toThrow();
  });
});
