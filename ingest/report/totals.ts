import type { Problem } from '../problem.js';
import { formatDecimal, parseDecimal, sumDecimals, totalMatches, type Decimal } from './decimal.js';
import { columnLetter, type Grid } from './grid.js';
import { columnName, type ReportLayout } from './layout.js';
import type { FileUnderstanding } from './understanding.js';

/** A row labelled 合计, 全省, 小计 …: zero-based grid index, kind and label. */
export interface TotalRow {
  r: number;
  kind: 'total' | 'subtotal';
  label: string;
}

/** Checks each total row against the rows it covers and each total column against the columns it sums. */
export function checkTotals(
  grid: Grid,
  layout: ReportLayout,
  totalRows: TotalRow[],
  detailRows: number[],
  problems: Problem[],
): FileUnderstanding['totals'] {
  const row = (i: number) => grid.firstRow + i;
  const cell = (r: number, c: number) => grid.rows[r]?.[c] ?? null;
  const label = (r: number, c: number) => layout.labelRows[r]?.[c] ?? null;
  const labels = layout.columns.filter((c) => c.kind === 'label');
  const numeric = layout.columns.filter((c) => c.kind === 'value' || c.kind === 'total');
  const report: FileUnderstanding['totals'] = [];
  // A total covers the rows since the previous total of its kind that has rows of its own before this one
  // (consecutive total rows, e.g. one per measure, share what they cover).
  const startOf = (t: { r: number; kind: 'total' | 'subtotal' }): number => {
    const earlier = totalRows.filter((x) => x.r < t.r && (t.kind === 'subtotal' || x.kind === 'total'));
    const bounded = earlier.filter((x) => detailRows.some((r) => r > x.r && r < t.r));
    return Math.max(-1, ...bounded.map((x) => x.r));
  };
  for (const t of totalRows) {
    const start = startOf(t);
    // Other labels of the total row (a programme, a measure) narrow what it covers.
    const others = labels.filter((l) => label(t.r, l.index) !== null && label(t.r, l.index) !== t.label);
    const covered = detailRows.filter((r) => r > start && r < t.r && others.every((l) => label(r, l.index) === label(t.r, l.index)));
    let checked = 0;
    let mismatches = 0;
    for (const c of numeric) {
      const stated = cell(t.r, c.index);
      const total = stated === null ? null : parseDecimal(stated);
      if (!total) continue;
      const parts = covered.map((r) => parseDecimal(cell(r, c.index) ?? '0')).filter((d): d is Decimal => d !== null);
      const sum = sumDecimals(parts);
      checked++;
      if (!totalMatches(total, sum)) {
        mismatches++;
        problems.push({
          line: row(t.r),
          column: columnName(c),
          value: stated,
          reason: `total ${formatDecimal(total)} does not equal the sum of the ${covered.length} rows it covers (${covered.map(row).join(', ')}): ${formatDecimal(sum)}`,
        });
      }
    }
    report.push({ row: row(t.r), column: null, label: t.label, covers: rowsText(covered.map(row)), checked, mismatches });
  }
  for (const c of layout.columns.filter((x) => x.kind === 'total')) {
    // A total column sums its measure's columns, or (without a measure) the period or indicator columns.
    const parts = numeric.filter(
      (x) => x.kind === 'value' && (c.measure !== undefined ? x.measure === c.measure : x.measure === undefined),
    );
    if (!parts.length) continue;
    let checked = 0;
    let mismatches = 0;
    for (const r of [...detailRows, ...totalRows.map((t) => t.r)].sort((a, b) => a - b)) {
      const stated = cell(r, c.index);
      const total = stated === null ? null : parseDecimal(stated);
      if (!total) continue;
      const sum = sumDecimals(parts.map((p) => parseDecimal(cell(r, p.index) ?? '0')).filter((d): d is Decimal => d !== null));
      checked++;
      if (!totalMatches(total, sum)) {
        mismatches++;
        problems.push({
          line: row(r),
          column: columnName(c),
          value: stated,
          reason: `total ${formatDecimal(total)} does not equal the sum of columns ${parts.map((p) => columnLetter(p.index)).join(', ')}: ${formatDecimal(sum)}`,
        });
      }
    }
    report.push({
      row: null,
      column: columnName(c),
      label: c.header,
      covers: `columns ${columnLetter(parts[0].index)}–${columnLetter(parts[parts.length - 1].index)}`,
      checked,
      mismatches,
    });
  }
  return report;
}

function rowsText(lines: number[]): string {
  if (lines.length === 0) return 'no rows';
  if (lines.length === 1) return `row ${lines[0]}`;
  const contiguous = lines.every((l, i) => i === 0 || l === lines[i - 1] + 1);
  return contiguous ? `rows ${lines[0]}–${lines[lines.length - 1]}` : `rows ${lines.join(', ')}`;
}
