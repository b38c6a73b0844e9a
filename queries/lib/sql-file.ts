import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { QueryDefinition } from './define.js';

const texts = new Map<string, string>();

/** The SQL of a query: the .sql file beside its definition module, read once. */
export function sqlOf(definition: Pick<QueryDefinition, 'module'>): string {
  let text = texts.get(definition.module);
  if (text === undefined) {
    text = sqlFile(definition.module);
    texts.set(definition.module, text);
  }
  return text;
}

/**
 * The SQL beside a definition module: queries/<name>.ts → queries/<name>.sql. A line `-- @include <path>`
 * is replaced by that file (relative to the including one), so that two analytics can share CTEs.
 */
function sqlFile(moduleUrl: string): string {
  return readSql(new URL(moduleUrl.replace(/\.[cm]?[jt]s$/, '.sql')));
}

function readSql(url: URL, seen: readonly string[] = []): string {
  if (seen.includes(url.href)) throw new Error(`SQL include cycle: ${[...seen, url.href].join(' → ')}`);
  return readFileSync(fileURLToPath(url), 'utf8').replace(/^-- @include (\S+)\s*$/gm, (_line, path: string) =>
    readSql(new URL(path, url), [...seen, url.href]).trimEnd(),
  );
}
