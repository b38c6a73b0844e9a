import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'vite';
import { ensureDefaultData } from '../../tools/default-data.js';
import { sharedRoot } from './shared-root.js';

/**
 * The web app built by Vite and the default database (the synthetic sample through the normal ingest), built once
 * per test run by whichever browser test file gets there first (an atomic mkdir decides) and read by all of them.
 * The tests only read both; each file starts its own server and browser on them.
 */
export async function sharedBuild(): Promise<{ webDir: string; dataDir: string }> {
  const root = sharedRoot();
  const webDir = join(root, 'web');
  const dataDir = join(root, 'data');
  const ready = join(root, 'ready');
  const failed = join(root, 'failed');
  let builder = false;
  try {
    await mkdir(root);
    builder = true;
  } catch {
    // Another test file is building, or has built.
  }
  if (builder) {
    try {
      await build({
        configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
        logLevel: 'warn',
        build: { outDir: webDir, emptyOutDir: true },
      });
      await ensureDefaultData(dataDir);
      await writeFile(ready, '');
    } catch (error) {
      await writeFile(failed, String(error instanceof Error ? error.stack : error));
      throw error;
    }
  }
  for (const started = Date.now(); Date.now() - started < 300_000; await sleep(250)) {
    if (existsSync(ready)) return { webDir, dataDir };
    if (existsSync(failed)) throw new Error(`the shared web build or default data failed: ${await readFile(failed, 'utf8')}`);
  }
  throw new Error(`the shared web build and default data were not ready in ${root} after 5 minutes`);
}
