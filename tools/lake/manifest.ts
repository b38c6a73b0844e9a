import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sha256File } from '../../ingest/file-hash.js';
import type { TableSource } from './sources.js';

/** manifest.json at the root of a lake: what was exported, from which snapshot, and how to check every file. */
export interface LakeManifest {
  format: 'talent-dashboard-lake';
  format_version: 1;
  /** The snapshot id: the same data version the API reports in X-Data-Version. */
  data_version: string;
  schema_version: number | null;
  generated_at: string;
  tables: ManifestTable[];
}

export interface ManifestTable {
  name: string;
  kind: 'fact' | 'reference';
  row_count: number;
  /** Columns inside the Parquet files, with their DuckDB types. */
  columns: TypedColumn[];
  /** Hive partition columns: in the folder names (name=value), not in the files. */
  partition_columns: TypedColumn[];
  files: ManifestFile[];
  sources: TableSource[];
}

export interface TypedColumn {
  name: string;
  type: string;
}

export interface ManifestFile {
  /** Relative to the lake's root, with forward slashes. */
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** The manifest entry of each written file: its path in the lake, its row count (from the Parquet footer), size and sha256. */
export async function describeFiles(root: string, rowsByFile: ReadonlyMap<string, number>): Promise<ManifestFile[]> {
  const files = await Promise.all(
    [...rowsByFile].map(async ([file, rows]) => ({
      path: relative(root, file).split(sep).join('/'),
      rows,
      bytes: (await stat(file)).size,
      sha256: await sha256File(file),
    })),
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const manifestPath = (root: string): string => join(root, 'manifest.json');
