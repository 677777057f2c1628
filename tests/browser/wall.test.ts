/**
 * The command-centre wall (/wall) as the `display` account sees it: at 3840×2160 and 1920×1080 every
 * panel lies inside the viewport, nothing scrolls and no figure is clipped; the figures are the API's;
 * no response the page received carries a party's or a staff member's name, phone or ID number (taken
 * from the database); the map tours the towns highest risk first; a lost API shows "reconnecting" and
 * then the stale warning, and it recovers; without a session the wall shows the log-in screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { getTestDb } from '../support/test-db.ts';
import { getHarness, HAS_CHROMIUM, screenshot, sessionCookie, waitForIdleMap, type Harness } from './browser-harness.ts';

interface Opened { page: Page; bodies: { url: string; text: string }[]; summaries: any[] }

/** Opens /wall logged in as `display`, keeping the body of every response the page receives (the endless event stream aside). */
async function openWall(h: Harness, query: string, viewport: { width: number; height: number }): Promise<Opened> {
  const page = await h.browser.newPage({ viewport });
  const cookies = (await sessionCookie(h.base, 'display')).split('; ').map((c) => {
    const [name, value] = c.split('=');
    return { name, value, url: h.base, httpOnly: name === 'pingan_session', sameSite: 'Strict' as const };
  });
  await page.context().addCookies(cookies);
  const opened: Opened = { page, bodies: [], summaries: [] };
  const pending: Promise<void>[] = [];
  page.on('response', (r: Response) => {
    if (r.url().endsWith('/api/events')) return;
    pending.push(r.body().then((b) => {
      const text = b.toString('utf8');
      opened.bodies.push({ url: r.url(), text });
      if (r.url().includes('/api/wall/summary') && r.status() === 200) opened.summaries.push(JSON.parse(text));
    }, () => undefined));
  });
  page.on('pageerror', (e) => console.warn('page error:', e.message));
  await page.goto(`${h.base}/wall${query}`);
  await page.waitForSelector('[data-indicator="red_orange"]');
  await page.waitForSelector('[data-testid="map"]');
  await waitForIdleMap(page);
  await Promise.all(pending);
  return opened;
}

/** Panels outside the viewport, a document that scrolls, and indicator values wider than their box. */
async function layoutProblems(page: Page, minPanels = 10): Promise<string[]> {
  return page.evaluate((minPanels) => {
    const out: string[] = [];
    const vw = window.innerWidth, vh = window.innerHeight;
    const d = document.documentElement;
    if (d.scrollWidth > vw || d.scrollHeight > vh) out.push(`document ${d.scrollWidth}×${d.scrollHeight} in ${vw}×${vh}`);
    const panels = document.querySelectorAll('.wall-head, .wall-indicators, .wall-tile, .wall-map, .wall-tour, .wall-ticker, .wall-legend, .wall-status, .wall-map-title');
    if (panels.length < minPanels) out.push(`only ${panels.length} panels`);
    for (const el of Array.from(panels)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) out.push(`${el.className} is empty`);
      if (r.left < 0 || r.top < 0 || r.right > vw + 0.5 || r.bottom > vh + 0.5) out.push(`${el.className} at ${r.left},${r.top},${r.right},${r.bottom}`);
    }
    // Anything of the wall's own (the map's inside aside) reaching past the screen's edge.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.wall *'))) {
      if (el.closest('.map-canvas')) continue;
      const r = el.getBoundingClientRect();
      if (r.width && (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5)) out.push(`outside: ${el.tagName}.${el.className} "${el.textContent?.slice(0, 40)}"`);
    }
    // Text inside a box that does not fit it: the figures, their labels, the tour card, the header.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.wall-head, .wall-status, .wall-pill, .wall-when, .wall-value, .wall-label, .wall-sub, .wall-town, .wall-head h1, .wall-map-title, .wall-legend'))) {
      // Horizontal only: CJK fonts' ascent and descent overflow a tight line box by design, not a clipped text.
      if (el.scrollWidth > el.clientWidth + 1) out.push(`clipped: ${el.className} "${el.textContent}" ${el.scrollWidth}>${el.clientWidth}`);
    }
    for (const tile of Array.from(document.querySelectorAll<HTMLElement>('.wall-tile'))) {
      const box = tile.getBoundingClientRect();
      for (const child of Array.from(tile.children)) {
        const r = child.getBoundingClientRect();
        if (r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5) out.push(`overflows its tile: ${child.className} "${child.textContent}"`);
      }
    }
    return out;
  }, minPanels);
}

