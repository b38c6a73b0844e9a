import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Bilingual } from '../../ingest/datasets/index.js';
import type { ParamSpec } from './params.js';

export type ColumnKind = 'string' | 'integer' | 'number' | 'date' | 'boolean';

/** One output column: its type, unit and labels. */
export interface OutputColumn {
  name: string;
  type: ColumnKind;
  label: Bilingual;
  unit?: Bilingual;
}

export type ParamSpecs = Record<string, ParamSpec>;

export type ParamValues<P extends ParamSpecs> = { [K in keyof P]: P[K] extends ParamSpec<infer T> ? T : never };

export interface QueryDefinition<P extends ParamSpecs = ParamSpecs> {
  name: string;
  title: Bilingual;
  description: Bilingual;
  sql: string;
  params: P;
  columns: readonly OutputColumn[];
  /** Checks that span several parameters (e.g. a month inside the chosen year); each problem names one. */
  check?(values: ParamValues<P>): { name: string; reason: string }[];
  /** The zod object built from the parameter specs: parses a query string into typed values. */
  schema: z.ZodType<ParamValues<P>>;
}

export function defineQuery<P extends ParamSpecs>(definition: Omit<QueryDefinition<P>, 'schema'>): QueryDefinition<P> {
  const shape = Object.fromEntries(Object.entries(definition.params).map(([key, spec]) => [key, spec.schema]));
  const schema = z.object(shape).strict() as unknown as z.ZodType<ParamValues<P>>;
  return { ...definition, schema };
}

/**
 * The SQL beside a definition module: queries/<name>.ts → queries/<name>.sql. A line `-- @include <path>`
 * is replaced by that file (relative to the including one), so that two analytics can share CTEs.
 */
export function sqlFile(moduleUrl: string): string {
  return readSql(new URL(moduleUrl.replace(/\.[cm]?[jt]s$/, '.sql')));
}

function readSql(url: URL, seen: readonly string[] = []): string {
  if (seen.includes(url.href)) throw new Error(`SQL include cycle: ${[...seen, url.href].join(' → ')}`);
  return readFileSync(fileURLToPath(url), 'utf8').replace(/^-- @include (\S+)\s*$/gm, (_line, path: string) => readSql(new URL(path, url), [...seen, url.href]).trimEnd());
}

/** Shorthand for output columns. */
export const col = (name: string, type: ColumnKind, zh: string, en: string, unit?: Bilingual): OutputColumn => ({ name, type, label: { zh, en }, ...(unit ? { unit } : {}) });

export const units = {
  personTimes: { zh: '人次', en: 'person-times' },
  persons: { zh: '人', en: 'persons' },
  per10k: { zh: '每万名劳动年龄人口', en: 'per 10,000 working-age people' },
  share: { zh: '比例', en: 'share (0–1)' },
  ratio: { zh: '倍', en: 'ratio' },
  cny: { zh: '元', en: 'CNY' },
  medals: { zh: '枚', en: 'medals' },
} satisfies Record<string, Bilingual>;
