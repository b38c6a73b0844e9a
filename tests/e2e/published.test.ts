import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startDashboard, underCi, type Dashboard } from './setup.js';

let dashboard: Dashboard;
const problems: string[] = [];

/** The compiled source file as received: the expected sources are read from it, not from the product. */
const source = parse(readFileSync(new URL('../../data/published/source/published_national.csv', import.meta.url)), {
  columns: true,
  bom: true,
}) as Record<string, string>[];
const sourcesOf = (code: string, period: string) => source.filter((r) => r.indicator_code === code && r.period === period);

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const bodies = [...document.querySelectorAll<HTMLElement>('.card-body')];
      return bodies.length > 0 && bodies.every((b) => b.dataset.state && b.dataset.state !== 'loading');
    },
    null,
    { timeout: 60_000 },
  );
}

async function openPage(path: string): Promise<Page> {
  const page = await dashboard.browser.newPage({ viewport: { width: 1366, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: uncaught: ${error.message}`));
  await page.goto(dashboard.server.url + path);
  await settle(page);
  return page;
}

const skip = chromiumMissing !== null && !underCi;

describe.skipIf(skip)('published national figures in the browser', () => {
  beforeAll(async () => {
    dashboard = await startDashboard();
  }, 300_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it("shows China's WorldSkills medals on the competitions page as published, each with its source on a click", async () => {
    const page = await openPage('/competitions');
    const card = page.locator('#competitions-published-worldskills');
    await expect(card.locator('.published-badge').textContent()).resolves.toBe('公开发布 · 真实数据');
    // The card's source line says real, never the sample's "数据：合成样例数据".
    const sourceLine = (await card.locator('.card-source').textContent()) ?? '';
    expect(sourceLine).toContain('公开发布的真实全国数据');
    expect(sourceLine).not.toContain('合成样例数据');
    // Lyon 2024 (the 47th): 36 gold, 9 silver, 4 bronze, as in the source file.
    const lyon = card.locator('tr', { has: page.locator('th', { hasText: '2024年 第47届' }) });
    const gold = lyon.locator('button.published-value').nth(0);
    expect(await lyon.locator('button.published-value').allTextContents()).toEqual(
      ['WSC_GOLD', 'WSC_SILVER', 'WSC_BRONZE', 'WSC_EXCELLENCE', 'WSC_ENTRANTS_CN', 'WSC_SKILLS_CN'].map(
        (code) => `${sourcesOf(code, '2024')[0].value}${sourcesOf(code, '2024')[0].unit}`,
      ),
    );
    expect(await gold.textContent()).toBe('36枚');
    // A click shows both sources that printed the gold count: title, date and a link to the page.
    const panel = page.locator(`#${await gold.getAttribute('aria-controls')}`);
    expect(await panel.isVisible()).toBe(false);
    await gold.click();
    expect(await panel.isVisible()).toBe(true);
    expect(await gold.getAttribute('aria-expanded')).toBe('true');
    const expected = sourcesOf('WSC_GOLD', '2024');
    // The panel names what it is the source of: indicator, period, value.
    expect(await panel.locator('strong').textContent()).toBe(`来源 · ${expected[0].indicator_zh} · 2024年 · 36枚`);
    expect(expected).toHaveLength(2);
    expect(await panel.locator('.published-source-title').allTextContents()).toEqual(expected.map((s) => s.source_title));
    expect(await panel.locator('.published-source-date').allTextContents()).toEqual(expected.map((s) => `日期：${s.source_date}`));
    expect(await panel.locator('a.published-source-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
      expected.map((s) => s.source_url),
    );
    // Keyboard: the 2019 silver count opens with Enter, and closes again with Space.
    const kazanSilver = card
      .locator('tr', { has: page.locator('th', { hasText: '2019年 第45届' }) })
      .locator('button.published-value')
      .nth(1);
    expect(await kazanSilver.textContent()).toBe('14枚');
    await kazanSilver.focus();
    await page.keyboard.press('Enter');
    const kazanPanel = page.locator(`#${await kazanSilver.getAttribute('aria-controls')}`);
    expect(await kazanPanel.locator('.published-source-title').textContent()).toBe(sourcesOf('WSC_SILVER', '2019')[0].source_title);
    await page.keyboard.press('Space');
    expect(await kazanPanel.isVisible()).toBe(false);
    // The national competition beside it: the 1st edition's "2500多" competitors stay approximate.
    const first = page.locator('#competitions-published-national section[data-group="2020"]');
    expect(await first.locator('button.published-value').allTextContents()).toEqual(['86个', '超过2500名']);
    await page.close();
  }, 120_000);

  it('shows them in English with their period', async () => {
    const page = await openPage('/competitions?lang=en');
    const card = page.locator('#competitions-published-worldskills');
    const lyon = card.locator('tr', { has: page.locator('th', { hasText: '47th, Lyon 2024' }) });
    expect(await lyon.locator('button.published-value').first().textContent()).toBe('36 medals');
    expect(await card.locator('.card-unit').textContent()).toContain('editions: 2017, 2019, 2022, 2024');
    await page.close();
  }, 120_000);

  it('puts the published national vacancy-to-seeker ratio beside the sample on the talent-gap page', async () => {
    const page = await openPage('/gaps');
    const card = page.locator('#gaps-published-ratio');
    // 11 published quarters carry a ratio (2016Q1's report gave none).
    const ratios = source.filter((r) => r.indicator_code === 'PES_RATIO');
    expect(ratios).toHaveLength(11);
    expect(await card.locator('button.published-value').count()).toBe(11);
    // 2020Q1: 1.62, printed without a qualifier; 2016Q3: 约1.10.
    const q1 = card.locator('li', { hasText: '2020年第1季度' }).locator('button.published-value');
    expect(await q1.textContent()).toBe('1.62');
    const q3 = card.locator('li', { hasText: '2016年第3季度' }).locator('button.published-value');
    expect(await q3.textContent()).toBe('约1.10');
    await q3.click();
    const panel = page.locator(`#${await q3.getAttribute('aria-controls')}`);
    expect(await panel.locator('.published-source-title').textContent()).toBe(sourcesOf('PES_RATIO', '2016Q3')[0].source_title);
    expect(await panel.locator('.published-approx').textContent()).toBe('原文为约数');
    // Both series are named: the published one as real, the sample's as synthetic.
    expect(await card.locator('.card-unit').textContent()).toMatch(
      /公开发布（真实）：2013年第2季度–2022年第3季度；合成样本（全国）：\d{4}年第\d季度–/,
    );
    await page.close();
  }, 120_000);

  it('puts the knowledge-renewal anchors beside the programme on the overview', async () => {
    const page = await openPage('/');
    const block = page.locator('#overview-published section[data-group="knowledge_renewal"]');
    expect(await block.locator('.published-chosen').textContent()).toBe('当前项目');
    // 2019: 112.1万人次 of shortage-talent training; 2011–2020: 1264.3万人次 in all.
    expect(await block.locator('li', { hasText: '2019年' }).locator('button.published-value').textContent()).toBe('112.1万人次');
    expect(await block.locator('li', { hasText: '2011–2020年' }).locator('button.published-value').textContent()).toBe('1264.3万人次');
    // The chosen programme comes first.
    expect(await page.locator('#overview-published section').first().getAttribute('data-group')).toBe('knowledge_renewal');
    await page.close();
  }, 120_000);

  it('raised no console errors', () => {
    expect(problems).toEqual([]);
  });
});
