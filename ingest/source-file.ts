import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import xlsx from 'xlsx';
import { quoteLiteral } from '../core/sql-text.js';

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
  selectSql: string;
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

const csvSelect = (path: string): string =>
  `SELECT row_number() OVER () + 1 AS __line, * FROM read_csv(${quoteLiteral(path)}, header = true, all_varchar = true, null_padding = true)`;

const csvTypedRead =
  (path: string) =>
  (types: Readonly<Record<string, 'DOUBLE' | 'VARCHAR'>>): string => {
    const struct = Object.entries(types)
      .map(([header, type]) => `${quoteLiteral(header)}: '${type}'`)
      .join(', ');
    return `read_csv(${quoteLiteral(path)}, header = true, null_padding = true${struct ? `, types = {${struct}}` : ''})`;
  };

/** Opens any supported file as a DuckDB-readable source, converting what DuckDB cannot read natively. */
export async function openSource(path: string, options: SourceOptions = {}): Promise<SourceFile> {
  const format = formatOf(path);
  const none = async () => {};
  if (format === 'parquet') {
    return {
      path,
      format,
      encoding: null,
      position: 'record',
      dispose: none,
      selectSql: `SELECT file_row_number + 1 AS __line, * EXCLUDE (file_row_number) FROM read_parquet(${quoteLiteral(path)}, file_row_number = true)`,
      typedRead: () => `read_parquet(${quoteLiteral(path)})`,
    };
  }
  if (format === 'json') {
    const read = `read_json(${quoteLiteral(path)}, format = 'auto', sample_size = -1)`;
    return {
      path,
      format,
      encoding: null,
      position: 'record',
      dispose: none,
      selectSql: `SELECT row_number() OVER () AS __line, * FROM ${read}`,
      typedRead: () => read,
    };
  }
  const workDir = await mkdtemp(join(tmpdir(), 'talent-ingest-'));
  const dispose = () => rm(workDir, { recursive: true, force: true });
  try {
    if (format === 'xlsx') {
      const csvPath = join(workDir, `${basename(path)}.csv`);
      await writeFile(csvPath, sheetAsCsv(path, options.sheet));
      return { path, format, encoding: null, position: 'row', dispose, selectSql: csvSelect(csvPath), typedRead: csvTypedRead(csvPath) };
    }
    const encoding = options.encoding?.toLowerCase() ?? (await detectEncoding(path));
    if (!iconv.encodingExists(encoding)) throw new Error(`--encoding ${options.encoding}: unknown encoding`);
    if (encoding === 'utf-8' || encoding === 'utf8') {
      await dispose();
      return { path, format, encoding: 'utf-8', position: 'row', dispose: none, selectSql: csvSelect(path), typedRead: csvTypedRead(path) };
    }
    const utf8Path = join(workDir, `${basename(path)}.utf8.csv`);
    await pipeline(createReadStream(path), iconv.decodeStream(encoding), iconv.encodeStream('utf-8'), createWriteStream(utf8Path));
    return { path, format, encoding, position: 'row', dispose, selectSql: csvSelect(utf8Path), typedRead: csvTypedRead(utf8Path) };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function sheetAsCsv(path: string, sheetName?: string): string {
  const book = xlsx.readFile(path, { cellDates: true, dense: true });
  const name = sheetName ?? book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  if (!sheet) throw new Error(`${path}: no sheet named '${sheetName}'; sheets are ${book.SheetNames.map((n) => `'${n}'`).join(', ')}`);
  // Keep blank rows so that __line is the spreadsheet's own row number; empty rows are skipped later.
  return xlsx.utils.sheet_to_csv(sheet, { blankrows: true, dateNF: 'yyyy-mm-dd', rawNumbers: true });
}
