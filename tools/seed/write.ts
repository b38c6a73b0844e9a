import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec } from '../../core/datasets/index.js';
import type { SeedFormat } from './options.js';
import { setVariable } from './variables.js';

export interface WrittenFile {
  dataset: string;
  path: string;
  rows: number;
}

const copyOptions = (format: SeedFormat, header: boolean): string =>
  format === 'csv' ? `FORMAT csv, HEADER ${header}, DELIMITER ','` : 'FORMAT parquet, COMPRESSION zstd';

async function checkColumns(connection: DuckDBConnection, spec: DatasetSpec, select: string): Promise<void> {
  const actual = (await connection.runAndReadAll(`SELECT * FROM (${select}) LIMIT 0`)).columnNames();
  const expected = spec.columns.map((c) => c.name);
  if (actual.join(',') !== expected.join(',')) {
    throw new Error(`${spec.name}: generated columns [${actual.join(', ')}] differ from the declared [${expected.join(', ')}]`);
  }
}

/** Joins part files in order: CSV parts byte by byte (only the first has a header), Parquet parts through DuckDB. */
async function combine(connection: DuckDBConnection, parts: readonly string[], path: string, format: SeedFormat): Promise<void> {
  if (format === 'parquet') {
    await connection.run(
      `COPY (SELECT * FROM read_parquet($1)) TO $2 (${copyOptions(format, true)})`,
      [listValue([...parts]), path],
      [LIST(VARCHAR), VARCHAR],
    );
    return;
  }
  for (const [i, part] of parts.entries()) {
    await pipeline(createReadStream(part), createWriteStream(path, { flags: i === 0 ? 'w' : 'a' }));
  }
}

/**
 * Writes one fact file from a SELECT whose columns must be exactly the dataset's declared columns, in
 * order (checked first, so a drifting declaration fails loudly instead of writing an unloadable file).
 * With `years`, the SELECT is run once per year (DuckDB variable chunk_year) and the parts joined in
 * order: a year sorts in memory where a hundred million rows at once would not.
 */
export async function writeFact(
  connection: DuckDBConnection,
  spec: DatasetSpec,
  selectSql: string,
  outDir: string,
  format: SeedFormat,
  years?: readonly number[],
): Promise<WrittenFile> {
  const select = selectSql.trim().replace(/;$/, '');
  await setVariable(connection, 'chunk_year', null, 'BIGINT');
  await checkColumns(connection, spec, select);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, `${spec.name}.${format}`);
  if (!years) {
    const result = await connection.run(`COPY (${select}) TO $1 (${copyOptions(format, true)})`, [path]);
    return { dataset: spec.name, path, rows: result.rowsChanged };
  }
  const partDir = await mkdtemp(join(tmpdir(), `talent-seed-${spec.name}-`));
  try {
    let rows = 0;
    const parts: string[] = [];
    for (const [i, year] of years.entries()) {
      const part = join(partDir, `${String(i).padStart(4, '0')}.${format}`);
      await setVariable(connection, 'chunk_year', year, 'BIGINT');
      rows += (await connection.run(`COPY (${select}) TO $1 (${copyOptions(format, i === 0)})`, [part])).rowsChanged;
      parts.push(part);
    }
    await combine(connection, parts, path, format);
    return { dataset: spec.name, path, rows };
  } finally {
    await setVariable(connection, 'chunk_year', null, 'BIGINT');
    await rm(partDir, { recursive: true, force: true });
  }
}
