import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
/** Debian's Chromium, as the browser tests use it (CHROMIUM_PATH overrides). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface WebVisit {
  /** ms from navigation start (performance.timeOrigin) to the first chart and to the last chart drawn. */
  firstChartMs: number;
  allChartsMs: number;
  charts: number;
  /** Requests to /api/ from navigation until the page settled (the app's own and the page's). */
  apiRequests: number;
  /** Marks the app set with performance.mark(), if any (name → ms). */
  marks: Record<string, number>;
}

/** Percentiles of one series of filter changes (ms from the change to every card on the page drawn again). */
interface RedrawPass {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Requests to /api/ per change, on average. */
  apiRequestsPerChange: number;
}

/**
 * Filter changes on the overview (year, programme, province in turn): first on a server that has not answered them
 * yet, then the same changes in a new browser context (nothing from the browser's cache) on the now warm server.
 */
export interface RedrawFigures {
  page: string;
  changes: number;
  firstPass: RedrawPass;
  warm: RedrawPass;
}

export type WebFigures =
  | { skipped: string }
  | {
      url: string;
      cold: WebVisit;
      warm: WebVisit;
      slowLink: WebVisit & { link: SlowLink };
      redraw: RedrawFigures;
      consoleErrors: string[];
    };

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
    let apiRequests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests++;
    });
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
      apiRequests,
      marks,
    };
  } finally {
    await context.close();
  }
}

/** The filters a user changes on the overview, in turn: the selects' data-param names. */
const redrawFilters = ['year', 'province', 'program'] as const;

/**
 * Runs in the page (a string, as observerScript): sets a filter and resolves with the ms from the change to the
 * animation frame in which every card of the page has left its loading state (none loading, none dimmed as stale)
 * after having changed.
 */
const changeAndWait = `([param, value, timeoutMs]) => new Promise((resolve, reject) => {
  const select = document.querySelector('select[data-param="' + param + '"]');
  const main = document.querySelector('main');
  if (!select || !main) return reject(new Error('no select[data-param="' + param + '"] on the page'));
  const settled = () => [...main.querySelectorAll('.card-body')].every(
    (b) => b.dataset.state !== undefined && b.dataset.state !== 'loading' && !b.classList.contains('is-stale'));
  let touched = false;
  let done = false;
  let started = 0;
  const observer = new MutationObserver(() => {
    touched = true;
    if (done || !settled()) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - started));
  });
  observer.observe(main, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state', 'class'] });
  setTimeout(() => {
    if (done) return;
    observer.disconnect();
    reject(new Error('the page did not settle within ' + timeoutMs + ' ms after ' + param + '=' + value + (touched ? '' : ' (nothing changed)')));
  }, timeoutMs);
  started = performance.now();
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
})`;

/** Runs in the page: every card has left its loading state (and there are cards). */
function allCardsSettled(): boolean {
  type Body = { dataset: { state?: string }; classList: { contains(name: string): boolean } };
  const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<Body> } }).document;
  const bodies = [...doc.querySelectorAll('main .card-body')];
  return (
    bodies.length > 0 &&
    bodies.every((b) => b.dataset.state !== undefined && b.dataset.state !== 'loading' && !b.classList.contains('is-stale'))
  );
}

/** Runs in the page: each filter's options in order, and its current value. */
const filterState = `(filters) => Object.fromEntries(filters.map((name) => {
  const select = document.querySelector('select[data-param="' + name + '"]');
  return [name, { options: select ? [...select.options].map((o) => o.value) : [], value: select ? select.value : '' }];
}))`;

const inPage = <T>(page: Page, fn: string, arg: unknown): Promise<T> => page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>;

/** `count` changes cycling through the filters, each to the next option of its select (never the current value). */
function changeList(filters: Record<string, { options: string[]; value: string }>, count: number): [string, string][] {
  for (const f of redrawFilters) if (!filters[f]?.options.length) throw new Error(`the overview has no ${f} select with options`);
  const options = Object.fromEntries(redrawFilters.map((f) => [f, filters[f]!.options]));
  const position = Object.fromEntries(redrawFilters.map((f) => [f, Math.max(0, options[f]!.indexOf(filters[f]!.value))]));
  const list: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const filter = redrawFilters[i % redrawFilters.length]!;
    const values = options[filter]!;
    // A step that skips the first options now and then, so that the years and provinces changed to vary.
    position[filter] = (position[filter]! + 1 + (Math.floor(i / redrawFilters.length) % 2)) % values.length;
    list.push([filter, values[position[filter]!]!]);
  }
  return list;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function redrawPass(browser: Browser, url: string, errors: string[], plan: [string, string][] | null, count: number) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    let apiRequests = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests++;
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    // A function, not a string: the app's Content-Security-Policy forbids the page to evaluate strings.
    await page.waitForFunction(allCardsSettled, null, { timeout: 120_000 });
    const changes = plan ?? changeList(await inPage(page, filterState, redrawFilters), count);
    const before = apiRequests;
    const times: number[] = [];
    for (const [param, value] of changes) times.push(await inPage<number>(page, changeAndWait, [param, value, 60_000]));
    const sorted = [...times].sort((a, b) => a - b);
    const pass: RedrawPass = {
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      maxMs: sorted[sorted.length - 1]!,
      apiRequestsPerChange: (apiRequests - before) / changes.length,
    };
    return { changes, pass };
  } finally {
    await context.close();
  }
}

/**
 * A filter change redrawing the overview: `count` changes (year, province, programme in turn), timed from the change
 * to the frame in which every card has been drawn again. First on a server meeting each request for the first time,
 * then the same changes in a new browser context on the warm server (its result cache holds them; the browser's
 * own cache is empty).
 */
export async function measureRedraw(browser: Browser, url: string, errors: string[], count = 21): Promise<RedrawFigures> {
  const first = await redrawPass(browser, url, errors, null, count);
  const warm = await redrawPass(browser, url, errors, first.changes, count);
  return { page: new URL(url).pathname, changes: first.changes.length, firstPass: first.pass, warm: warm.pass };
}

/**
 * The web app in headless Chromium: time from navigation to the first chart drawn and to all charts, on a
 * server whose result cache is cold (first visit after start) and then warm (a new browser context, so
 * nothing comes from the browser's cache), then over a slow link (1.6 Mbit/s down, 150 ms round trip) with an
 * empty browser cache; then filter changes redrawing the overview (measureRedraw). Each visit counts its requests
 * to /api/. Skipped, with the reason, when web/dist or Chromium is missing.
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
    const redraw = await measureRedraw(browser, url, consoleErrors);
    return { url, cold, warm, slowLink: { ...slow, link: slowLink }, redraw, consoleErrors: consoleErrors.slice(0, 20) };
  } catch (error) {
    return { skipped: `the web app did not draw a chart: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await browser.close();
  }
}
