import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { QueryDefinition } from './lib/define.js';

export type Registry = ReadonlyMap<string, QueryDefinition>;

/** Every definition in a folder: a <name>.sql beside a <name>.ts whose default export declares it. */
async function loadFolder(folder: URL): Promise<Registry> {
  const dir = fileURLToPath(folder);
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
  const registry = new Map<string, QueryDefinition>();
  for (const name of names) {
    const module = (await import(pathToFileURL(join(dir, `${name}.ts`)).href)) as { default: QueryDefinition };
    if (module.default.name !== name) throw new Error(`${join(dir, name)}.ts declares name '${module.default.name}'; it must match its file name`);
    registry.set(name, module.default);
  }
  return registry;
}

/** The analytics catalog: queries/*.sql. */
export const loadRegistry = (): Promise<Registry> => loadFolder(new URL('.', import.meta.url));

/** The dataset exports: queries/exports/*.sql, one per fact table. */
export const loadExports = (): Promise<Registry> => loadFolder(new URL('./exports/', import.meta.url));
