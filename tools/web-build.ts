import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, webDist } from '../core/repo-paths.js';

const webRoot = join(repoRoot, 'web');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether web/dist holds a build newer than the web app's sources. */
export function webBuildIsCurrent(): boolean {
  const index = join(webDist, 'index.html');
  const sources = Math.max(
    newestSource(join(webRoot, 'src')),
    statSync(join(webRoot, 'index.html')).mtimeMs,
    statSync(join(webRoot, 'vite.config.ts')).mtimeMs,
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/** Builds the web app with Vite (a dev dependency) into outDir (default web/dist, which the server serves). */
export async function buildWeb(outDir = webDist): Promise<string> {
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Builds the web app when web/dist is missing or older than its sources (a step of `npm start`, never of the server). */
export async function ensureWebBuild(say: (line: string) => void = () => {}): Promise<string> {
  if (webBuildIsCurrent()) return webDist;
  say('building the web app (web/dist) …');
  return buildWeb();
}
