import type { Cell, Row } from '../decode.js';

export interface TableColumn {
  key: string;
  label: string;
}

/** The data behind a chart, as a download gives it. */
export interface ChartTable {
  columns: TableColumn[];
  rows: Row[];
}

const neutral = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function field(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'string') return String(cell);
  const safe = neutral(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * CSV text as the server writes it: UTF-8 BOM (Excel and WPS then read Chinese correctly), CRLF, quoted where
 * needed, and cells that a spreadsheet would run as a formula prefixed with '.
 */
export function csvText(table: ChartTable): string {
  const lines = [table.columns.map((c) => field(c.label)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => field(row[c.key])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** A file name that says what and which data version: talent-gap_2026Q3_20261125T1112.csv */
export function fileName(stem: string, snapshot: string | null | undefined, extension: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_+.-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${[safe(stem), snapshot ? safe(snapshot.slice(0, 13)) : ''].filter(Boolean).join('_')}.${extension}`;
}
