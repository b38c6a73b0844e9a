import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, screenshotsDir, startDashboard, underCi, type Dashboard } from './setup.js';

let dashboard: Dashboard;
const problems: string[] = [];

/** The analytics of queries/contract.ts, read from its text (not through the server's registry). */
const analytics = (() => {
  const text = readFileSync(new URL('../../queries/contract.ts', import.meta.url), 'utf8');
  const body = text.slice(text.indexOf('export const analytics = {')).split('\n};')[0];
  return [...body.matchAll(/^\s+'?([a-z0-9-]+)'?:/gm)].map((m) => m[1]).sort();
})();

/** Words of the app's own chrome on the docs pages, as the two dictionaries have them (web/src/i18n/areas/docs.ts). */
const words = {
  zh: {
    tab: '文档',
    api: 'API 参考',
    methods: '分析方法',
    model: '数据模型',
    sources: '数据来源与许可',
    sample: '样例数据说明',
    englishOnly: '本文档以英文撰写',
    trend: '培训趋势',
    personTimes: '人次',
    method: '方法说明：年度目标完成进度',
    threshold: 'pace ≥ 0.95 为 on_track',
    sampleNotice: '不是官方统计数字',
    access: '访问权限',
  },
  en: {
    tab: 'Docs',
    api: 'API reference',
    methods: 'Methods of the analytics',
    model: 'Data model',
    sources: 'Sources and licences',
    sample: 'Sample data notice',
    englishOnly: 'This document is written in English.',
    trend: 'Training trend',
    personTimes: 'person-times',
    method: 'Method: Progress towards the annual target',
    threshold: "'on_track' when pace ≥ 0.95",
    sampleNotice: 'they are not official statistics',
    access: 'Access',
  },
} as const;

