import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * How to start one of the ingest's programs in a child process with this Node: the compiled .js beside the
 * compiled server (build/, production and `npm start`), else the TypeScript source through tsx (development and
 * tests, where tsx is installed as a dev dependency).
 */
export function childScript(name: string): string[] {
  const compiled = fileURLToPath(new URL(`../../ingest/${name}.js`, import.meta.url));
  if (existsSync(compiled)) return [compiled];
  return ['--import', 'tsx', fileURLToPath(new URL(`../../ingest/${name}.ts`, import.meta.url))];
}
