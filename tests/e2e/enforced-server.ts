import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { addUser } from '../../core/accounts.js';
import { currentSnapshotId, snapshotPath } from '../../core/snapshot-layout.js';
import { startServer, type RunningServer } from '../helpers/http-server.js';
import { auditPage, type Violation } from './axe.js';
import { sharedBuild } from './shared-build.js';

export interface EnforcedServer {
  /** The server's own data directory: approval publishes new snapshots into it. */
  dataDir: string;
  server: RunningServer;
  /** Access tokens of a Gansu official (王芳, 620000) and a planner (李明). */
  tokens: { official: string; planner: string };
  /** Uncaught errors of the pages opened by signIn. */
  problems: string[];
  /** A new page of the context signed in with a token (see signedInPage). */
  signIn(context: BrowserContext, token: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real server with roles enforced (TALENT_AUTH=on) on a data directory of its own: a copy of the default
 * database's live snapshot and of the sample's training CSV (for working out expected figures), a Gansu official and
 * a planner. It looks for a new snapshot every 500 ms.
 */
export async function startEnforcedServer(prefix: string): Promise<EnforcedServer> {
  const shared = await sharedBuild();
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const live = (await currentSnapshotId(shared.dataDir))!;
  await mkdir(join(dataDir, 'snapshots'), { recursive: true });
  await mkdir(join(dataDir, 'sample'), { recursive: true });
  await copyFile(snapshotPath(shared.dataDir, live), snapshotPath(dataDir, live));
  await copyFile(join(shared.dataDir, 'current'), join(dataDir, 'current'));
  await copyFile(join(shared.dataDir, 'sample', 'training.csv'), join(dataDir, 'sample', 'training.csv'));
  const tokens = {
    official: (await addUser(dataDir, { name: '王芳', role: 'official', province: '620000' })).token,
    planner: (await addUser(dataDir, { name: '李明', role: 'planner' })).token,
  };
  const server = await startServer(dataDir, { TALENT_AUTH: 'on', SNAPSHOT_POLL_MS: 500 }, { webDir: shared.webDir });
  const problems: string[] = [];
  return {
    dataDir,
    server,
    tokens,
    problems,
    signIn: (context, token) => signedInPage(context, server.url, token, problems),
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in on the sign-in page with a token; officials and planners land on the submissions page. */
export async function signedInPage(context: BrowserContext, url: string, token: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(`${url}/signin`);
  await page.locator('#signin-token').fill(token);
  await page.locator('form.access-form button[type="submit"]').click();
  await page.waitForURL(/\/submissions(\?|$)/);
  return page;
}

/** axe-core's WCAG 2.1 A and AA violations (tests/e2e/axe.ts), one line each. */
export const violations = async (where: string, page: Page): Promise<string[]> =>
  (await auditPage(page)).map((v: Violation) => `${where}: ${v.rule} (${v.impact}) on ${v.nodes}: ${v.examples.join(' | ')}`);