async function openPage(path: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await dashboard.browser.newPage({ viewport });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: uncaught: ${error.message}`));
  await page.goto(dashboard.server.url + path);
  await page.waitForSelector('main[data-page]', { timeout: 30_000 });
  return page;
}

/** Waits until the docs page shows the document at `path` (its content in, not loading). */
async function docShown(page: Page, path: string): Promise<void> {
  await page.waitForFunction(
    (doc) => {
      const content = document.querySelector<HTMLElement>('main[data-page="docs"] .docs-content');
      return content?.dataset.doc === doc && content.dataset.ready !== undefined;
    },
    path,
    { timeout: 30_000 },
  );
  expect(await page.locator('.docs-content').getAttribute('data-ready'), `/docs/${path}`).toBe('true');
}

async function followNav(page: Page, label: string, doc: string): Promise<void> {
  await page.locator('.docs-nav a', { hasText: label }).first().click();
  await docShown(page, doc);
}

const shoot = (page: Page, name: string) => page.screenshot({ path: `${screenshotsDir}${name}.png`, fullPage: true });

const skip = chromiumMissing !== null && !underCi;

describe.skipIf(skip)('the docs pages in Chromium', () => {
  beforeAll(async () => {
    await mkdir(screenshotsDir, { recursive: true });
    dashboard = await startDashboard();
  }, 240_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    const w = words[lang];
    const query = lang === 'en' ? '?lang=en' : '';

    it(`${lang}: reaches every document from the home page's navigation, and each shows its content`, async () => {
      const page = await openPage(`/${query}`);
      await page.locator('.tab[data-page="docs"]').click();
      await docShown(page, '');
      expect(await page.locator('.tab[data-page="docs"]').textContent()).toBe(w.tab);
      expect(new URL(page.url()).pathname).toBe('/docs');
      expect(await page.locator('.docs-cards a[data-doc]').count()).toBe(8);
      await shoot(page, `docs-index-${lang}-1366`);

      // The API reference: one section per analytic of the contract, with its parameters, columns and try-it links.
      await followNav(page, w.api, 'api');
      expect(new URL(page.url()).pathname).toBe('/docs/api');
      expect(await page.locator('.docs-head h1').textContent()).toBe(w.api);
      expect((await page.locator('section.docs-entry[data-kind="query"]').evaluateAll((s) => s.map((e) => e.id))).sort()).toEqual(
        analytics,
      );
      const trend = page.locator('section#training-trend');
      expect(await trend.locator('h2').textContent()).toBe(`${w.trend} training-trend`);
      const personTimes = trend.locator('.docs-table tr', { has: page.locator('code', { hasText: /^person_times$/ }) });
      expect(await personTimes.locator('td').allTextContents()).toEqual([
        'person_times',
        'integer',
        w.personTimes,
        '培训人次',
        'Person-times',
      ]);
      await shoot(page, `docs-api-${lang}-1366`);

      // Methods: the index lists every analytic; one analytic's page says its thresholds.
      await followNav(page, w.methods, 'method');
      expect(
        (await page.locator('.docs-list a[data-method]').evaluateAll((a) => a.map((e) => e.getAttribute('data-method')))).sort(),
      ).toEqual(analytics);
      await page.locator('a[data-method="annual-target-progress"]').click();
      await docShown(page, 'method/annual-target-progress');
      expect(new URL(page.url()).pathname).toBe('/docs/method/annual-target-progress');
      expect(await page.locator('.docs-head h1').textContent()).toBe(w.method);
      expect(await page.locator('.docs-definition').textContent()).toContain(w.threshold);
      // The defaults' notes are English: a Chinese page says so.
      expect(await page.locator('.docs-language-note').allTextContents()).toEqual(
        lang === 'zh' ? ['默认值一栏中的文字说明（如“latest month in the data”）为英文，未翻译。'] : [],
      );
      await shoot(page, `docs-method-${lang}-1366`);

      // The data model: the document as written (English), said so in the page's language.
      await followNav(page, w.model, 'data-model');
      expect(await page.locator('.docs-head h1').textContent()).toBe(w.model);
      expect(await page.locator('.docs-language-note').first().textContent()).toContain(w.englishOnly);
      expect(await page.locator('.docs-md h2').first().textContent()).toBe('Data model');
      expect(await page.locator('.docs-md h4', { hasText: 'Training / 培训' }).count()).toBe(1);
      await shoot(page, `docs-data-model-${lang}-1366`);

      // Sources and licences: from GET /api/meta, then the reference source files.
      await followNav(page, w.sources, 'sources');
      expect(await page.locator('[data-licence="code"]').textContent()).toBe('MIT License (MIT)');
      const facts = await page.locator('.docs-licences .docs-table').last().locator('tbody tr').allTextContents();
      expect(facts).toContain('syntheticCreative Commons Zero v1.0 Universal (CC0-1.0)');
      expect(await page.locator('.docs-md h2').first().textContent()).toBe('Sources of the region reference data');
      await shoot(page, `docs-sources-${lang}-1366`);

      // The sample notice: what the sample is, in the page's language, and that it is what is shown now.
      await followNav(page, w.sample, 'sample');
      expect(await page.locator('.docs-notice').textContent()).toContain(w.sampleNotice);
      expect(await page.locator('.docs-notice [data-synthetic]').getAttribute('data-synthetic')).toBe('true');
      expect(await page.locator('.docs-md h2').first().textContent()).toBe('Sample data (synthetic)');
      await shoot(page, `docs-sample-${lang}-1366`);

      // Access: the policy table, one row per analytic and dataset.
      await followNav(page, w.access, 'access');
      expect(await page.locator('.docs-md h1, .docs-md h2').first().textContent()).toMatch(/^Access/);
      const policy = page.locator('.docs-md table', { has: page.locator('th', { hasText: 'Least role' }) });
      expect(await policy.locator('tbody tr', { hasText: 'prefecture-trend' }).locator('td').allTextContents()).toEqual([
        'analytic prefecture-trend',
        'researcher',
        'yes',
        '—',
        'yes',
        'own province only',
        'yes',
      ]);

      // Every URL on the way kept the language.
      expect(new URL(page.url()).searchParams.get('lang')).toBe(lang === 'en' ? 'en' : null);
      await page.close();
      expect(problems).toEqual([]);
    });

    it(`${lang}: a try-it link of the API reference opens the real request and gets its rows as JSON (200), the CSV link a CSV`, async () => {
      const page = await openPage(`/docs/api${query}#training-trend`);
      await docShown(page, 'api');
      // The address's fragment brings the analytic's section into view.
      const top = await page.locator('section#training-trend').evaluate((e) => e.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(200);

      const link = page.locator('section#training-trend a[data-try="json"]');
      expect(await link.getAttribute('href')).toBe('/api/queries/training-trend?grain=month&program=knowledge_renewal&format=json');
      const answered = page
        .context()
        .waitForEvent('response', (r) => r.url().endsWith('/api/queries/training-trend?grain=month&program=knowledge_renewal&format=json'));
      const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
      const response = await answered;
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^application\/json/);
      const body = (await response.json()) as {
        name: string;
        params: Record<string, unknown>;
        columns: { name: string }[];
        rows: unknown[];
        row_count: number;
      };
      expect(body.name).toBe('training-trend');
      expect(body.params).toMatchObject({ grain: 'month', program: 'knowledge_renewal' });
      expect(body.rows.length).toBe(body.row_count);
      expect(body.row_count).toBeGreaterThan(12);
      // The columns the page lists are the columns the answer has.
      const listed = await page.locator('section#training-trend .docs-table').nth(1).locator('tbody tr td:first-child').allTextContents();
      expect(body.columns.map((c) => c.name)).toEqual(listed);
      await popup.close();

      const csvHref = await page.locator('section#training-trend a[data-try="csv"]').getAttribute('href');
      const csv = await page.request.get(dashboard.server.url + csvHref);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
      expect((await csv.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(listed.join(','));
      await page.close();
      expect(problems).toEqual([]);
    });

    it(`${lang}: a chart card's method link opens its analytic's method; the language toggle keeps the document`, async () => {
      const page = await openPage(`/training${query}`);
      const link = page.locator('.card .card-method:visible').first();
      await link.waitFor({ timeout: 30_000 });
      const href = (await link.getAttribute('href'))!;
      const name = /^\/docs\/method\/([a-z0-9-]+)/.exec(href)![1];
      expect(analytics).toContain(name);
      await link.click();
      await docShown(page, `method/${name}`);
      expect(await page.locator('.docs-definition .docs-description').textContent()).not.toBe('');
      await page.locator('[data-action="toggle-language"]').click();
      await docShown(page, `method/${name}`);
      expect(new URL(page.url()).searchParams.get('lang')).toBe(lang === 'en' ? null : 'en');
      await page.close();
      expect(problems).toEqual([]);
    });

    it(`${lang}: the docs pages fit a phone (390 px): no page-wide sideways scroll`, async () => {
      for (const doc of ['', 'api', 'method/training-by-region', 'data-model', 'sources', 'sample']) {
        const page = await openPage(`/docs${doc ? `/${doc}` : ''}${query}`, { width: 390, height: 844 });
        await docShown(page, doc);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `/docs/${doc}`).toBeLessThanOrEqual(0);
        await shoot(page, `docs-${doc.replace('/', '-') || 'index'}-${lang}-390`);
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }
});
