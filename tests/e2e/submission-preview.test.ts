import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../core/submission.js';
import { currentSnapshotId } from '../../core/snapshot-layout.js';
import { launchChromium } from './browser.js';
import { startEnforcedServer, violations, type EnforcedServer } from './enforced-server.js';
import { chromiumMissing, screenshotsDir, underCi } from './setup.js';

// The embargo preview in the planner's view, on the real server with roles enforced and a data directory of its own
// (a copy of the default database; the ingest worker builds the candidate in it); then the same file approved and
// published, which the official's open page notices by itself. The expected figures are summed here from the
// synthetic sample's CSV (the default database is that sample ingested) and the file, not read from the app.

const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny';
// Lanzhou's (620100) October 2026 subsidised vocational training, corrected for two fields the sample already holds.
const file = [
  '2026-10,620100,vocational_training,equipment,1300,900,400,1100000.00',
  '2026-10,620100,vocational_training,general,1100,930,600,990000.00',
];
const fileName = '甘肃-2026-10-职业技能培训.csv';

let enforced: EnforcedServer;
let dataDir: string;
let server: EnforcedServer['server'];
let browser: Browser;
let tokens: EnforcedServer['tokens'];

/** The sample's rows of training, as [month, region, programme, field, person_times]. */
async function sampleRows(): Promise<[string, string, string, string, number][]> {
  const lines = (await readFile(join(dataDir, 'sample', 'training.csv'), 'utf8')).trim().split('\n').slice(1);
  return lines.map((line) => {
    const [month, region, program, field, personTimes] = line.split(',');
    return [month!, region!, program!, field!, Number(personTimes)];
  });
}

const signedInPage = (context: BrowserContext, token: string): Promise<Page> => enforced.signIn(context, token);

/** Integers as the page writes them: every digit, grouped by thousands. */
const grouped = (n: number) => n.toLocaleString('en-US');

const skip = chromiumMissing !== null && !underCi;

