/**
 * Log-in in the browser: an anonymous visitor gets the log-in screen (no map, no data in the page); a
 * wrong password shows the server's message; the right one reloads into the map with the user in the
 * top bar; log-out returns to the log-in screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_DEMO_PASSWORD } from '../support/test-db.ts';
import { getHarness, HAS_CHROMIUM, screenshot, waitForIdleMap, type Harness } from './browser-harness.ts';

describe.skipIf(!HAS_CHROMIUM)('logging in and out', () => {
  let h: Harness;
  let page: Page;
  beforeAll(async () => {
    h = await getHarness();
    page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => { await page?.close(); });

  it('shows an anonymous visitor the log-in screen, in Chinese and in English, with no data in the page', async () => {
    await page.goto(h.base + '/');
    await page.waitForSelector('[data-testid="login"]');
    expect(await page.locator('#pingan-bootstrap').count()).toBe(0);
    expect(await page.locator('[data-testid="map"]').count()).toBe(0);
    expect(await page.locator('[data-testid="login"] button[type="submit"]').textContent()).toBe('登录');
    await page.click('[data-testid="login-lang"]');
    expect(await page.locator('[data-testid="login"] button[type="submit"]').textContent()).toBe('Log in');
    await page.click('[data-testid="login-lang"]');
    await screenshot(page, 'login-1-screen');
  });

  it('shows the refusal of a wrong password, and logs in with the right one', async () => {
    await page.fill('input[name="username"]', 'commander');
    await page.fill('input[name="password"]', 'not-the-password');
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.waitForSelector('[data-testid="login"] .error');
    expect(await page.locator('[data-testid="login"] .error').textContent()).toBe('用户名或密码错误');
    await page.fill('input[name="password"]', TEST_DEMO_PASSWORD);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.waitForSelector('[data-testid="map"]');
    await waitForIdleMap(page);
    const badge = page.locator('[data-testid="user"]');
    expect([await badge.getAttribute('data-role'), await badge.textContent()]).toEqual(['commander', expect.stringContaining('崆峒区')]);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'pingan_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await screenshot(page, 'login-2-map');
  });

  it('logs out back to the log-in screen', async () => {
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('[data-testid="login"]');
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('pingan_session');
  });
});
