import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { QueryDefinition } from './lib/define.js';

export type Registry = ReadonlyMap<string, QueryDefinition>;

const queriesDir = fileURLToPath(new URL('.', import.meta.url));

/** Every analytic in queries/: a <name>.sql beside a <name>.ts whose default export is its definition. */
export async function loadRegistry(): Promise<Registry> {
  const names = readdirSync(queriesDir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
  const registry = new Map<string, QueryDefinition>();
  for (const name of names) {
    const module = (await import(pathToFileURL(join(queriesDir, `${name}.ts`)).href)) as { default: QueryDefinition };
    if (module.default.name !== name) throw new Error(`queries/${name}.ts declares name '${module.default.name}'; it must match its file name`);
    registry.set(name, module.default);
  }
  return registry;
}
