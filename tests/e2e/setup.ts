import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { ensureDefaultData } from '../../tools/default-data.js';
import { chromiumPath, launchChromium } from './browser.js';
import { startWebServer, type WebServer } from './web-server.js';

export const screenshotsDir = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const hasChromium = existsSync(chromiumPath);

export interface Dashboard {
  server: WebServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The whole stack as a user meets it: the web app built by Vite (into a temporary folder), the default
 * database (the synthetic sample through the normal ingest), the real server, and Debian's Chromium.
 */
export async function startDashboard(): Promise<Dashboard> {
  const root = await mkdtemp(join(tmpdir(), 'talent-e2e-'));
  const webDir = join(root, 'web');
  const dataDir = join(root, 'data');
  await build({
    configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: webDir, emptyOutDir: true },
  });
  await ensureDefaultData(dataDir);
  const server = await startWebServer(dataDir, webDir);
  const browser = await launchChromium();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
