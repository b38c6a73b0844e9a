import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { sharedBuild } from './shared-build.js';
import { chromiumPath, launchChromium } from './browser.js';
import { startWebServer, type WebServer } from './web-server.js';

export const screenshotsDir = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const hasChromium = existsSync(chromiumPath);

/** Under CI (.ci/run exports CI=1) a browser test that cannot run is a failure, never a skip. */
export const underCi = Boolean(process.env.CI) && !/^(0|false)$/i.test(process.env.CI ?? '');

/** Why the browser tests cannot run on this machine, or null when they can. */
export const chromiumMissing: string | null = hasChromium
  ? null
  : `Chromium not found at ${chromiumPath} (install Debian's: apt-get install -y chromium; or set CHROMIUM_PATH)`;

export interface Dashboard {
  server: WebServer;
  browser: Browser;
  /** The data directory the server reads; the generated sample files are in its sample/ folder. */
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The whole stack as a user meets it: the web app built by Vite and the default database (the synthetic sample
 * through the normal ingest), both built once per test run and shared by the browser test files
 * (tests/e2e/shared-build.ts), the real server and Debian's Chromium.
 */
export async function startDashboard(): Promise<Dashboard> {
  if (chromiumMissing) throw new Error(`the browser tests cannot run: ${chromiumMissing}`);
  const { webDir, dataDir } = await sharedBuild();
  const server = await startWebServer(dataDir, webDir);
  const browser = await launchChromium();
  return {
    server,
    browser,
    dataDir,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
