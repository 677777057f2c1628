/**
 * Log-in in the browser: an anonymous visitor gets the log-in screen (no map, no data in the page); a
 * wrong password shows the server's message; the right one reloads into the map with the user in the
 * top bar; log-out returns to the log-in screen. A wall display logs in with its credential and
 * gets the map without any write control.
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

  it('logs a wall display in with the credential the commander created: the map, read-only', async () => {
    const csrf = decodeURIComponent(/pingan_csrf=([^;]+)/.exec(h.cookie!)![1]);
    const r = await fetch(`${h.base}/api/auth/display-credentials`, {
      method: 'POST', headers: { cookie: h.cookie!, 'x-csrf-token': csrf, 'content-type': 'application/json' }, body: JSON.stringify({ label: '浏览器测试大屏' }),
    });
    const { token } = await r.json();
    await page.click('[data-testid="login-mode"]');
    await page.fill('input[name="token"]', 'pd_not-a-credential');
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.waitForSelector('[data-testid="login"] .error');
    expect(await page.locator('[data-testid="login"] .error').textContent()).toBe('大屏凭证无效或已吊销');
    await page.fill('input[name="token"]', token);
    await page.click('[data-testid="login"] button[type="submit"]');
    await page.waitForSelector('[data-testid="map"]');
    expect(await page.locator('[data-testid="user"]').getAttribute('data-role')).toBe('display');
    expect(await page.locator('[data-testid="report-button"]').count()).toBe(0);
  });
});
