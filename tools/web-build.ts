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

/** Builds the web app with Vite when web/dist is missing or older than its sources (so `npm start` serves it). */
export async function ensureWebBuild(say: (line: string) => void = () => {}): Promise<string> {
  const index = join(webDist, 'index.html');
  const sources = Math.max(newestSource(join(webRoot, 'src')), statSync(join(webRoot, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return webDist;
  say('building the web app (web/dist) …');
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
  return webDist;
}
