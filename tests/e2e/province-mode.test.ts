import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, screenshotsDir, startDashboard, underCi, type Dashboard } from './setup.js';

let dashboard: Dashboard;
const problems: string[] = [];

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main[data-page]') as HTMLElement | null;
      if (!main) return false;
      if (main.dataset.page === 'data') return true;
      const bodies = [...document.querySelectorAll<HTMLElement>('.card-body')];
      return (
        bodies.length > 0 && bodies.every((b) => b.dataset.state && b.dataset.state !== 'loading' && !b.classList.contains('is-stale'))
      );
    },
    null,
    { timeout: 30_000 },
  );
}

async function openPage(path: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await dashboard.browser.newPage({ viewport });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: uncaught: ${error.message}`));
  await page.goto(dashboard.server.url + path);
  await settle(page);
  return page;
}

const skip = chromiumMissing !== null && !underCi;

describe.skipIf(skip)('province mode in the browser', () => {
  beforeAll(async () => {
    dashboard = await startDashboard();
  }, 240_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it('keeps Gansu chosen on every page once chosen in the header', async () => {
    const page = await openPage('/regions');
    await page.selectOption('header select[data-param="province"]', '620000');
    await settle(page);
    for (const id of ['training', 'gaps', 'competitions', 'overview', 'regions'] as const) {
      await page.click(`.tab[data-page="${id}"]`);
      await settle(page);
      const url = new URL(page.url());
      expect(url.pathname).toBe(id === 'overview' ? '/' : `/${id}`);
      expect(url.searchParams.get('province')).toBe('620000');
      expect(await page.inputValue('header select[data-param="province"]')).toBe('620000');
    }
    // Back to the nation: no prefecture map.
    await page.selectOption('header select[data-param="province"]', '');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('province')).toBeNull();
    expect(await page.locator('#regions-prefecture-map').count()).toBe(0);
    await page.close();
  }, 120_000);

  it("draws Gansu's 14 prefectures with names, selectable by keyboard, and shows the prefecture's trend", async () => {
    const page = await openPage('/regions?province=620000');
    await page.screenshot({ path: `${screenshotsDir}regions-gansu-zh.png`, fullPage: true });
    const paths = page.locator('#regions-prefecture-map path.prefecture');
    expect(await paths.count()).toBe(14);
    const labels = await paths.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.some((l) => l.startsWith('兰州市：'))).toBe(true);
    expect(labels.some((l) => l.startsWith('临夏回族自治州：'))).toBe(true);
    expect(await page.locator('#regions-prefecture-map .prefecture-labels text').count()).toBe(14);
    expect(await page.locator('#regions-prefecture-rank tbody tr').count()).toBe(16); // 14 prefectures, the province, the nation
    expect(await page.locator('#regions-comparison .card-body').getAttribute('data-state')).toBe('ready');

    await page.focus('#regions-prefecture-map path.prefecture[data-code="622900"]');
    await page.keyboard.press('Enter');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('prefecture')).toBe('622900');
    expect(await page.locator('#regions-prefecture-map path.prefecture[data-code="622900"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('data-code') ?? null)).toBe('622900');
    expect(await page.locator('#regions-prefecture-trend .card-title').textContent()).toContain('临夏');
    expect(await page.locator('#regions-prefecture-trend .card-unit').textContent()).toMatch(/20\d\d–20\d\d年/);

    // The ranked table selects too.
    await page.click('#regions-prefecture-rank button[data-code="623000"]');
    await settle(page);
    expect(await page.locator('#regions-prefecture-trend .card-title').textContent()).toContain('甘南');

    const narrow = await openPage('/regions?province=620000', { width: 390, height: 844 });
    await narrow.screenshot({ path: `${screenshotsDir}regions-gansu-zh-narrow.png`, fullPage: true });
    expect(await narrow.locator('#regions-prefecture-map path.prefecture').count()).toBe(14);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await narrow.close();
    await page.close();
  }, 120_000);

  it('lists the Greater Bay Area catalogue occupations with their local ratio for Guangdong, and says Gansu has none', async () => {
    const page = await openPage('/gaps?province=440000&lang=en');
    expect(await page.locator('#gaps-catalogue .card-title').textContent()).toContain('Guangdong');
    expect(await page.locator('#gaps-catalogue .card-source').textContent()).toContain('Greater Bay Area');
    const rows = await page
      .locator('#gaps-catalogue tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0][1]).toMatch(/Tight/);
    expect(rows[0][2]).toMatch(/^\d+\.\d\d$/);
    await page.goto(`${dashboard.server.url}/gaps?province=620000&lang=en`);
    await settle(page);
    expect(await page.locator('#gaps-catalogue').textContent()).toContain('Gansu is in no strategic zone');
    await page.close();
  }, 60_000);

  it("prints Gansu's brief on one or two A4 pages, without navigation, filters or card actions", async () => {
    const regions = await openPage('/regions?province=620000');
    await regions.click('a.brief-link');
    await settle(regions);
    expect(new URL(regions.url()).pathname).toBe('/brief');
    expect(new URL(regions.url()).searchParams.get('province')).toBe('620000');
    await regions.close();

    const page = await openPage('/brief?province=620000');
    expect(await page.locator('.tab[data-page="brief"]').count()).toBe(0);
    expect(await page.locator('main h1').textContent()).toContain('甘肃省');
    for (const id of ['brief-progress', 'brief-rank', 'brief-prefectures', 'brief-shortages']) {
      expect(await page.locator(`#${id} .card-body`).getAttribute('data-state')).toBe('ready');
      expect(await page.locator(`#${id} .card-title`).textContent()).toMatch(/甘肃|知识更新|各省/);
      // Every figure names its period: months of a year, a whole year or a quarter.
      expect(await page.locator(`#${id} .card-unit`).textContent()).toMatch(/20\d\d年(\d+–\d+月|全年|第\d季度)/);
    }
    expect(await page.locator('#brief-rank [data-kpi="rank"] .kpi-value').textContent()).toMatch(/^第 \d+ \/ 31 位$/);
    expect(await page.locator('#brief-prefectures tbody tr').count()).toBe(16); // 14 prefectures, the province, the nation
    expect(await page.locator('#brief-shortages .card-unit').textContent()).toMatch(/第\d季度/);

    await page.emulateMedia({ media: 'print' });
    for (const selector of ['nav.tabs', '.tab', 'header select[data-param="province"]', '.lang-toggle', '.card-action', '.card-api'])
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    expect(await page.locator('.print-footer').isVisible()).toBe(true);
    expect(await page.locator('.print-footer').textContent()).toMatch(/数据版本 .+ · 培训数据截至20\d\d年\d+月/);
    await page.screenshot({ path: `${screenshotsDir}brief-gansu-zh-print.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: `${screenshotsDir}brief-gansu-zh.pdf` });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.info(`province brief PDF: ${pages} page(s)`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.close();

    // No province: the page asks for one.
    const none = await openPage('/brief?lang=en');
    expect(await none.locator('#brief-choose').textContent()).toContain('Choose a province');
    expect(await none.locator('#brief-progress').count()).toBe(0);
    await none.close();
  }, 120_000);

  it('shows Linxia and Gannan one by one on the poverty card for Gansu', async () => {
    const page = await openPage('/training?province=620000');
    const text = await page.locator('#training-poverty-prefectures tbody').textContent();
    expect(text).toContain('临夏回族自治州');
    expect(text).toContain('甘南藏族自治州');
    expect(text).toContain('合计');
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);

  it("lists Gansu's 8 uncapped poverty counties by name, ranked, and all 52 for the nation", async () => {
    // The list as published (data/reference/sources/policy/poverty-counties-52.csv), read here on its own.
    const listed = readFileSync(new URL('../../data/reference/sources/policy/poverty-counties-52.csv', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const gansu = listed.filter((c) => c[0] === '620000').map((c) => c[5]);
    expect(gansu).toHaveLength(8);

    const page = await openPage('/training?province=620000');
    const names = await page.locator('#training-poverty-counties tbody tr:not(.is-reference) th').allTextContents();
    expect([...names].sort()).toEqual([...gansu].sort());
    const ranks = await page.locator('#training-poverty-counties tbody tr:not(.is-reference) td:nth-child(1)').allTextContents();
    expect(ranks).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(await page.locator('#training-poverty-counties svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${screenshotsDir}/training-poverty-counties-gansu.png`, fullPage: true });
    await page.close();

    const nation = await openPage('/training?lang=en');
    expect(await nation.locator('#training-poverty-counties tbody tr:not(.is-reference)').count()).toBe(52);
    await nation.close();
    expect(problems).toEqual([]);
  }, 90_000);
});
