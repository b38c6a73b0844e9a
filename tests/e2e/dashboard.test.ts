import { parse as parseCsvStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { tableFromIPC } from 'apache-arrow';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactsDir, chromiumMissing, screenshotsDir, startDashboard, underCi, type Dashboard } from './setup.js';

const pages = ['overview', 'regions', 'gaps', 'training', 'competitions', 'data'] as const;
const pathOf = (page: (typeof pages)[number]) => (page === 'overview' ? '/' : `/${page}`);

let dashboard: Dashboard;
const problems: string[] = [];

/** A page with its console watched: any console error or uncaught exception is a failure. */
async function openPage(path: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const page = await dashboard.browser.newPage({ viewport, acceptDownloads: true });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: uncaught: ${error.message}`));
  await page.goto(dashboard.server.url + path);
  await settle(page);
  return page;
}

/** Waits until every chart card has left its loading state (or, on the data page, the preview is in). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main[data-page]') as HTMLElement | null;
      if (!main) return false;
      if (main.dataset.page === 'data')
        return document.querySelector('.preview table, .preview .state-error, .preview .state-empty') !== null;
      const bodies = [...document.querySelectorAll<HTMLElement>('.card-body')];
      return (
        bodies.length > 0 && bodies.every((b) => b.dataset.state && b.dataset.state !== 'loading' && !b.classList.contains('is-stale'))
      );
    },
    null,
    { timeout: 30_000 },
  );
}

/** Each card's state and how many marks its chart drew. */
function cardStates(page: Page) {
  return page.$$eval('.card', (cards) =>
    cards.map((card) => {
      const body = card.querySelector<HTMLElement>('.card-body')!;
      return {
        id: card.id,
        state: body.dataset.state,
        marks: body.querySelectorAll('svg rect, svg path, svg circle, svg line').length,
        html: body.querySelector('.actions-grid, .progress-panel, .rank-table, .card-message, .published-view') !== null,
        message: body.querySelector('.state')?.textContent ?? '',
      };
    }),
  );
}

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path!);
}

/**
 * Knowledge-renewal person-times of the latest year in the generated sample, summed here from the training
 * CSV files themselves (not through the app's queries): the year-to-date figure the overview should show.
 */
async function knowledgeRenewalYearToDate(sampleDir: string): Promise<{ total: number; year: number; month: number; rows: number }> {
  const files = (await readdir(sampleDir)).filter((name) => /^training.*\.csv$/.test(name));
  expect(files, `training CSV files in ${sampleDir}`).not.toEqual([]);
  const byMonth = new Map<string, number>();
  let rows = 0;
  for (const name of files) {
    const records = createReadStream(join(sampleDir, name)).pipe(parseCsvStream({ columns: true, bom: true }));
    for await (const record of records as AsyncIterable<Record<string, string>>) {
      if (record.program_code !== 'knowledge_renewal') continue;
      expect(record.month).toMatch(/^\d{4}-\d{2}$/);
      byMonth.set(record.month, (byMonth.get(record.month) ?? 0) + Number(record.person_times));
      rows++;
    }
  }
  const latest = [...byMonth.keys()].sort().at(-1)!;
  const year = latest.slice(0, 4);
  const total = [...byMonth].filter(([month]) => month.startsWith(`${year}-`)).reduce((sum, [, value]) => sum + value, 0);
  return { total, year: Number(year), month: Number(latest.slice(5, 7)), rows };
}

/** A number as the Chinese pages print it (web/src/i18n/format.ts formatNumber): '9,876', '75.2万', '1.23亿'. */
function parseZhNumber(text: string): { digits: string; scale: number; decimals: number } {
  const match = /^\s*([\d,]+(?:\.\d+)?)\s*(万|亿)?/.exec(text);
  if (!match) throw new Error(`not a number as the page prints one: '${text}'`);
  const [scale, decimals] = match[2] === '亿' ? [1e8, 2] : match[2] === '万' ? [1e4, 1] : [1, 0];
  return { digits: match[1].replaceAll(',', ''), scale, decimals };
}

// Outside CI a machine without Chromium skips the browser tests and says why; under CI (.ci/run exports
// CI=1) they run regardless, and a missing browser fails them with the reason (startDashboard throws it).
const skipReason = chromiumMissing && !underCi ? chromiumMissing : null;
if (skipReason) console.warn(`SKIPPING the browser tests in tests/e2e: ${skipReason}. Under CI (CI=1) this is a failure.`);

describe('the browser test gate', () => {
  (skipReason ? it.skip : it)(
    skipReason ? `skipped here: ${skipReason}` : 'finds Chromium (under CI a missing browser fails here, never skips)',
    () => {
      expect(chromiumMissing, `the browser tests must run${underCi ? ' under CI' : ''}, but: ${chromiumMissing}`).toBeNull();
    },
  );
});

describe.skipIf(skipReason !== null)('the dashboard in Chromium', () => {
  beforeAll(async () => {
    await mkdir(screenshotsDir, { recursive: true });
    dashboard = await startDashboard();
  }, 180_000);

  afterAll(async () => {
    await dashboard?.close();
  });

  // The product's target is a first chart within 1 s (bench/targets.ts, measured by the benchmark on a quiet
  // machine). Here the browser shares the machine with the other test files running in parallel, so the bound
  // is generous: 15 s (half the wait's timeout) still fails a first draw that waits on a timeout, a retry or
  // every query of the page, without failing on a busy machine.
  it('draws the first chart within 15 s of navigation, cold and warm (times in tests/artifacts/first-chart.json)', async () => {
    const page = await dashboard.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${dashboard.server.url}/?run=${i}`);
      const ms = await page.waitForFunction(() => (window as unknown as { firstChartMs?: number }).firstChartMs, null, { timeout: 30_000 });
      times.push(Number(await ms.jsonValue()));
    }
    await page.close();
    await writeFile(
      `${artifactsDir}first-chart.json`,
      JSON.stringify(
        { firstChartMs: times, note: 'performance.now() when the first chart was drawn; run 1 is cold (server cache empty)' },
        null,
        2,
      ),
    );
    console.log(`time to first chart (ms): ${times.map((t) => t.toFixed(0)).join(', ')}`);
    expect(times).toHaveLength(3);
    for (const [run, ms] of times.entries()) {
      expect(ms, `run ${run + 1}`).toBeGreaterThan(0);
      expect(ms, `run ${run + 1}: first chart after ${ms.toFixed(0)} ms`).toBeLessThan(15_000);
    }
  });

  it('shows the knowledge-renewal year-to-date person-times that the sample CSV files add up to', async () => {
    const expected = await knowledgeRenewalYearToDate(join(dashboard.dataDir, 'sample'));
    expect(expected.rows).toBeGreaterThan(1000);
    const page = await openPage('/');
    const card = page.locator('#overview-progress');
    expect(await card.locator('.progress-status .kpi-note').textContent()).toContain(`截至${expected.year}年${expected.month}月`);

    // The headline, in 万 (or 亿) as printed: equal at its displayed precision.
    const kpi = (await card.locator('[data-kpi="cumulative"] .kpi-value').textContent()) ?? '';
    expect(kpi).toContain('人次');
    const shown = parseZhNumber(kpi);
    expect(shown.digits, `'${kpi}' against ${expected.total}`).toBe(String(Number((expected.total / shown.scale).toFixed(shown.decimals))));

    // The card's table view prints every digit.
    await card.locator('button[aria-expanded]').click();
    const table = card.locator('.card-table table');
    const headers = await table.locator('thead th').allTextContents();
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(headers).toContain('cumulative_actual');
    expect(cells[headers.indexOf('cumulative_actual')]).toBe(expected.total.toLocaleString('en-US'));
    await page.close();
    expect(problems).toEqual([]);
  });

  it('names the period on every overview card: a past year is the full year, the current year its months so far', async () => {
    const meta = (await (await fetch(`${dashboard.server.url}/api/meta`)).json()) as { freshness: { training_through: string } };
    const [year, month] = meta.freshness.training_through.split('-').map(Number);
    const soFar = month === 1 ? `${year}年1月` : `${year}年1–${month}月`;
    const unit = (page: Page, id: string) => page.locator(`#${id} .card-unit`).textContent();

    const past = await openPage(`/?year=${year - 1}`);
    for (const id of ['overview-progress', 'overview-path', 'overview-league'])
      expect(await unit(past, id), id).toContain(`${year - 1}年全年`);
    expect(await unit(past, 'overview-actions')).toContain(`培训：${year - 1}年全年`);
    expect(await unit(past, 'overview-multi-year')).toMatch(/\d{4}–\d{4}年/);
    expect(await past.locator('#overview-progress .progress-status .kpi-note').textContent()).toBe(`${year - 1}年全年`);
    expect(await past.locator('#overview-progress .progress-status .badge').getAttribute('title')).toContain(`${year - 1}年全年`);
    // Every card follows the year chosen (the multi-year targets as of it).
    const links = await past.$$eval('.card:not(#overview-published) .card-api', (anchors) =>
      anchors.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(links).toHaveLength(5);
    for (const link of links) expect(link, link).toMatch(new RegExp(`[?&](as_of_)?year=${year - 1}(&|$)`));
    await past.close();

    const current = await openPage('/');
    for (const id of ['overview-progress', 'overview-path', 'overview-league']) expect(await unit(current, id), id).toContain(soFar);
    expect(await unit(current, 'overview-actions')).toContain(`培训：${soFar}`);
    expect(await current.locator('#overview-progress .progress-status .kpi-note').textContent()).toContain(`截至${year}年${month}月`);
    expect(await current.locator('#overview-actions .program-period').allTextContents()).toContain(`截至${year}年${month}月`);

    // The league: the count behind in its headline is the table's rows whose status is behind the province's own target.
    const league = current.locator('#overview-league');
    const headline = league.locator('.league-headline');
    const behind = Number(await headline.getAttribute('data-behind'));
    const statuses = await league.locator('.league-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses).toHaveLength(31);
    const counted = statuses.filter((s) =>
      ['acceleration_needed', 'limited_progress', 'falling_behind', 'missed'].includes(s ?? ''),
    ).length;
    expect(behind).toBe(counted);
    expect(await headline.textContent()).toContain(`${counted}个省份落后于本省目标进度`);
    expect(await league.locator('.card-source').textContent()).toContain('省级目标为样例按全国目标分摊的合成数据');
    console.log(`provinces behind their own targets (${year}年1–${month}月): ${counted} of ${statuses.filter((s) => s !== 'none').length}`);
    await current.close();

    const english = await openPage('/?lang=en');
    const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(await unit(english, 'overview-progress')).toContain(month === 1 ? `Jan ${year}` : `Jan–${monthsEn[month - 1]} ${year}`);
    expect(await english.locator('#overview-progress .progress-status .kpi-note').textContent()).toContain(
      `Through ${monthsEn[month - 1]} ${year}`,
    );
    await english.close();
    expect(problems).toEqual([]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`loads every page in ${lang} with charts drawn and no console errors`, async () => {
      for (const name of pages) {
        const path = `${pathOf(name)}${lang === 'en' ? '?lang=en' : ''}`;
        const page = await openPage(path);
        await page.screenshot({ path: `${screenshotsDir}${name}-${lang}.png`, fullPage: true });
        expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
        if (name === 'data') {
          expect(await page.locator('.preview table tbody tr').count()).toBeGreaterThan(0);
          expect(await page.locator('.param-form [data-form-param]').count()).toBeGreaterThan(0);
        } else {
          const cards = await cardStates(page);
          expect(cards.length).toBeGreaterThan(1);
          for (const card of cards) {
            expect(card.state, `${path} ${card.id}: ${card.message}`).toBe('ready');
            if (!card.html) expect(card.marks, `${path} ${card.id} has no marks`).toBeGreaterThan(2);
          }
        }
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }

  it('changes the URL and the chart when a filter changes, and restores both on reload', async () => {
    const page = await openPage('/gaps');
    const before = await page.locator('#gaps-zone-tightest .card-body').innerHTML();
    await page.selectOption('select[data-param="zone"]', 'yrd');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('zone')).toBe('yrd');
    expect(await page.locator('#gaps-zone-tightest .card-title').textContent()).toContain('长三角');
    const after = await page.locator('#gaps-zone-tightest .card-body').innerHTML();
    expect(after).not.toBe(before);

    await page.reload();
    await settle(page);
    expect(await page.inputValue('select[data-param="zone"]')).toBe('yrd');
    expect(await page.locator('#gaps-zone-tightest .card-title').textContent()).toContain('长三角');
    expect(await page.locator('#gaps-zone-tightest .card-body').innerHTML()).toBe(after);
    await page.close();
  });

  it('selects a province on the tile map with the keyboard and keeps it in the URL', async () => {
    const page = await openPage('/regions');
    expect(await page.locator('g.tile[data-code="810000"]').getAttribute('tabindex')).toBeNull();
    await page.focus('g.tile[data-code="510000"]');
    await page.keyboard.press('Enter');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('province')).toBe('510000');
    expect(await page.inputValue('select[data-param="province"]')).toBe('510000');
    expect(await page.locator('#regions-profile .card-title').textContent()).toContain('四川');
    expect(await page.locator('g.tile[data-code="510000"]').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.code ?? null)).toBe('510000');

    await page.selectOption('select[data-param="indicator"]', 'training_per_10k');
    await settle(page);
    await page.reload();
    await settle(page);
    expect(await page.inputValue('select[data-param="indicator"]')).toBe('training_per_10k');
    expect(await page.locator('g.tile[data-code="510000"]').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  it('switches every label with the language toggle', async () => {
    const page = await openPage('/training?program=knowledge_renewal');
    expect(await page.locator('.tab[aria-current="page"]').textContent()).toBe('培训');
    await page.click('[data-action="toggle-language"]');
    await settle(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.pathname).toBe('/training');
    expect(await page.locator('.tab[aria-current="page"]').textContent()).toBe('Training');
    expect(await page.locator('.brand-name').textContent()).toBe('Talent Services Dashboard');
    expect(await page.inputValue('select[data-param="program"]')).toBe('knowledge_renewal');
    const titles = await page.locator('.card-title').allTextContents();
    expect(titles.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    await page.close();
  });

  it('downloads each chart as CSV, SVG and PNG files that parse', async () => {
    const page = await openPage('/');
    const card = page.locator('#overview-path');
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /CSV/ }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^overview-path_.*\.csv$/);
    const rows = parse((await saved(csvDownload)).toString('utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(12);
    expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['month', 'cumulative_actual', 'target']));

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /SVG/ }).click()]);
    const svg = (await saved(svgDownload)).toString('utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('<svg');
    expect(svg).toContain('累计完成与预期路径');

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /PNG/ }).click()]);
    const png = await saved(pngDownload);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBeGreaterThan(300); // width in the IHDR chunk: drawn at twice the size
    await page.close();
  });

  it('builds a parameter form from the catalog and offers CSV, Parquet and Arrow downloads', async () => {
    const page = await openPage('/data?item=query:talent-gap');
    await page.selectOption('select[data-form-param="level"]', 'prefecture');
    await settle(page);
    expect(new URL(page.url()).searchParams.get('p.level')).toBe('prefecture');
    expect(await page.inputValue('[data-api-url]')).toContain('/api/queries/talent-gap?level=prefecture');
    const hrefs = Object.fromEntries(
      await page.$$eval('.download-link', (links) => links.map((a) => [a.getAttribute('data-format'), (a as HTMLAnchorElement).href])),
    );
    const csv = await page.request.get(hrefs.csv);
    const table = parse(await csv.text(), { columns: true, bom: true }) as Record<string, string>[];
    expect(table.length).toBeGreaterThan(31);
    expect(table[0]).toHaveProperty('ratio');
    const parquet = await (await page.request.get(hrefs.parquet)).body();
    expect(parquet.subarray(0, 4).toString()).toBe('PAR1');
    const arrow = tableFromIPC(await (await page.request.get(hrefs.arrow)).body());
    expect(arrow.numRows).toBe(table.length);
    await page.close();
  });

  it('fits a narrow screen: cards stack and nothing scrolls sideways', async () => {
    for (const name of ['overview', 'regions'] as const) {
      const page = await openPage(pathOf(name), { width: 390, height: 844 });
      await page.screenshot({ path: `${screenshotsDir}${name}-zh-narrow.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
