import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { startEnforcedServer, type EnforcedServer } from './enforced-server.js';
import { chromiumMissing, underCi } from './setup.js';

// The Data page with roles enforced: what the catalog says a visitor may not read (queries/access.ts: the fact
// exports need a researcher) is offered as a sign-in notice, not as download links that would only answer 401;
// a public table keeps its links; a signed-in Gansu official gets the links back.

let enforced: EnforcedServer;
let browser: Browser;
const skip = chromiumMissing !== null && !underCi;

async function openData(page: Page, item: string): Promise<void> {
  await page.goto(`${enforced.server.url}/data?item=${item}`);
  await page.waitForSelector(`.preview > *`, { timeout: 30_000 });
}

describe.skipIf(skip)('the Data page with roles enforced', () => {
  beforeAll(async () => {
    if (chromiumMissing) throw new Error(`the browser tests cannot run: ${chromiumMissing}`);
    enforced = await startEnforcedServer('talent-data-access-e2e-');
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await enforced?.close();
  });

  it('asks the anonymous visitor to sign in for the training export, and keeps the regions table downloadable', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await openData(page, 'dataset:training');
    expect(await page.locator('.download-link').count()).toBe(0);
    const notices = page.locator('[data-refused="401"]');
    expect(await notices.count()).toBe(2); // in place of the downloads, and of the preview
    expect(await notices.first().locator('a.refused-signin').getAttribute('href')).toMatch(/^\/signin/);

    await openData(page, 'dataset:region');
    expect(await page.locator('.download-link').count()).toBe(4);
    expect(await page.locator('[data-refused]').count()).toBe(0);
    await context.close();
  });

  it("gives a signed-in Gansu official the training export's links and a preview", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await enforced.signIn(context, enforced.tokens.official);
    await openData(page, 'dataset:training');
    await page.waitForSelector('.preview table', { timeout: 30_000 });
    expect(await page.locator('.download-link').count()).toBe(4);
    expect(await page.locator('[data-refused]').count()).toBe(0);
    // The official's rows only: every region code of the preview is Gansu's (62…).
    const codes = await page.locator('.preview table th').allTextContents();
    const column = codes.indexOf('region_code');
    const cells = await page.locator(`.preview tbody tr td:nth-child(${column + 1})`).allTextContents();
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((code) => code.startsWith('62'))).toBe(true);
    expect(enforced.problems).toEqual([]);
    await context.close();
  });
});
