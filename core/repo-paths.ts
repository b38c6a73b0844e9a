import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above this module holding package.json. Found by walking up, so the
 * same answer comes from the TypeScript sources and from their compiled copies under build/.
 */
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** The shipped reference CSVs. */
export const referenceDir = join(repoRoot, 'data', 'reference');

/** The built web app that the server serves. */
export const webDist = join(repoRoot, 'web', 'dist');

export const docsDir = join(repoRoot, 'docs');