/** The figures on screen, by indicator: data-value (the API's figure) and the text shown. */
async function shownFigures(page: Page): Promise<Record<string, { value: string; text: string }>> {
  return page.evaluate(() => Object.fromEntries(Array.from(document.querySelectorAll<HTMLElement>('[data-indicator]')).map((el: HTMLElement) => {
    const v = el.querySelector('.wall-value') as HTMLElement;
    return [el.dataset.indicator!, { value: v.dataset.value!, text: v.textContent!.replace(/\s/g, '') }];
  })));
}

describe.skipIf(!HAS_CHROMIUM)('the wall display (/wall)', () => {
  let h: Harness;
  let big: Opened;
  beforeAll(async () => {
    h = await getHarness();
    big = await openWall(h, '?tour=600', { width: 3840, height: 2160 });
  }, 180_000);
  afterAll(async () => { await big?.page.close(); });

  it('fills 3840×2160 with every panel inside, no scroll bars and no clipped figure', async () => {
    expect(await big.page.locator('[data-testid="wall"]').getAttribute('data-role')).toBe('display');
    expect(await layoutProblems(big.page)).toEqual([]);
    await screenshot(big.page, 'wall-3840x2160');
  });

  it('shows the API’s figures', async () => {
    const s = big.summaries.at(-1);
    expect(s).toBeTruthy();
    // The page's answer is the server's: a fresh request by the same account gives the same counts.
    const fresh = await (await fetch(`${h.base}/api/wall/summary`, { headers: { cookie: await sessionCookie(h.base, 'display') } })).json();
    expect(fresh.counts).toEqual(s.counts);
    const f = await shownFigures(big.page);
    const red = s.risk.towns.red + s.risk.villages.red + s.risk.grids.red, orange = s.risk.towns.orange + s.risk.villages.orange + s.risk.grids.orange;
    const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
    expect(f).toEqual({
      reported_today: { value: String(s.counts.reported_today), text: s.counts.reported_today.toLocaleString('zh-CN') },
      open: { value: String(s.counts.open), text: s.counts.open.toLocaleString('zh-CN') },
      overdue: { value: String(s.counts.overdue), text: s.counts.overdue.toLocaleString('zh-CN') },
      resolution_rate: { value: String(s.month.resolution_rate), text: pct(s.month.resolution_rate) },
      village_share: { value: String(s.month.level_shares.village), text: pct(s.month.level_shares.village) },
      red_orange: { value: `${red}/${orange}`, text: `${red}/${orange}` },
    });
    expect(s.counts.open).toBeGreaterThan(0);
    const breakdown = await big.page.$$eval('[data-testid="red-orange-breakdown"] span', (els) => els.map((e) => [e.getAttribute('data-kind'), Number(e.getAttribute('data-red')), Number(e.getAttribute('data-orange'))]));
    expect(breakdown).toEqual((['towns', 'villages', 'grids'] as const).map((k) => [k, s.risk[k].red, s.risk[k].orange]));
    // The map starts its tour on the highest-risk town, named over the map and in the tour card.
    expect(await big.page.locator('[data-testid="wall-tour"]').getAttribute('data-code')).toBe(s.tour[0].code);
    expect(await big.page.locator('[data-testid="wall-map-town"]').textContent()).toBe(s.tour[0].name);
    // The ticker starts with the latest events (the first summary's), not empty: no live event came meanwhile.
    const first = big.summaries[0];
    expect(first.recent.length).toBeGreaterThan(0);
    const rows = await big.page.$$eval('[data-testid="wall-ticker"] li', (els) => els.map((e) => e.textContent ?? ''));
    expect(rows).toHaveLength(Math.min(8, first.recent.length));
    first.recent.slice(0, 8).forEach((e: any, i: number) => {
      expect(rows[i]).toContain(e.code);
      expect(rows[i]).toContain(s.tour.find((t: any) => t.code === e.town_code).name);
    });
  });

  it('received no personal data in any response', async () => {
    const db = await getTestDb();
    const q = async (sql: string) => (await db.query<{ v: string }>(sql)).rows.map((r) => r.v).filter(Boolean);
    const names = await q(`SELECT p->>'name' AS v FROM disputes d, jsonb_array_elements(d.parties) p
      UNION SELECT unnest(ARRAY[worker_name, police_name, cadre_name]) FROM grids
      UNION SELECT officer_name FROM police_workrooms UNION SELECT mediator_name FROM mediation_rooms`);
    const phones = new Set(await q(`SELECT p->>'phone' AS v FROM disputes d, jsonb_array_elements(d.parties) p
      UNION SELECT unnest(ARRAY[worker_phone, police_phone, cadre_phone]) FROM grids`));
    const ids = new Set(await q(`SELECT p->>'id_number' AS v FROM disputes d, jsonb_array_elements(d.parties) p`));
    // Public names (places, facilities such as a workroom named after its officer) may contain a person's name.
    const publicNames = (await q(`SELECT name AS v FROM towns UNION SELECT name FROM villages UNION SELECT name FROM grids
      UNION SELECT name FROM police_workrooms UNION SELECT name FROM mediation_rooms UNION SELECT name FROM police_stations
      UNION SELECT name FROM legal_stations UNION SELECT name FROM governance_centres UNION SELECT name FROM monitoring_rooms UNION SELECT name FROM cameras`)).join('\n');
    // Two-character names also occur inside ordinary words; three and more are distinctive.
    const distinctive = names.filter((n) => n.length >= 3 && !publicNames.includes(n));
    expect([names.length, phones.size, ids.size].every((n) => n > 100)).toBe(true);
    expect(distinctive.length).toBeGreaterThan(100);
    expect(big.bodies.length).toBeGreaterThan(10);
    expect(big.bodies.some((b) => b.url.includes('/api/wall/summary'))).toBe(true);
    const leaks: string[] = [];
    for (const b of big.bodies) {
      for (const m of b.text.match(/(?<!\d)1\d{10}(?!\d)/g) ?? []) if (phones.has(m)) leaks.push(`${b.url}: phone ${m}`);
      for (const m of b.text.match(/(?<!\d)\d{17}[\dX](?!\d)/g) ?? []) if (ids.has(m)) leaks.push(`${b.url}: id ${m}`);
      for (const n of distinctive) if (b.text.includes(n)) leaks.push(`${b.url}: name ${n}`);
    }
    expect(leaks).toEqual([]);
  }, 120_000);

  describe('at 1920×1080', () => {
    let small: Opened;
    beforeAll(async () => { small = await openWall(h, '?tour=3&refresh=5&stale=12', { width: 1920, height: 1080 }); }, 180_000);
    afterAll(async () => { await small?.page.close(); });

    it('fits as well, and the wall shows its data is fresh', async () => {
      expect(await layoutProblems(small.page)).toEqual([]);
      await small.page.waitForSelector('[data-testid="wall-status"][data-state="ok"]');
      await screenshot(small.page, 'wall-1920x1080');
    });

    it('tours the towns in the order of risk', async () => {
      const tour = small.summaries.at(-1).tour.map((t: any) => t.code);
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        await small.page.waitForFunction((prev) => document.querySelector('[data-testid="wall-tour"]')?.getAttribute('data-code') !== prev, seen.at(-1) ?? '', { timeout: 15_000 });
        seen.push((await small.page.locator('[data-testid="wall-tour"]').getAttribute('data-code'))!);
      }
      const at = tour.indexOf(seen[0]);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(seen).toEqual([0, 1, 2].map((k) => tour[(at + k) % tour.length]));
    });

    it('says it is reconnecting when the API is lost, warns when the data goes stale, and recovers', async () => {
      const page = small.page;
      await page.route('**/api/**', (r) => (r.request().url().endsWith('/api/events') ? r.continue() : r.abort('internetdisconnected')));
      await page.waitForSelector('[data-testid="wall-status"][data-state="reconnecting"]', { timeout: 20_000 });
      await page.waitForSelector('[data-testid="wall-status"][data-state="stale"]', { timeout: 30_000 });
      expect(await page.locator('[data-testid="wall-connection"]').textContent()).toContain('数据已超过');
      // The longest status still fits the header.
      expect(await layoutProblems(page)).toEqual([]);
      // The last figures stay on screen meanwhile.
      expect(await page.locator('[data-indicator="open"] .wall-value').getAttribute('data-value')).toBe(String(small.summaries.at(-1).counts.open));
      await screenshot(page, 'wall-1920x1080-stale');
      await page.unroute('**/api/**');
      await page.waitForSelector('[data-testid="wall-status"][data-state="ok"]', { timeout: 30_000 });
    }, 90_000);
  });

  it.each([
    { title: 'on its own screen (?panel=ticker, in English)', query: '?panel=ticker&lang=en', panel: true, first: 'New report TEST-WALL-15', size: { width: 1920, height: 1080 } },
    { title: 'beside the map at 1920×1080', query: '?tour=600', panel: false, first: '新上报 TEST-WALL-15', size: { width: 1920, height: 1080 } },
  ])('$title, keeps the latest 8 of a burst of live events, all on screen', async ({ query, panel, first, size }) => {
    const page = await h.browser.newPage({ viewport: size });
    try {
      const cookies = (await sessionCookie(h.base, 'display')).split('; ').map((c) => { const [name, value] = c.split('='); return { name, value, url: h.base }; });
      await page.context().addCookies(cookies);
      const town = (await h.json('/api/wall/summary')).tour[0];
      // The stream is played from here: 15 reports in one burst, no write to the shared database.
      const events = Array.from({ length: 15 }, (_, i) => `id: ${i + 1}\nevent: dispute\ndata: ${JSON.stringify({ change: 'created', action: 'report', id: 900000 + i,
        code: `TEST-WALL-${String(i + 1).padStart(2, '0')}`, status: 'reported', level: 'village', version: 1, town_code: town.code, village_code: '', grid_code: '', point: [0, 0], at: new Date().toISOString() })}\n\n`);
      await page.route('**/api/events', (r) => r.fulfill({ status: 200, contentType: 'text/event-stream', body: `retry: 60000\n${events.join('')}` }));
      await page.goto(`${h.base}/wall${query}`);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="wall-ticker"] li').length === 8);
      // Town names come with the summary, which may land after the burst.
      await page.waitForFunction((code) => document.querySelector('[data-testid="wall-tour"]')?.getAttribute('data-code') === code, town.code);
      const rows = await page.$$eval('[data-testid="wall-ticker"] li', (els) => els.map((e) => e.textContent ?? ''));
      expect(rows[0]).toContain(first);
      expect(rows[0]).toContain(town.name);
      expect(rows[7]).toContain('TEST-WALL-08');
      expect(await page.locator('[data-testid="map"]').count()).toBe(panel ? 0 : 1);
      expect(await page.locator('[data-indicator]').count()).toBe(panel ? 0 : 6);
      expect(await page.locator('[data-testid="wall-fresh"]').textContent()).toMatch(panel ? /Last event \d+ s ago/ : /最近动态 \d+ 秒前/);
      expect(await layoutProblems(page, panel ? 4 : 10)).toEqual([]);
      await screenshot(page, panel ? 'wall-panel-ticker' : 'wall-1920x1080-ticker');
    } finally { await page.close(); }
  });

  it('fills in the map tiles that failed while the network was down, without moving', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      const cookies = (await sessionCookie(h.base, 'display')).split('; ').map((c) => { const [name, value] = c.split('='); return { name, value, url: h.base }; });
      await page.context().addCookies(cookies);
      const failed = new Set<string>(), answered = new Set<string>();
      page.on('requestfailed', (r) => { if (r.url().includes('/api/tiles/')) failed.add(r.url()); });
      page.on('response', (r) => { if (r.url().includes('/api/tiles/') && r.status() === 200) answered.add(r.url()); });
      // The tiles are unreachable from the start; the tour stays on its first town (?tour=600).
      await page.route('**/api/tiles/**', (r) => r.abort('internetdisconnected'));
      await page.goto(`${h.base}/wall?tour=600`);
      await page.waitForSelector('[data-testid="wall-tour"][data-code]');
      // The fit to the first town is over and its tiles have been asked for (and failed).
      await page.waitForFunction(() => { const m = (window as any).__pinganMap; return m && !m.isMoving() && m.getZoom() > 9.5; }, undefined, { timeout: 20_000 });
      await page.waitForTimeout(1_000);
      await expect.poll(() => failed.size, { timeout: 20_000 }).toBeGreaterThan(0);
      const outlines = () => page.evaluate(() => ((window as any).__pinganMap.queryRenderedFeatures(undefined, { layers: ['towns-line'] }) as unknown[]).length);
      expect(await outlines()).toBe(0);
      const view = await page.evaluate(() => { const m = (window as any).__pinganMap; return [m.getCenter().lng, m.getCenter().lat, m.getZoom()]; });
      await page.unroute('**/api/tiles/**');
      // Back: the failed tiles of this view are asked for again and drawn, while the map stays where it was.
      await page.waitForFunction(() => ((window as any).__pinganMap.queryRenderedFeatures(undefined, { layers: ['towns-line'] }) as unknown[]).length > 0, undefined, { timeout: 30_000 });
      expect(answered.size).toBeGreaterThan(0);
      expect([...answered].every((u) => failed.has(u))).toBe(true);
      expect(await page.evaluate(() => { const m = (window as any).__pinganMap; return [m.getCenter().lng, m.getCenter().lat, m.getZoom()]; })).toEqual(view);
    } finally { await page.close(); }
  }, 60_000);

  it('shows the log-in screen without a session', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    try {
      await page.goto(`${h.base}/wall`);
      await page.waitForSelector('[data-testid="login"]');
      expect(await page.locator('[data-testid="wall"]').count()).toBe(0);
      expect(await page.locator('#pingan-bootstrap').count()).toBe(0);
    } finally { await page.close(); }
  });
});
