import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startDashboard, underCi, type Dashboard } from './setup.js';

// Outside CI a machine without Chromium skips these and says why (dashboard.test.ts has the gate that fails under CI).
const skipReason = chromiumMissing && !underCi ? chromiumMissing : null;

let dashboard: Dashboard;

/** Waits until every card of the page has left its loading state (none loading, none dimmed as stale). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const bodies = [...document.querySelectorAll<HTMLElement>('main .card-body')];
      return (
        bodies.length > 0 && bodies.every((b) => b.dataset.state && b.dataset.state !== 'loading' && !b.classList.contains('is-stale'))
      );
    },
    null,
    { timeout: 30_000 },
  );
}

/** A page whose requests to /api/ are recorded (path and query), and whose console errors are collected. */
async function watchedPage(): Promise<{ page: Page; api: string[]; problems: string[] }> {
  const page = await dashboard.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const api: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) api.push(url.pathname + url.search);
  });
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, api, problems };
}

const count = (list: readonly string[], path: string) => list.filter((u) => u.split('?')[0] === path).length;

describe.skipIf(skipReason !== null)("the overview's requests", () => {
  beforeAll(async () => {
    dashboard = await startDashboard();
  }, 180_000);

  afterAll(async () => {
    await dashboard?.close();
  });

  it('loads the whole overview with at most 10 API requests: every programme headline in one', async () => {
    const { page, api, problems } = await watchedPage();
    await page.goto(dashboard.server.url + '/');
    await settle(page);
    await page.waitForLoadState('networkidle');
    expect(api.length, api.join('\n')).toBeLessThanOrEqual(10);
    expect(count(api, '/api/queries/programme-headlines')).toBe(1);
    // No request per programme: no talent-stock at all, and the annual target's progress once (the progress card's
    // request, which also gives knowledge renewal's status in the actions card).
    expect(count(api, '/api/queries/talent-stock')).toBe(0);
    expect(count(api, '/api/queries/annual-target-progress')).toBe(1);
    // Every programme of the sample is listed in the actions card (31), knowledge renewal with its change on the same
    // months of the previous year.
    expect(await page.locator('#overview-actions .action-programs li').count()).toBe(31);
    const changes = await page.locator('#overview-actions .program-change').allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    expect(
      changes.every((text) => /^同比(（与\d{4}年同期）|变化 )[+−]?\d+\.\d%$/.test(text)),
      changes.join('\n'),
    ).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('redraws every card on a change of year, province or programme with a few requests, none per programme', async () => {
    const { page, api, problems } = await watchedPage();
    await page.goto(dashboard.server.url + '/');
    await settle(page);
    await page.waitForLoadState('networkidle');
    // A year two before the latest (the year select lists 'latest' first, then the years from the latest down).
    const year = (
      await page.$$eval('select[data-param="year"] option', (options) => options.map((o) => (o as HTMLOptionElement).value))
    )[3]!;
    expect(year).toMatch(/^\d{4}$/);
    for (const [param, value] of [
      ['year', year],
      ['province', '620000'],
      ['program', 'vocational_training'],
    ] as const) {
      const before = api.length;
      await page.selectOption(`select[data-param="${param}"]`, value);
      await settle(page);
      expect(new URL(page.url()).searchParams.get(param)).toBe(value);
      await page.waitForLoadState('networkidle');
      const made = api.slice(before);
      // The page's own queries for the new filters (progress, path, league, headlines, multi-year targets, and
      // knowledge renewal's status when another programme is chosen): never one per programme.
      expect(made.length, `${param}=${value}:\n${made.join('\n')}`).toBeLessThanOrEqual(6);
      expect(count(made, '/api/queries/programme-headlines')).toBeLessThanOrEqual(1);
      expect(count(made, '/api/queries/talent-stock')).toBe(0);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
