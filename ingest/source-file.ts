import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import iconv from 'iconv-lite';
import { quoteLiteral } from '../core/sql-text.js';
import { checkJson } from './json-check.js';
import { ingestLimits, type IngestLimits } from './limits.js';
import { FileRefusedError } from './refusal.js';
import { checkText } from './text-check.js';
import { checkWorkbook } from './xlsx-check.js';
import { sheetToCsv } from './workbook.js';

type SourceFormat = 'csv' | 'xlsx' | 'parquet' | 'json';

export interface SourceOptions {
  encoding?: string;
  sheet?: string;
}

/** A file made readable by DuckDB: a table-function call yielding text columns plus __line. */
export interface SourceFile {
  path: string;
  format: SourceFormat;
  /** Encoding of the original file (CSV only). */
  encoding: string | null;
  /**
   * What __line counts: a row (CSV and sheets: the header is row 1; DuckDB's reader skips blank lines of a
   * CSV, so a row is a line only in files without blank lines) or a record (Parquet, JSON).
   */
  position: 'row' | 'record';
  /** SELECT yielding __line and every column of the file, in file order. */
  readonly selectSql: string;
  /** SELECT yielding the first row of the file as written (the header of a CSV or sheet), or null. */
  readonly headerRowSql: string | null;
  /**
   * Reads the file in one thread from now on: DuckDB's parallel CSV reader cannot split a file whose quoted
   * cells hold line breaks (Excel's multi-line cells). Returns false when the source has no such mode.
   */
  readSerially(): boolean;
  /** A table-function call reading the file in parallel with the given column types (CSV), no line numbers. */
  typedRead(types: Readonly<Record<string, 'DOUBLE' | 'VARCHAR'>>): string;
  dispose(): Promise<void>;
}

function formatOf(path: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.parquet') return 'parquet';
  if (ext === '.json' || ext === '.ndjson' || ext === '.jsonl') return 'json';
  throw new Error(`${path}: unsupported file type '${ext || '(none)'}'; expected .csv, .xlsx, .parquet, .json or .ndjson`);
}

export const isSupportedFile = (path: string): boolean => {
  try {
    formatOf(path);
    return true;
  } catch {
    return false;
  }
};

/** Guesses a CSV's encoding from its first bytes: UTF-8 (with or without BOM), UTF-16 by BOM, else GB18030. */
async function detectEncoding(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    return isUtf8(trimPartialCharacter(head, bytesRead < buffer.length)) ? 'utf-8' : 'gb18030';
  } finally {
    await handle.close();
  }
}

function trimPartialCharacter(bytes: Buffer, complete: boolean): Buffer {
  if (complete) return bytes;
  let end = bytes.length;
  // Step back over continuation bytes (10xxxxxx) and the lead byte of a character cut at the buffer's end.
  while (end > 0 && end > bytes.length - 4 && (bytes[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && bytes[end - 1] >= 0xc0) end--;
  return bytes.subarray(0, end);
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const csvOptions = (parallel: boolean) => `header = true, null_padding = true${parallel ? '' : ', parallel = false'}`;

/** A CSV read by DuckDB, in parallel until told otherwise. */
function csvSource(csvPath: string, fields: Pick<SourceFile, 'path' | 'format' | 'encoding' | 'dispose'>): SourceFile {
  let parallel = true;
  return {
    ...fields,
    position: 'row',
    get selectSql() {
      return `SELECT row_number() OVER () + 1 AS __line, * FROM read_csv(${quoteLiteral(csvPath)}, ${csvOptions(parallel)}, all_varchar = true)`;
    },
    headerRowSql: `SELECT * FROM read_csv(${quoteLiteral(csvPath)}, header = false, all_varchar = true, null_padding = true, parallel = false) LIMIT 1`,
    typedRead(types) {
      const struct = Object.entries(types)
        .map(([header, type]) => `${quoteLiteral(header)}: '${type}'`)
        .join(', ');
      return `read_csv(${quoteLiteral(csvPath)}, ${csvOptions(parallel)}${struct ? `, types = {${struct}}` : ''})`;
    },
    readSerially() {
      const changed = parallel;
      parallel = false;
      return changed;
    },
  };
}

/** Refuses a Parquet file that does not begin and end with Parquet's mark (a truncated or damaged file). */
async function checkParquet(path: string, file: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    await handle.read(tail, 0, 4, Math.max(size - 4, 0));
    if (size < 12 || head.toString('latin1') !== 'PAR1' || tail.toString('latin1') !== 'PAR1') {
      throw new FileRefusedError(file, 'not a complete Parquet file (truncated or damaged)');
    }
  } finally {
    await handle.close();
  }
}

/**
 * Opens any supported file as a DuckDB-readable source, converting what DuckDB cannot read natively. Each
 * file is checked first against the ingest limits (limits.ts) and refused, with where and why, when it breaks
 * one or cannot be what its name says.
 */
export async function openSource(path: string, options: SourceOptions = {}, limits: IngestLimits = ingestLimits()): Promise<SourceFile> {
  const format = formatOf(path);
  const file = basename(path);
  const none = async () => {};
  if ((await stat(path)).size === 0) throw new FileRefusedError(file, 'the file is empty');
  if (format === 'parquet') {
    await checkParquet(path, file);
    return {
      path,
      format,
      encoding: null,
      position: 'record',
      dispose: none,
      headerRowSql: null,
      readSerially: () => false,
      selectSql: `SELECT file_row_number + 1 AS __line, * EXCLUDE (file_row_number) FROM read_parquet(${quoteLiteral(path)}, file_row_number = true)`,
      typedRead: () => `read_parquet(${quoteLiteral(path)})`,
    };
  }
  if (format === 'json') {
    await checkJson(path, file, limits);
    const read = `read_json(${quoteLiteral(path)}, format = 'auto', sample_size = -1)`;
    return {
      path,
      format,
      encoding: null,
      position: 'record',
      dispose: none,
      headerRowSql: null,
      readSerially: () => false,
      selectSql: `SELECT row_number() OVER () AS __line, * FROM ${read}`,
      typedRead: () => read,
    };
  }
  if (format === 'xlsx') await checkWorkbook(path, file, limits);
  const workDir = await mkdtemp(join(tmpdir(), 'talent-ingest-'));
  const dispose = () => rm(workDir, { recursive: true, force: true });
  try {
    if (format === 'xlsx') {
      const csvPath = join(workDir, `${file}.csv`);
      await sheetToCsv(path, csvPath, options.sheet, limits);
      return csvSource(csvPath, { path, format, encoding: null, dispose });
    }
    const encoding = options.encoding?.toLowerCase() ?? (await detectEncoding(path));
    if (!iconv.encodingExists(encoding)) throw new Error(`--encoding ${options.encoding}: unknown encoding`);
    if (encoding === 'utf-8' || encoding === 'utf8') {
      await dispose();
      await checkText(path, file, 'utf-8', null, limits);
      return csvSource(path, { path, format, encoding: 'utf-8', dispose: none });
    }
    const utf8Path = join(workDir, `${file}.utf8.csv`);
    await checkText(path, file, encoding, utf8Path, limits);
    return csvSource(utf8Path, { path, format, encoding, dispose });
  } catch (error) {
    await dispose();
    throw error;
  }
}
