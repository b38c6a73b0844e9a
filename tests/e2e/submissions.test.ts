import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSnapshotId } from '../../core/snapshot-layout.js';
import { launchChromium } from './browser.js';
import { startEnforcedServer, violations, type EnforcedServer } from './enforced-server.js';
import { chromiumMissing, screenshotsDir, underCi } from './setup.js';
import { sharedBuild } from './shared-build.js';
import { startWebServer, type WebServer } from './web-server.js';

// The upload → report → approve path in the browser, on the real server with roles enforced (TALENT_AUTH=on), a
// data directory of its own (a copy of the default database: approval publishes a new snapshot into it) and the
// ingest worker the server starts on approval. Then the open demo mode's banner, on the shared default data.

const header = 'month,region_code,program_code,field_code,person_times,participants,certificates,funding_cny';
// Two rows of Lanzhou (620100) for October 2026; the second has a negative number of participants: file row 3
// (the header is row 1).
const good = '2026-10,620100,apprenticeship,equipment,90,72,9,90000.00';
const bad = '2026-10,620100,apprenticeship,modern_services,85,-5,8,88000.00';
const fixed = '2026-10,620100,apprenticeship,modern_services,85,70,8,88000.00';
const fileName = '甘肃-2026-10.csv';

let enforced: EnforcedServer;
let dataDir: string;
let server: EnforcedServer['server'];
let browser: Browser;
let tokens: EnforcedServer['tokens'];

const signedInPage = (context: BrowserContext, token: string): Promise<Page> => enforced.signIn(context, token);

