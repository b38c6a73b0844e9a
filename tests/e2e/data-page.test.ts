import { parse } from 'csv-parse/sync';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSnapshot } from '../../core/snapshot-open.js';
import { chromiumMissing, screenshotsDir, startDashboard, underCi, type Dashboard } from './setup.js';

let dashboard: Dashboard;
const problems: string[] = [];

async function openData(path: string, width = 1366): Promise<Page> {
  // axe-core is injected as a script: these pages bypass the app's content security policy to run it.
  const page = await dashboard.browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true, bypassCSP: true });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: uncaught: ${error.message}`));
  await page.goto(dashboard.server.url + path);
  await previewSettled(page);
  return page;
}

const previewSettled = (page: Page) =>
  page.waitForFunction(() => document.querySelector('.preview table, .preview .state-error, .preview .state-empty') !== null, null, {
    timeout: 30_000,
  });

/** Rows of Yunnan (codes 53xxxx, GB/T 2260) in 2020–2024 and all synthetic rows, counted straight from the live snapshot's training table. */
async function yunnanRowsInSnapshot(): Promise<{ count: number; allRows: number; snapshot: string }> {
  const snapshot = (await readFile(`${dashboard.dataDir}/current`, 'utf8')).trim();
  const instance = await openSnapshot(dashboard.dataDir, snapshot);
  const connection = await instance.connect();
  try {
    const result = await connection.runAndReadAll(
      "SELECT count(*)::INTEGER FROM training WHERE region_code LIKE '53%' AND month >= DATE '2020-01-01' AND month <= DATE '2024-12-01'",
    );
    const all = await connection.runAndReadAll("SELECT count(*)::INTEGER FROM training WHERE source = 'synthetic'");
    return { count: Number(result.getRows()[0][0]), allRows: Number(all.getRows()[0][0]), snapshot };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The accessibility rules axe-core finds broken in the page's main content: rule, impact and the first element. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Element): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document.querySelector('main')!);
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')}`);
  });
}

describe.skipIf(chromiumMissing !== null && !underCi)('the Data page for a researcher', () => {
  beforeAll(async () => {
    await mkdir(screenshotsDir, { recursive: true });
    dashboard = await startDashboard();
  }, 300_000);
  afterAll(async () => {
    await dashboard?.close();
  });

  it('keeps every field typed in turn, exports exactly that selection and cites it', async () => {
    const page = await openData('/data?item=dataset:training');

    // Three fields in turn, each left by clicking the next: the first commit must not wipe what follows.
    await page.click('#param-from_year');
    await page.keyboard.type('2020');
    await page.click('#param-to_year');
    await page.keyboard.type('2024');
    await page.click('#param-regions');
    await page.keyboard.type('530000');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('p.regions') === '530000');
    await previewSettled(page);

    const url = new URL(page.url());
    const selection = [...url.searchParams].filter(([key]) => key.startsWith('p.'));
    expect(Object.fromEntries(selection)).toEqual({ 'p.from_year': '2020', 'p.regions': '530000', 'p.to_year': '2024' });
    expect(await page.inputValue('#param-from_year')).toBe('2020');
    expect(await page.inputValue('#param-to_year')).toBe('2024');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('param-regions');

    const request = '/api/datasets/training?from_year=2020&regions=530000&to_year=2024';
    expect(await page.getAttribute('a[data-format="csv"]', 'href')).toBe(`${request}&format=csv`);
    expect(await page.inputValue('[data-api-url]')).toBe(dashboard.server.url + request);
    // The chip names the region in Chinese (the default language) with its code beside it.
    expect((await page.textContent('[data-chip="530000"]'))?.replace('×', '')).toBe('云南省（530000）');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format="csv"]')]);
    const csv = await readFile((await download.path())!, 'utf8');
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const expected = await yunnanRowsInSnapshot();
    expect(expected.count).toBeGreaterThan(0);
    expect(rows.length).toBe(expected.count);
    expect([...new Set(rows.map((r) => r.month.slice(0, 4)))].sort()).toEqual(['2020', '2021', '2022', '2023', '2024']);
    expect(new Set(rows.map((r) => r.province_code))).toEqual(new Set(['530000']));
    expect(rows.every((r) => r.region_code.startsWith('53'))).toBe(true);

    // The dictionary lists every column of the export, each with its rules where the table declares them.
    const header = Object.keys(rows[0]);
    expect(header).toHaveLength(17);
    expect(await page.$$eval('.dictionary-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-column')))).toEqual(header);
    expect(await page.textContent('.dictionary-table tr[data-column="funding_cny"] .rules')).toContain('最小 0');

    const cite = (await page.textContent('[data-cite="text"]')) ?? '';
    expect(cite).toContain(expected.snapshot);
    expect(cite).toContain(dashboard.server.url + request);
    expect(cite).toContain('CC0-1.0');
    expect(cite).toContain('合成样例');
    const bibtex = (await page.textContent('[data-cite="bibtex"]')) ?? '';
    expect(bibtex).toMatch(/^@misc\{/);
    expect(bibtex).toContain(`\\url{${dashboard.server.url}${request}}`);

    // The catalog says where the rows come from: every training row of the sample is synthetic, under CC0.
    const catalog = (await (await page.request.get(`${dashboard.server.url}/api/datasets`)).json()) as {
      datasets: { name: string; licence: { name: string } | null; sources: { name: string; rows: number; synthetic: boolean }[] }[];
    };
    const entry = catalog.datasets.find((d) => d.name === 'training')!;
    expect(entry.licence?.name).toBe('CC0-1.0');
    expect(entry.sources).toMatchObject([{ name: 'synthetic', synthetic: true, rows: expected.allRows }]);

    await page.screenshot({ path: `${screenshotsDir}data-page-yunnan-1366.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('names choices with their codes in English and lays out at phone width', async () => {
    const page = await openData('/data?lang=en&item=dataset:training&p.regions=530000,440300', 390);
    expect((await page.textContent('[data-chip="440300"]'))?.replace('×', '').trim()).toBe('Shenzhen (440300)');
    expect(await page.getAttribute('#param-from_year', 'placeholder')).toBe('no lower bound');
    const programmes = await page.$$eval('#param-programs-list option', (options) => options.map((o) => o.getAttribute('label')));
    expect(programmes).toContain('Knowledge Renewal Project for Professional and Technical Personnel (knowledge_renewal)');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${screenshotsDir}data-page-training-390.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    // Another entry: its own form (the dataset's filters are cleared), a select of provinces by name with codes,
    // and the citation of an analytic of the synthetic sample under the sample's licence.
    await page.click('a[data-entry="query:region-profile"]');
    await page.waitForSelector('select#param-region');
    expect([...new URL(page.url()).searchParams.keys()].filter((key) => key.startsWith('p.'))).toEqual([]);
    const provinces = await page.$$eval('select#param-region option', (options) => options.map((o) => o.textContent));
    expect(provinces).toContain('Yunnan (530000)');
    await page.selectOption('select#param-region', '530000');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('p.region') === '530000');
    const cite = (await page.textContent('[data-cite="text"]')) ?? '';
    expect(cite).toContain(`${dashboard.server.url}/api/queries/region-profile?region=530000`);
    expect(cite).toContain('Licence: CC0-1.0');
    expect(cite).toContain('synthetic sample (not real figures)');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
