import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
/** Debian's Chromium, as the browser tests use it (CHROMIUM_PATH overrides). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface WebVisit {
  /** ms from navigation start (performance.timeOrigin) to the first chart and to the last chart drawn. */
  firstChartMs: number;
  allChartsMs: number;
  charts: number;
  /** Marks the app set with performance.mark(), if any (name → ms). */
  marks: Record<string, number>;
}

export type WebFigures =
  { skipped: string } | { url: string; cold: WebVisit; warm: WebVisit; slowLink: WebVisit & { link: SlowLink }; consoleErrors: string[] };

/** A provincial office's link, as Chromium's network emulation applies it (throughput in bytes a second). */
export interface SlowLink {
  downloadMbps: number;
  uploadMbps: number;
  roundTripMs: number;
}
export const slowLink: SlowLink = { downloadMbps: 1.6, uploadMbps: 0.75, roundTripMs: 150 };

/**
 * Runs in the page before its own scripts: records when chart-sized <svg> elements appear inside <main>.
 * Icons (small SVGs) are not charts. Written as a string so that it runs as-is in the browser.
 */
const observerScript = `(() => {
  const timing = { first: null, last: null, charts: 0 };
  window.__benchCharts = timing;
  const isChart = (svg) => {
    const width = Number(svg.getAttribute('width')) || (svg.viewBox && svg.viewBox.baseVal ? svg.viewBox.baseVal.width : 0) || svg.getBoundingClientRect().width;
    return width >= 100 && svg.closest('main') !== null;
  };
  const seen = new WeakSet();
  new MutationObserver((mutations) => {
    const now = performance.now();
    for (const m of mutations) for (const node of m.addedNodes) {
      if (!(node instanceof Element)) continue;
      const svgs = node.matches('svg') ? [node] : [...node.querySelectorAll('svg')];
      for (const svg of svgs) {
        if (seen.has(svg) || !isChart(svg)) continue;
        seen.add(svg);
        timing.charts++;
        if (timing.first === null) timing.first = now;
        timing.last = now;
      }
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

interface ChartTiming {
  first: number | null;
  last: number | null;
  charts: number;
}

async function visit(browser: Browser, url: string, errors: string[], quietMs: number, link?: SlowLink): Promise<WebVisit> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    if (link) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: link.roundTripMs,
        downloadThroughput: (link.downloadMbps * 1_000_000) / 8,
        uploadThroughput: (link.uploadMbps * 1_000_000) / 8,
      });
    }
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript({ content: observerScript });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('main svg', { timeout: 120_000 });
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    // Settled: no new chart for quietMs.
    const read = () => page.evaluate(() => (globalThis as unknown as { __benchCharts: ChartTiming }).__benchCharts);
    let before = await read();
    for (;;) {
      await page.waitForTimeout(quietMs);
      const now = await read();
      if (now.charts === before.charts) break;
      before = now;
    }
    const timing = await read();
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
    if (timing.first === null || timing.last === null) throw new Error('no chart-sized svg appeared inside <main>');
    const mark = (pattern: RegExp) => Object.entries(marks).find(([name]) => pattern.test(name))?.[1];
    return {
      firstChartMs: mark(/first.?chart/i) ?? timing.first,
      allChartsMs: mark(/all.?charts/i) ?? timing.last,
      charts: timing.charts,
      marks,
    };
  } finally {
    await context.close();
  }
}

/**
 * The web app in headless Chromium: time from navigation to the first chart drawn and to all charts, on a
 * server whose result cache is cold (first visit after start) and then warm (a new browser context, so
 * nothing comes from the browser's cache), then over a slow link (1.6 Mbit/s down, 150 ms round trip) with an
 * empty browser cache. Skipped, with the reason, when web/dist or Chromium is missing.
 */
export async function measureWeb(url: string, options: { quietMs?: number } = {}): Promise<WebFigures> {
  if (!existsSync(`${webDist}/index.html`)) return { skipped: 'web/dist/index.html not found (the web app is not built: npm run build)' };
  if (!existsSync(chromiumPath)) return { skipped: `${chromiumPath} not found` };
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  const consoleErrors: string[] = [];
  try {
    const cold = await visit(browser, url, consoleErrors, options.quietMs ?? 1000);
    const warm = await visit(browser, url, consoleErrors, options.quietMs ?? 1000);
    const slow = await visit(browser, url, consoleErrors, options.quietMs ?? 1000, slowLink);
    return { url, cold, warm, slowLink: { ...slow, link: slowLink }, consoleErrors: consoleErrors.slice(0, 20) };
  } catch (error) {
    return { skipped: `the web app did not draw a chart: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await browser.close();
  }
}