async function upload(page: Page, body: string): Promise<void> {
  await page.locator('#upload-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(`${body}\n`) });
  await page.locator('.upload-panel button[type="submit"]').click();
}

/** Waits until the page's live region has said the text (what a screen reader announces). */
const said = (page: Page, text: string) =>
  page.waitForFunction((expected) => document.querySelector('main .sr-only[role="status"]')?.textContent === expected, text, {
    timeout: 10_000,
  });

/** The problem table's rows as text, cell by cell. */
const problemRows = (page: Page) =>
  page.$$eval('.problems-table tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));

/** How many of the file's keys (month, region, programme, field) the default sample already holds: those replace. */
async function keysInSample(lines: string[]): Promise<number> {
  const sample = new Set(
    (await readFile(join(dataDir, 'sample', 'training.csv'), 'utf8')).split('\n').map((line) => line.split(',').slice(0, 4).join(',')),
  );
  return lines.filter((line) => sample.has(line.split(',').slice(0, 4).join(','))).length;
}

const skip = chromiumMissing !== null && !underCi;

describe.skipIf(skip)('submissions in the browser, roles enforced', () => {
  beforeAll(async () => {
    if (chromiumMissing) throw new Error(`the browser tests cannot run: ${chromiumMissing}`);
    enforced = await startEnforcedServer('talent-submissions-e2e-');
    ({ dataDir, server, tokens } = enforced);
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await enforced?.close();
  });

  it('a Gansu official signs in, uploads a file with one bad row, reads the report in Chinese, fixes it, resubmits, withdraws and resubmits', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await signedInPage(context, tokens.official);
    expect(await page.locator('.account-user').textContent()).toBe('王芳（甘肃省业务人员）');
    expect(await page.locator('.demo-banner').count()).toBe(0);

    await upload(page, [header, good, bad].join('\n'));
    await page.locator('.submission-detail [data-status="refused"]').waitFor();
    expect(await page.locator('.submission-detail .submission-status').textContent()).toBe('✖ 未通过校验');
    expect(await page.locator('.problems-table caption').textContent()).toBe('发现 1 个问题（行号从表头所在的第 1 行算起）');
    expect(await problemRows(page)).toEqual([['3', 'participants', '-5', '不能为负数']]);
    await said(page, `已上传 ${fileName}：未通过校验，发现 1 个问题`);
    expect(await page.locator('#upload-heading').textContent()).toBe('上传修正后的文件');
    await page.screenshot({ path: join(screenshotsDir, 'submissions-refused-1366.png'), fullPage: true });
    expect(await violations('report of a refused file', page)).toEqual([]);

    await upload(page, [header, good, fixed].join('\n'));
    await page.locator('.submission-detail [data-status="validated"]').waitFor();
    const replaced = await keysInSample([good, fixed]);
    expect(await page.locator('.report-counts').textContent()).toBe(
      `读取 2 行，接受 2 行，拒绝 0 行；新增 ${2 - replaced} 行，替换 ${replaced} 行。`,
    );
    expect(await page.locator('.submission-detail .problems-table').count()).toBe(0);
    expect(await page.locator('.submission-detail').textContent()).toContain('没有发现问题。');
    // The official may withdraw it but not approve it; withdrawn, it is submitted again.
    expect(await page.locator('.submission-detail [data-action]').evaluateAll((b) => b.map((x) => x.getAttribute('data-action')))).toEqual([
      'withdraw',
    ]);
    await page.locator('.submission-detail [data-action="withdraw"]').click();
    await page.locator('.submission-detail [data-status="withdrawn"]').waitFor();
    await said(page, `报送 ${fileName}：已撤回`);
    expect(await page.locator('.submission-detail [data-action]').count()).toBe(0);
    await upload(page, [header, good, fixed].join('\n'));
    await page.locator('.submission-detail [data-status="validated"]').waitFor();
    // The province's list, newest first.
    expect(await page.$$eval('.queue-table tbody tr [data-status]', (s) => s.map((x) => x.getAttribute('data-status')))).toEqual([
      'validated',
      'withdrawn',
      'refused',
    ]);
    await context.close();
  }, 120_000);

  it('a planner signs in, approves it and follows it until it is published; the server then serves the new snapshot', async () => {
    const before = (await currentSnapshotId(dataDir))!;
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const page = await signedInPage(context, tokens.planner);
    expect(await page.locator('.account-user').textContent()).toBe('李明（规划管理人员）');
    await page.locator('.queue-table tbody tr:has([data-status="validated"]) th a').click();
    await page.locator('.submission-detail [data-status="validated"]').waitFor();
    expect(new URL(page.url()).searchParams.get('id')).toMatch(/^\d{8}T\d{9}-[0-9a-f]{6}$/);
    // The return form opens from its button (and is audited open), then closes again.
    await page.locator('.submission-detail [data-action="return"]').click();
    await page.locator('.return-form:not([hidden]) textarea').waitFor();
    expect(await page.locator('.submission-detail [data-action="return"]').getAttribute('aria-expanded')).toBe('true');
    expect(await violations('planner, return form open', page)).toEqual([]);
    await page.locator('.submission-detail [data-action="return"]').click();
    await page.locator('.submission-detail [data-action="approve"]').click();
    await page.locator('.submission-detail [data-status="approved"]').waitFor();
    await page
      .locator('.submission-detail [data-status="published"]')
      .waitFor({ timeout: 90_000 })
      .catch(async (error: unknown) => {
        const log = await readFile(join(dataDir, 'submissions', 'worker.log'), 'utf8').catch(() => '(no worker log)');
        const shown = await page.locator('.submission-detail').textContent();
        throw new Error(`not published: ${String(error)}\npage: ${shown}\nworker log: ${log.slice(-3000)}`);
      });
    const lines = await page.locator('.submission-detail .submission-line').allTextContents();
    const snapshot = lines.map((line) => /^已发布为数据版本 (\S+)$/.exec(line)?.[1]).find(Boolean);
    expect(snapshot).toMatch(/^\d{8}T\d{9}-[0-9a-f]{4}$/);
    expect(snapshot).not.toBe(before);
    await said(page, `报送 ${fileName}：已发布`);
    await page.screenshot({ path: join(screenshotsDir, 'submissions-published-1366.png'), fullPage: true });

    // The server takes up the published snapshot (it looks every 500 ms here) and serves the file's figures (a
    // researcher-level export: the planner's token).
    const exportUrl = `${server.url}/api/datasets/training?regions=620100&from_year=2026&programs=apprenticeship&format=json`;
    const read = () => fetch(exportUrl, { headers: { Authorization: `Bearer ${tokens.planner}` } });
    const servedVersion = async () => {
      const answer = await read();
      await answer.arrayBuffer();
      return answer.headers.get('x-data-version');
    };
    await expect.poll(servedVersion, { timeout: 10_000 }).toBe(snapshot);
    const response = await read();
    const rows = ((await response.json()) as { rows: { month: string; field_code: string; participants: number }[] }).rows;
    const october = rows.filter((r) => r.month === '2026-10').map((r) => [r.field_code, r.participants]);
    expect(october).toEqual(
      expect.arrayContaining([
        ['equipment', 72],
        ['modern_services', 70],
      ]),
    );

    // The audit page lists the approval and the publication.
    await page.goto(`${server.url}/audit`);
    await page.locator('.audit-table').waitFor();
    const actions = await page.$$eval('.audit-table tbody tr', (rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['sign-in', 'submission', 'approval', 'publication']));
    expect(await violations('audit log', page)).toEqual([]);
    await context.close();
  }, 150_000);

  it('a planner returns a submission with a reason, which the official then reads', async () => {
    const officialContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const official = await signedInPage(officialContext, tokens.official);
    const revised = '2026-10,620100,apprenticeship,equipment,91,73,9,91000.00';
    await upload(official, [header, revised].join('\n'));
    await official.locator('.submission-detail [data-status="validated"]').waitFor();
    const id = await official.locator('.submission-detail').getAttribute('data-submission');

    const plannerContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const planner = await signedInPage(plannerContext, tokens.planner);
    await planner.goto(`${server.url}/submissions?id=${id}`);
    await planner.locator('.submission-detail [data-action="return"]').click();
    // An empty reason is refused in words before anything is sent.
    await planner.locator('.return-form button[type="submit"]').click();
    expect(await planner.locator('.submission-detail .form-message').textContent()).toBe('请写明退回原因。');
    await planner.locator('.return-form textarea').fill('10月培训人数与季报不符，请核实后重报');
    await planner.locator('.return-form button[type="submit"]').click();
    await planner.locator('.submission-detail [data-status="returned"]').waitFor();
    await said(planner, '报送 甘肃-2026-10.csv：已退回');
    await plannerContext.close();

    await official.reload();
    await official.locator('.submission-detail [data-status="returned"]').waitFor();
    expect(await official.locator('.submission-detail .submission-line').allTextContents()).toContain(
      '原因：10月培训人数与季报不符，请核实后重报',
    );
    expect(await official.locator('#upload-heading').textContent()).toBe('上传修正后的文件');
    await officialContext.close();
  }, 90_000);

  it('a change made in a tab whose session was replaced in another tab is sent again with the new CSRF token', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const first = await signedInPage(context, tokens.official);
    // Signing in again in a second tab replaces the session cookie: the first tab's CSRF token is now stale.
    await signedInPage(context, tokens.official);
    await upload(first, [header, '2026-10,620100,apprenticeship,equipment,92,74,9,92000.00'].join('\n'));
    await first.locator('.submission-detail [data-status="validated"]').waitFor();
    expect(await first.locator('.upload-panel .form-message').textContent()).toBe('');
    await context.close();
  }, 60_000);

  it('says what an anonymous visitor and an official of another province may not see, in words; signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
    const anonymous = await context.newPage();
    await anonymous.goto(`${server.url}/regions?province=620000`);
    // A notice, not an error: no retry (asking again cannot help), and a sign-in link keeping the province.
    const refusal = anonymous.locator('#regions-prefecture-rank .card-body[data-state="refused"] [role="status"]');
    await refusal.waitFor();
    expect(await refusal.locator('p').textContent()).toBe('需要登录才能查看此数据。');
    expect(await anonymous.locator('#regions-prefecture-rank .card-body button').count()).toBe(0);
    expect(await refusal.locator('a').evaluate((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      '登录',
      '/signin?province=620000',
    ]);
    await anonymous.screenshot({ path: join(screenshotsDir, 'refused-card-401-1366.png'), fullPage: true });
    await anonymous.setViewportSize({ width: 390, height: 844 });
    await anonymous.locator('#regions-prefecture-rank').screenshot({ path: join(screenshotsDir, 'refused-card-401-390.png') });
    expect(await violations('a card refused with 401', anonymous)).toEqual([]);
    await refusal.locator('a').click();
    await anonymous.waitForURL((url) => url.pathname === '/signin' && url.searchParams.get('province') === '620000');
    await anonymous.close();

    const official = await signedInPage(context, tokens.official);
    await official.goto(`${server.url}/regions?province=440000`);
    const other = official.locator('#regions-prefecture-rank .card-body[data-state="refused"] [role="status"]');
    await other.waitFor();
    expect(await other.locator('p').textContent()).toBe('您的账号只能查看甘肃省的明细数据，不能查看其他省份的明细。');
    expect(await other.locator('a, button').count()).toBe(0);

    // Signing out ends the session: the app loads again at the overview, anonymous, offering sign-in.
    await official.locator('.account-signout').click();
    await official.waitForURL((url) => url.pathname === '/' && url.searchParams.get('province') === '440000');
    await official.locator('.account-nav a[data-account="signin"]').waitFor();
    expect(await official.locator('.account-user').count()).toBe(0);
    const session = await official.evaluate(async () => (await fetch('/api/session')).json());
    expect(session).toMatchObject({ mode: 'enforced', user: null });
    await context.close();
    expect(enforced.problems).toEqual([]);
  }, 90_000);
});

describe.skipIf(skip)('the open demo mode', () => {
  let open: WebServer;
  let openBrowser: Browser;
  beforeAll(async () => {
    const shared = await sharedBuild();
    open = await startWebServer(shared.dataDir, shared.webDir);
    openBrowser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await openBrowser?.close();
    await open?.close();
  });

  it('shows the banner on every page and offers submissions and the audit log, with no sign-in', async () => {
    const page = await openBrowser.newPage({ viewport: { width: 390, height: 844 } });
    for (const [path, text] of [
      ['/', '演示模式：未启用登录，所有人可见全部数据'],
      ['/submissions?lang=en', 'Open demo mode: sign-in is off and everyone sees everything'],
    ] as const) {
      await page.goto(open.url + path);
      await page.locator('.demo-banner').waitFor();
      expect((await page.locator('.demo-banner').textContent())?.replace('⚠', '')).toBe(text);
    }
    expect(await page.locator('.account-nav a').evaluateAll((a) => a.map((x) => x.getAttribute('data-account')))).toEqual([
      'submissions',
      'audit',
    ]);
    expect(await page.locator('.account-signout').count()).toBe(0);
    await page.screenshot({ path: join(screenshotsDir, 'submissions-open-390.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
