import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/** One CSV record as text, keyed by header. */
export type TextRow = Record<string, string>;

/** A value to write: empty for null/undefined, `true`/`false` for booleans. */
export type Cell = string | number | boolean | null | undefined;

/** Reads a UTF-8 CSV with a header row (a leading BOM is dropped) into text records. */
export function readCsv(path: string): TextRow[] {
  return parse<TextRow>(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
}

/** Quotes a cell only when CSV needs it (separator, quote, line break, or edge spaces). */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Serialises rows with exactly `columns`, in order; a row key outside `columns` is a bug and throws. */
export function toCsv<T extends { [K in keyof T]: Cell }>(columns: readonly string[], rows: readonly T[]): string {
  const known = new Set(columns);
  const lines = [columns.join(',')];
  for (const row of rows) {
    const record = row as Record<string, Cell>;
    const stray = Object.keys(record).find((key) => !known.has(key));
    if (stray) throw new Error(`unexpected column "${stray}" (expected ${columns.join(', ')})`);
    lines.push(columns.map((c) => csvCell(record[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes rows as UTF-8 CSV without BOM, `\n` line endings. */
export function writeCsv<T extends { [K in keyof T]: Cell }>(path: string, columns: readonly string[], rows: readonly T[]): void {
  writeFileSync(path, toCsv(columns, rows), 'utf8');
}
