import { z } from 'zod';
import type { Bilingual } from '../../core/bilingual.js';
import type { ColumnKind, OutputColumn } from '../../core/wire.js';
import type { ParamSpec } from './params.js';

export type { ColumnKind, OutputColumn } from '../../core/wire.js';

export type ParamSpecs = Record<string, ParamSpec>;

export type ParamValues<P extends ParamSpecs> = { [K in keyof P]: P[K] extends ParamSpec<infer T> ? T : never };

export interface QueryDefinition<P extends ParamSpecs = ParamSpecs, C extends readonly OutputColumn[] = readonly OutputColumn[]> {
  name: string;
  title: Bilingual;
  description: Bilingual;
  /** The definition module's URL (import.meta.url): its SQL is the .sql file beside it, read by sqlOf. */
  module: string;
  params: P;
  columns: C;
  /** Checks that span several parameters (e.g. a month inside the chosen year); each problem names one. */
  check?(values: ParamValues<P>): { name: string; reason: string }[];
  /** The zod object built from the parameter specs: parses a query string into typed values. */
  schema: z.ZodType<ParamValues<P>>;
}

/**
 * Declares a query. The declaration holds no SQL and imports nothing of Node, so that the web app can take
 * each query's row type from it (a type-only import through queries/contract.ts).
 */
export function defineQuery<P extends ParamSpecs, const C extends readonly OutputColumn[]>(
  definition: Omit<QueryDefinition<P, C>, 'schema'>,
): QueryDefinition<P, C> {
  const shape = Object.fromEntries(Object.entries(definition.params).map(([key, spec]) => [key, spec.schema]));
  const schema = z.object(shape).strict() as unknown as z.ZodType<ParamValues<P>>;
  return { ...definition, schema };
}

/** Shorthand for output columns. */
export const col = <N extends string, K extends ColumnKind>(
  name: N,
  type: K,
  zh: string,
  en: string,
  unit?: Bilingual,
): OutputColumn<N, K> => ({
  name,
  type,
  label: { zh, en },
  ...(unit ? { unit } : {}),
});

export const units = {
  personTimes: { zh: '人次', en: 'person-times' },
  persons: { zh: '人', en: 'persons' },
  per10k: { zh: '每万名劳动年龄人口', en: 'per 10,000 working-age people' },
  share: { zh: '比例', en: 'share (0–1)' },
  ratio: { zh: '倍', en: 'ratio' },
  cny: { zh: '元', en: 'CNY' },
  medals: { zh: '枚', en: 'medals' },
} satisfies Record<string, Bilingual>;
