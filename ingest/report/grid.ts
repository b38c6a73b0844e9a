import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import xlsx from 'xlsx';

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
  const bytes = await readFile(path);
  let book: xlsx.WorkBook;
  let encoding: string | null = null;
  if (isSpreadsheet(path)) {
    book = xlsx.read(bytes, { type: 'buffer', cellDates: true, dense: true });
  } else {
    const decoded = decode(bytes, options.encoding);
    encoding = decoded.encoding;
    book = xlsx.read(decoded.text.replace(/^\uFEFF/, ''), { type: 'string', raw: true, dense: true });
  }
  const name = (isSpreadsheet(path) ? options.sheet : undefined) ?? book.SheetNames[0];
  const sheet = name === undefined ? undefined : book.Sheets[name];
  if (!sheet)
    throw new Error(`${basename(path)}: no sheet named '${options.sheet}'; sheets are ${book.SheetNames.map((n) => `'${n}'`).join(', ')}`);
  const range = sheet['!ref'] ? xlsx.utils.decode_range(sheet['!ref']) : { s: { r: 0, c: 0 }, e: { r: -1, c: 0 } };
  if (range.e.r - range.s.r + 1 > reportBounds.rows) {
    throw new ReportTooLargeError(
      `${basename(path)}: a report layout is read whole and may have at most ${reportBounds.rows.toLocaleString('en-US')} rows; save it as a plain table with a header in row 1 and codes`,
    );
  }
  const raw = xlsx.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  const width = range.e.c - range.s.c + 1;
  const rows = raw.map((r) => Array.from({ length: width }, (_, c) => cellText(r[c])));
  const merges = (sheet['!merges'] ?? []).map((m) => ({
    s: { r: m.s.r - range.s.r, c: m.s.c - range.s.c },
    e: { r: m.e.r - range.s.r, c: m.e.c - range.s.c },
  }));
  return { rows, firstRow: range.s.r + 1, merges, encoding, sheet: isSpreadsheet(path) ? (name ?? null) : null };
}

/** Spreadsheet column letters of a zero-based index: 0 → A, 26 → AA. */
export const columnLetter = (index: number): string => xlsx.utils.encode_col(index);
