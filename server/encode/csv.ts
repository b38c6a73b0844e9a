import type { Cell, ResultColumn } from './columns.js';

/** UTF-8 byte-order mark: Excel and WPS then read the file as UTF-8 and show Chinese correctly. */
export const BOM = '\ufeff';

/** A text cell a spreadsheet would run as a formula (= + - @, tab, carriage return) is prefixed with '. */
export function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell !== 'string') return String(cell);
  const safe = neutralize(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvHeader(columns: readonly ResultColumn[]): string {
  return `${BOM}${columns.map((c) => field(c.name)).join(',')}\r\n`;
}

/** CSV lines for a chunk given column-major cells. */
export function csvRows(cells: Cell[][], rowCount: number): string {
  let out = '';
  for (let row = 0; row < rowCount; row++) {
    let line = '';
    for (let col = 0; col < cells.length; col++) line += (col ? ',' : '') + field(cells[col][row]);
    out += `${line}\r\n`;
  }
  return out;
}