describe.skipIf(skip)("a planner previews a submission's effect before it is published", () => {
  let submission: Submission;
  let live: number;
  let change: number;
  let latestMonth: number;

  beforeAll(async () => {
    if (chromiumMissing) throw new Error(`the browser tests cannot run: ${chromiumMissing}`);
    enforced = await startEnforcedServer('talent-preview-e2e-');
    ({ dataDir, server, tokens } = enforced);
    browser = await launchChromium();

    // Worked out from the sample: Gansu's (62xxxx) subsidised vocational training in 2026, January to the latest
    // month the nation reported, and what the file changes (each of its rows replaces the sample's row of the same
    // month, region, programme and field, or adds one).
    const rows = await sampleRows();
    latestMonth = Math.max(...rows.filter((r) => r[0].startsWith('2026-')).map((r) => Number(r[0].slice(5))));
    live = rows
      .filter(([month, region, program]) => month.startsWith('2026-') && region.startsWith('62') && program === 'vocational_training')
      .reduce((sum, r) => sum + r[4], 0);
    change = file
      .map((line) => line.split(','))
      .reduce((sum, [month, region, program, field, personTimes]) => {
        const replaced = rows.find((r) => r[0] === month && r[1] === region && r[2] === program && r[3] === field);
        return sum + Number(personTimes) - (replaced?.[4] ?? 0);
      }, 0);

    // The official submits the file (the browser path of an upload is tests/e2e/submissions.test.ts's).
    const response = await fetch(`${server.url}/api/submissions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.official}`, 'Content-Type': 'text/csv', 'X-File-Name': encodeURIComponent(fileName) },
      body: `${[header, ...file].join('\n')}\n`,
    });
    submission = (await response.json()) as Submission;
    if (response.status !== 201 || submission.status !== 'validated')
      throw new Error(`the file was not validated: ${response.status} ${JSON.stringify(submission)}`);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await enforced?.close();
  });

  it("shows Gansu's published and candidate figures, each with its period, and their difference: the file's change", async () => {
    expect(change).toBe(1300 - 1194 + (1100 - 1077));
    const liveVersion = (await currentSnapshotId(dataDir))!;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await signedInPage(context, tokens.planner);
    await page.goto(`${server.url}/submissions?id=${submission.id}`);
    const preview = page.locator(`.submission-preview[data-preview="${submission.id}"]`);
    await preview.locator('h3').waitFor();
    expect(await preview.locator('h3').textContent()).toBe('预览影响');
    expect(await preview.locator('.preview-embargo').textContent()).toBe(
      '预览未发布：“预览值”是在当前发布的数据中加入本文件后算出的，只有规划管理人员可见；批准并发布之前，其他人看到的仍是“当前发布值”。',
    );
    const row = preview.locator('.preview-table tr[data-figure="vocational_training"]');
    await row.waitFor({ timeout: 150_000 }).catch(async (error: unknown) => {
      const log = await readFile(join(dataDir, 'submissions', 'worker.log'), 'utf8').catch(() => '(no worker log)');
      throw new Error(`no preview: ${String(error)}\nsection: ${await preview.textContent()}\nworker log: ${log.slice(-3000)}`);
    });
    expect(await preview.locator('caption').textContent()).toBe('甘肃省 · 各项目要览');
    const period = `2026年1–${latestMonth}月`;
    const cells = await row.locator('th, td').evaluateAll((c) => c.map((x) => [...x.childNodes].map((n) => n.textContent)));
    expect(cells).toEqual([
      ['补贴性职业技能培训'],
      [`${grouped(live)} 人次`, period],
      [`${grouped(live + change)} 人次`, period],
      [`+${grouped(change)} 人次`],
    ]);
    expect(await row.getAttribute('data-changed')).toBe('true');
    // Another programme the file does not touch: the same figure on both sides.
    expect(await preview.locator('.preview-table tr[data-figure="apprenticeship"] .preview-difference').textContent()).toBe('±0 人');
    const note = (await preview.locator('.table-note').textContent())!;
    expect(note).toContain(`当前发布数据版本 ${liveVersion}；`);
    expect(note).not.toContain(`预览版本 ${liveVersion}`);
    await page.screenshot({ path: join(screenshotsDir, 'submission-preview-1366.png'), fullPage: true });
    expect(await violations('the embargo preview', page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(screenshotsDir, 'submission-preview-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();

    // Nothing is published: the dashboard still shows Gansu the sample's figure, and the data version is the same.
    const publicPage = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await publicPage.goto(`${server.url}/?lang=en&province=620000&year=2026`);
    const item = publicPage.locator('#overview-actions li', {
      has: publicPage.locator('.program-name', { hasText: /^Subsidised vocational skills training$/ }),
    });
    await item.locator('.program-value').waitFor({ timeout: 30_000 });
    expect(await item.locator('.program-value').textContent()).toBe(`${grouped(live)} person-times`);
    expect(await publicPage.locator('.version-chip').getAttribute('data-version')).toBe(liveVersion);
    await publicPage.close();
    expect(await currentSnapshotId(dataDir)).toBe(liveVersion);
  }, 240_000);

  it("once approved and published, the official's open page lists it as published by itself and its header shows the new data version", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const official = await signedInPage(context, tokens.official);
    // An official starts in their own province: the header's scope is Gansu (they can still choose the nation).
    expect(new URL(official.url()).searchParams.get('province')).toBe('620000');
    expect(await official.locator('.scope-control select').inputValue()).toBe('620000');
    const before = await official.locator('.version-chip').getAttribute('data-version');
    const listed = official.locator(`.queue-table tr[data-submission="${submission.id}"] [data-status]`);
    expect(await listed.getAttribute('data-status')).toBe('validated');

    // A hidden page does not ask for the list; shown again, it asks at once.
    const listReads: number[] = [];
    official.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/submissions') listReads.push(Date.now());
    });
    const show = (state: 'hidden' | 'visible') =>
      official.evaluate((visibility) => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await show('hidden');
    await official.waitForTimeout(11_000);
    expect(listReads).toEqual([]);
    await show('visible');
    await expect.poll(() => listReads.length, { timeout: 3000 }).toBeGreaterThan(0);

    const approval = await fetch(`${server.url}/api/submissions/${submission.id}/approve`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens.planner}` },
    });
    expect(approval.status).toBe(202);
    // Nobody touches the official's page: its list is read again every 10 s while a submission awaits publication.
    await official.locator(`.queue-table tr[data-submission="${submission.id}"] [data-status="published"]`).waitFor({ timeout: 120_000 });
    const published = (await (
      await fetch(`${server.url}/api/submissions/${submission.id}`, { headers: { Authorization: `Bearer ${tokens.official}` } })
    ).json()) as Submission;
    expect(published.snapshotId).toMatch(/^\d{8}T\d{9}-[0-9a-f]{4}$/);
    expect(published.snapshotId).not.toBe(before);
    await official.locator(`.version-chip[data-version="${published.snapshotId}"]`).waitFor({ timeout: 20_000 });

    // The nation stays a choice: chosen, it holds on the next page.
    await official.locator('.scope-control select').selectOption('');
    await official.waitForURL((url) => !url.searchParams.has('province'));
    await official.locator('nav.tabs a').first().click();
    await official.waitForURL((url) => url.pathname === '/');
    expect(new URL(official.url()).searchParams.has('province')).toBe(false);
    expect(await official.locator('.scope-control select').inputValue()).toBe('');
    await context.close();
    expect(enforced.problems).toEqual([]);
  }, 180_000);
});
