import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { readSheet, type CellValue } from '../workbook.js';

/** A report is read whole into memory: it must stay within these bounds. */
export const reportBounds = { bytes: 10 * 1024 * 1024, rows: 20_000 };

/** The raw cells of a sheet or CSV, as text; `row(i)` is the file's own row number of rows[i]. */
export interface Grid {
  rows: (string | null)[][];
  firstRow: number;
  /** Merged ranges (sheets only), zero-based relative to rows. */
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  encoding: string | null;
  sheet: string | null;
}

export class ReportTooLargeError extends Error {}

const isSpreadsheet = (path: string) => ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());

/** Whether a file is within the bounds of a report read into memory (it is checked before reading). */
export async function withinReportBounds(path: string): Promise<boolean> {
  return (await stat(path)).size <= reportBounds.bytes;
}

/** The whole buffer decides: UTF-8 (with or without BOM) or UTF-16 by BOM, else GB18030. */
function decode(bytes: Buffer, encoding?: string): { text: string; encoding: string } {
  if (encoding) return { text: iconv.decode(bytes, encoding), encoding: encoding.toLowerCase() };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(bytes, 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A spreadsheet keeps 15 significant digits; beyond them is binary noise of its arithmetic (1.4000000000000001).
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  const text = String(value)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/** Reads a sheet (or a CSV, through the same spreadsheet reader) into a grid of text cells. */
export async function readGrid(path: string, options: { encoding?: string; sheet?: string } = {}): Promise<Grid> {
  if (!(await withinReportBounds(path))) {
    throw new ReportTooLargeError(
      `${basename(path)}: a report layout is read whole and may be at most ${reportBounds.bytes / 1024 / 1024} MB; save it as a plain table with a header in row 1 and codes`,
    );
  }
  let cells: CellValue[][];
  let merges: Grid['merges'] = [];
  let encoding: string | null = null;
  let sheet: string | null = null;
  if (isSpreadsheet(path)) {
    const read = await readSheet(path, options.sheet);
    ({ rows: cells, merges } = read);
    sheet = read.name;
  } else {
    const decoded = decode(await readFile(path), options.encoding);
    encoding = decoded.encoding;
    cells = parse(decoded.text.replace(/^\uFEFF/, ''), {
      delimiter: extname(path).toLowerCase() === '.tsv' ? '\t' : ',',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  }
  // Trailing rows with no cell at all are not part of the sheet.
  while (cells.length > 0 && cells[cells.length - 1].every((c) => cellText(c) === null)) cells.pop();
  if (cells.length > reportBounds.rows) {
    throw new ReportTooLargeError(
      `${basename(path)}: a report layout is read whole and may have at most ${reportBounds.rows.toLocaleString('en-US')} rows; save it as a plain table with a header in row 1 and codes`,
    );
  }
  const width = Math.max(0, ...cells.map((r) => r.length), ...merges.map((m) => m.e.c + 1));
  const rows = cells.map((r) => Array.from({ length: width }, (_, c) => cellText(r[c])));
  return { rows, firstRow: 1, merges, encoding, sheet };
}

export { columnLetter } from '../workbook.js';
