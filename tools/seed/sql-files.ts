import { readFileSync } from 'node:fs';

/** Text of `tools/seed/sql/<name>.sql`. The files hold no values: those are set as DuckDB variables first. */
export const seedSql = (name: string): string => readFileSync(new URL(`./sql/${name}.sql`, import.meta.url), 'utf8');
