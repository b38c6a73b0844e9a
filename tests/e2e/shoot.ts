import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.js';

/**
 * Manual check: full-page screenshots of some dashboard URLs against a running server.
 * [WIDTH=390] [CLIP=0,1200] npx tsx tests/e2e/shoot.ts http://127.0.0.1:8080 /regions?lang=en /gaps …  (writes tests/artifacts/screenshots/manual-*.png)
 */
const out = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const [origin = 'http://127.0.0.1:8080', ...paths] = process.argv.slice(2);
const width = Number(process.env.WIDTH ?? 1366);
await mkdir(out, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width, height: 900 } });
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning' ? console.log(`[${m.type()}] ${m.text()}`) : undefined));
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
for (const path of paths.length ? paths : ['/']) {
  await page.goto(origin + path);
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"], .boot'), null, { timeout: 30_000 })
    .catch(() => console.log('still loading'));
  await page.waitForTimeout(300);
  const file = `${out}manual-${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}-${width}.png`;
  // CLIP=y0,height: a slice of the page (narrow screens make very tall pictures).
  const clip = process.env.CLIP?.split(',').map(Number);
  await page.screenshot({ path: file, fullPage: true, ...(clip ? { clip: { x: 0, y: clip[0], width, height: clip[1] } } : {}) });
  console.log(file, await page.evaluate(() => (window as unknown as { firstChartMs?: number }).firstChartMs));
}
await browser.close();
