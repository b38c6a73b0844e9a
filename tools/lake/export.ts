import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent, quoteLiteral } from '../../core/sql-text.js';
import { currentSnapshotId } from '../../core/snapshot-layout.js';
import { openSnapshot, relationNames, snapshotInfo } from '../../core/snapshot-open.js';
import { lakeTables, type LakeTable } from './layout.js';
import { describeFiles, manifestPath, type LakeManifest, type ManifestTable } from './manifest.js';
import { stageOut } from './out-dir.js';
import { LakeRefusal } from './refusal.js';
import { rowSourceQuery, tableSources } from './sources.js';

export interface LakeOptions {
  dataDir: string;
  outDir: string;
  /** Replace a non-empty outDir (refused otherwise). */
  overwrite?: boolean;
  /** Called as each table is written. */
  onTable?: (table: ManifestTable) => void;
}

/**
 * Writes every fact and reference table of the live snapshot as Parquet (facts Hive-partitioned, see layout.ts)
 * with manifest.json, read through a read-only connection. The lake is written beside outDir and renamed into
 * place when complete: a failed export leaves outDir as it was.
 */
export async function exportLake(options: LakeOptions): Promise<LakeManifest> {
  const snapshotId = await currentSnapshotId(options.dataDir);
  if (!snapshotId) {
    throw new LakeRefusal(
      `no snapshot in ${options.dataDir}: build one first (npm start builds the default, npm run ingest loads your files), or name another data directory with --data`,
    );
  }
  const staged = await stageOut(options.outDir, options.dataDir, options.overwrite ?? false);
  const spill = `${staged.dir}.spill`;
  try {
    const manifest = await writeLake(options.dataDir, snapshotId, staged.dir, spill, options.onTable);
    await writeFile(manifestPath(staged.dir), `${JSON.stringify(manifest, null, 2)}\n`);
    await staged.publish();
    return manifest;
  } catch (error) {
    await staged.discard();
    throw error;
  } finally {
    await rm(spill, { recursive: true, force: true });
  }
}

async function writeLake(
  dataDir: string,
  snapshotId: string,
  root: string,
  spill: string,
  onTable: LakeOptions['onTable'],
): Promise<LakeManifest> {
  // Insertion order means nothing in a lake; not keeping it lets DuckDB write partitions with less memory.
  const instance = await openSnapshot(dataDir, snapshotId, {
    temp_directory: spill,
    preserve_insertion_order: 'false',
  });
  const connection = await instance.connect();
  try {
    // A layered snapshot's fact tables and rollups are views of its base.
    const present = await relationNames(connection);
    const tables: ManifestTable[] = [];
    for (const table of lakeTables(present)) {
      const written = await writeTable(connection, table, root);
      onTable?.(written);
      tables.push(written);
    }
    return {
      format: 'talent-dashboard-lake',
      format_version: 1,
      data_version: snapshotId,
      schema_version: Number((await snapshotInfo(connection)).get('schema_version')) || null,
      generated_at: new Date().toISOString(),
      tables,
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function writeTable(connection: DuckDBConnection, table: LakeTable, root: string): Promise<ManifestTable> {
  const folder = join(root, table.name);
  const partitioned = table.partitions.length > 0;
  const options = ['FORMAT parquet', 'COMPRESSION zstd', 'RETURN_FILES true'];
  if (partitioned)
    options.push(`PARTITION_BY (${table.partitions.map((p) => quoteIdent(p.name)).join(', ')})`, "FILENAME_PATTERN 'part-{i}'");
  else await mkdir(folder);
  const target = partitioned ? folder : join(folder, 'part-0.parquet');
  const copied = await connection.runAndReadAll(`COPY (${table.select}) TO ${quoteLiteral(target)} (${options.join(', ')})`);
  const [count, files] = copied.getRowsJson()[0] as [string, string[]];
  await mkdir(folder, { recursive: true }); // an empty partitioned table still gets its folder

  const rowCount = await scalar(connection, `SELECT count(*) FROM ${quoteIdent(table.name)}`);
  if (Number(count) !== rowCount) throw new Error(`${table.name}: wrote ${count} rows of ${rowCount}`);
  const rowsByFile = new Map<string, number>();
  if (files.length) {
    const footers = await rowsOf<{ file_name: string; num_rows: string }>(
      connection,
      `SELECT file_name, num_rows FROM parquet_file_metadata([${files.map(quoteLiteral).join(', ')}])`,
    );
    for (const footer of footers) rowsByFile.set(footer.file_name, Number(footer.num_rows));
  }

  const described = await rowsOf<{ column_name: string; column_type: string }>(connection, `DESCRIBE ${table.select}`);
  const columns = described.map((c) => ({ name: c.column_name, type: c.column_type }));
  const partitionNames = new Set(table.partitions.map((p) => p.name));
  const sourceQuery = rowSourceQuery(
    table.name,
    columns.map((c) => c.name),
  );
  const rowSources = sourceQuery
    ? (await rowsOf<{ title: string; path: string | null; rows: string }>(connection, sourceQuery)).map((r) => ({
        ...r,
        rows: Number(r.rows),
      }))
    : null;
  return {
    name: table.name,
    kind: table.kind,
    row_count: rowCount,
    columns: columns.filter((c) => !partitionNames.has(c.name)),
    partition_columns: table.partitions.map((p) => ({ name: p.name, type: p.type })),
    files: await describeFiles(root, rowsByFile),
    sources: tableSources(table.name, rowSources),
  };
}

async function rowsOf<T>(connection: DuckDBConnection, sql: string): Promise<T[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<number> {
  return Number((await connection.runAndReadAll(sql)).getRowsJson()[0][0]);
}
