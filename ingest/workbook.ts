import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename } from 'node:path';
import type { IngestLimits } from './limits.js';
import { FileRefusedError } from './refusal.js';
import { checkSheetRows } from './xlsx-check.js';

/** A cell as read: text, a number, a truth value or a date; formulas give their cached result. */
export type CellValue = string | number | boolean | Date | null;

/** The value a spreadsheet shows for a cell of any kind (rich text, formula, hyperlink, error). */
export function cellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text);
  if ('error' in value) return (value as ExcelJS.CellErrorValue).error;
  return null;
}

export const unknownSheet = (path: string, sheet: string | undefined, names: string[]): Error =>
  new Error(`${basename(path)}: no sheet named '${sheet}'; sheets are ${names.map((n) => `'${n}'`).join(', ')}`);

const dateText = (date: Date) => date.toISOString().slice(0, 10);

function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = value instanceof Date ? dateText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes one sheet of a workbook (the first, or the one named) as a CSV file, each line the sheet's own row from
 * the first row present. The workbook is read whole (exceljs's streaming reader, on its unzip library, drops zip
 * entries now and then): checkWorkbook bounds its unpacked size before, and the row limit is checked here.
 */
export async function sheetToCsv(path: string, csvPath: string, sheet: string | undefined, limits: IngestLimits): Promise<void> {
  const { rows } = await readSheet(path, sheet);
  checkSheetRows(basename(path), rows.length, limits);
  const first = rows.findIndex((r) => r.some((c) => c !== null));
  const out = createWriteStream(csvPath);
  try {
    for (const row of first === -1 ? [] : rows.slice(first)) {
      // A row with no cell is written as one empty cell: a blank line would be skipped, renumbering the rest.
      const line = row.length ? row.map(csvField).join(',') : '""';
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
}

export interface SheetGrid {
  name: string;
  /** Cells by row, from row 1 and column A; the cells a merge covers, other than its first, are null. */
  rows: CellValue[][];
  /** Merged ranges, zero-based. */
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
}

const cellAddress = (ref: string) => {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const c = [...letters].reduce((n, l) => n * 26 + l.charCodeAt(0) - 64, 0) - 1;
  return { r: Number(digits) - 1, c };
};

/** Reads a whole sheet (a report form, already bounded in size) with its merged ranges. */
export async function readSheet(path: string, sheet: string | undefined): Promise<SheetGrid> {
  const book = new ExcelJS.Workbook();
  const notWorkbook = () => new FileRefusedError(basename(path), 'not an Excel workbook (a zip archive, but no sheet can be read from it)');
  await book.xlsx.readFile(path).catch(() => {
    throw notWorkbook();
  });
  if (book.worksheets.length === 0) throw notWorkbook();
  const worksheet = sheet === undefined ? book.worksheets[0] : book.getWorksheet(sheet);
  if (!worksheet)
    throw unknownSheet(
      path,
      sheet,
      book.worksheets.map((w) => w.name),
    );
  const rows: CellValue[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.type === ExcelJS.ValueType.Merge ? null : cellValue(cell.value);
    });
    rows[number - 1] = Array.from(cells, (c) => c ?? null);
  });
  const merges = (worksheet.model.merges ?? []).map((range) => {
    const [start, end = start] = range.split(':');
    return { s: cellAddress(start), e: cellAddress(end) };
  });
  return { name: worksheet.name, rows: Array.from(rows, (r) => r ?? []), merges };
}

/** Spreadsheet column letters of a zero-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
