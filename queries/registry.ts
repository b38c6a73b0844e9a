import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analytics, datasetExports } from './contract.js';
import type { QueryDefinition } from './lib/define.js';

export type Registry = ReadonlyMap<string, QueryDefinition>;

/** A registry from a contract map, checked: each entry's declared name is its key and its .sql file exists. */
function registryOf(entries: Record<string, QueryDefinition>): Registry {
  const registry = new Map<string, QueryDefinition>();
  for (const name of Object.keys(entries).sort()) {
    const definition = entries[name]!;
    if (definition.name !== name) throw new Error(`the query listed as '${name}' declares name '${definition.name}'`);
    const sql = fileURLToPath(definition.module.replace(/\.[cm]?[jt]s$/, '.sql'));
    if (!existsSync(sql)) throw new Error(`query '${name}' has no SQL file: ${sql}`);
    registry.set(name, definition);
  }
  return registry;
}

/** The analytics catalog: queries/*.ts with their .sql, as listed in queries/contract.ts. */
export const loadRegistry = async (): Promise<Registry> => registryOf(analytics);

/** The dataset exports: queries/exports/*.ts with their .sql, one per table. */
export const loadExports = async (): Promise<Registry> => registryOf(datasetExports);
