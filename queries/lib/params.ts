import { z } from 'zod';
import type { Bilingual } from '../../core/bilingual.js';

/** DuckDB type a parameter is bound as. */
export type ParamSqlType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'VARCHAR[]';

/** Values a parameter may take that live in the reference tables of the current snapshot. */
export interface AllowedFrom {
  table: 'region' | 'program' | 'field' | 'occupation' | 'zone' | 'competition_event' | 'action';
  column: string;
  /** Fixed SQL condition on the reference table (no user input). */
  where?: string;
  /** Codes accepted besides those in the table (e.g. '000000' for national). */
  alsoAllowed?: readonly string[];
}

/** One declared parameter: its zod schema (runtime check and TS type), how it is bound and how it is documented. */
export interface ParamSpec<T = unknown> {
  schema: z.ZodType<T>;
  sqlType: ParamSqlType;
  label: Bilingual;
  description?: string;
  /** Shown in the catalog; null means "none" or a data-dependent default the SQL resolves (e.g. latest year). */
  default: T | null;
  defaultNote?: string;
  allowed?: readonly string[];
  allowedFrom?: AllowedFrom;
  min?: number;
  max?: number;
  list?: boolean;
  /** A value for examples and EXPLAIN checks. */
  example: string;
}

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** Comma-separated or repeated query-string values → string[]. */
const listInput = (v: unknown) => {
  if (v === undefined || v === null || v === '') return undefined;
  const items = (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
};

const codePattern = /^[A-Za-z0-9_-]{1,40}$/;

export const param = {
  year(label: Bilingual, opts: { defaultNote?: string } = {}): ParamSpec<number | null> {
    const schema = z.preprocess(emptyToUndefined, z.coerce.number().int().min(2000).max(2100).nullable().default(null));
    return {
      schema,
      sqlType: 'INTEGER',
      label,
      default: null,
      defaultNote: opts.defaultNote ?? 'latest year in the data',
      min: 2000,
      max: 2100,
      example: '2024',
    };
  },
  integer(label: Bilingual, min: number, max: number, fallback: number): ParamSpec<number> {
    const schema = z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
    return { schema, sqlType: 'INTEGER', label, default: fallback, min, max, example: String(fallback) };
  },
  /** An optional whole number: absent means none (e.g. no row limit). */
  optionalInteger(label: Bilingual, min: number, max: number, example: string): ParamSpec<number | null> {
    const schema = z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).nullable().default(null));
    return { schema, sqlType: 'INTEGER', label, default: null, min, max, example };
  },
  number(label: Bilingual, min: number, max: number, fallback: number): ParamSpec<number> {
    const schema = z.preprocess(emptyToUndefined, z.coerce.number().min(min).max(max).default(fallback));
    return { schema, sqlType: 'DOUBLE', label, default: fallback, min, max, example: String(fallback) };
  },
  /** A month as 'YYYY-MM'; null means the latest month in the data. */
  month(label: Bilingual): ParamSpec<string | null> {
    const schema = z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM of the years 2000–2100')
        .nullable()
        .default(null),
    );
    return { schema, sqlType: 'VARCHAR', label, default: null, defaultNote: 'latest month in the data', example: '2024-06' };
  },
  /** A quarter as 'YYYYQn'; null means the latest quarter in the data. */
  quarter(label: Bilingual): ParamSpec<string | null> {
    const schema = z.preprocess(
      (v) => (typeof v === 'string' ? v.toUpperCase() : emptyToUndefined(v)),
      z
        .string()
        .regex(/^\d{4}Q[1-4]$/, 'expected a quarter as YYYYQn, e.g. 2024Q2')
        .nullable()
        .default(null),
    );
    return { schema, sqlType: 'VARCHAR', label, default: null, defaultNote: 'latest quarter in the data', example: '2024Q2' };
  },
  choice<const T extends readonly [string, ...string[]]>(label: Bilingual, allowed: T, fallback: T[number]): ParamSpec<T[number]> {
    const schema = z.preprocess(emptyToUndefined, z.enum(allowed).default(fallback as never)) as unknown as z.ZodType<T[number]>;
    return { schema, sqlType: 'VARCHAR', label, default: fallback, allowed, example: fallback };
  },
  /** Several of a fixed set of values; absent means all. */
  choiceList<const T extends readonly [string, ...string[]]>(label: Bilingual, allowed: T): ParamSpec<T[number][] | null> {
    const schema = z.preprocess(listInput, z.array(z.enum(allowed)).nullable().default(null)) as unknown as z.ZodType<T[number][] | null>;
    return { schema, sqlType: 'VARCHAR[]', label, default: null, allowed, list: true, example: allowed[0] };
  },
  /** One code from a reference table; `fallback` null makes it an optional filter. */
  code(label: Bilingual, allowedFrom: AllowedFrom, fallback: string | null, example: string): ParamSpec<string | null> {
    const schema = z.preprocess(
      emptyToUndefined,
      z.string().regex(codePattern, 'expected a code (letters, digits, - and _)').nullable().default(fallback),
    );
    return { schema, sqlType: 'VARCHAR', label, default: fallback, allowedFrom, example };
  },
  /** Several codes (comma-separated or repeated); absent means all. */
  codes(label: Bilingual, allowedFrom: AllowedFrom, example: string): ParamSpec<string[] | null> {
    const schema = z.preprocess(
      listInput,
      z.array(z.string().regex(codePattern, 'expected codes (letters, digits, - and _)')).max(500).nullable().default(null),
    );
    return { schema, sqlType: 'VARCHAR[]', label, default: null, allowedFrom, list: true, example };
  },
};
