import { basename } from 'node:path';
import type { Problem } from '../problem.js';
import { parseDecimal, scaleText } from './decimal.js';
import { columnLetter, type Grid } from './grid.js';
import { CellNames, titleKeys } from './keys.js';
import { MEASURE, columnName, measureNamed, type ColumnRole, type ReportLayout } from './layout.js';
import type { ReferenceNames } from './names.js';
import { planPeriod } from './period.js';
import { checkTotals, type TotalRow } from './totals.js';
import type { FileUnderstanding } from './understanding.js';
import { planUnits } from './units.js';
import { periodText, totalKind, type PeriodType, type UnitToken } from './vocabulary.js';

/** Where a value written for validation came from, so that a problem names the original cell. */
export interface CellOrigin {
  line: number;
  column: string;
  written: string | null;
  label: string;
  value: string | null;
  /** Replaces validation's 'unknown code' reason (a name that resolved to no code, or to several). */
  reason?: string;
}

export interface NormalisedReport {
  rows: { line: number; values: Record<string, string | null> }[];
  origins: CellOrigin[];
  problems: Problem[];
  understanding: FileUnderstanding;
}

interface OutputRow {
  line: number;
  values: Record<string, string | null>;
  /** Measure → the row of the file that gave it. */
  given: Map<string, number>;
}

/**
 * Turns a report's grid into rows with codes: one row per period and keys, each value cell placed by its row's
 * labels and its column's header, scaled to the stored unit. Total rows and columns are checked, not kept.
 */
export function normaliseReport(grid: Grid, layout: ReportLayout, names: ReferenceNames, path: string): NormalisedReport {
  const { spec, columns, periodColumn, measures } = layout;
  const problems: Problem[] = [];
  const problem = (line: number, column: string, value: string | null, reason: string) => problems.push({ line, column, value, reason });
  const row = (i: number) => grid.firstRow + i;
  const cell = (r: number, c: number) => grid.rows[r]?.[c] ?? null;
  const label = (r: number, c: number) => layout.labelRows[r]?.[c] ?? null;
  const metaText = `${layout.metadata.map((m) => m.text).join('  ')}  ${basename(path)}`;
  const titleRow = layout.metadata.find((m) => m.kind === 'title')?.row ?? row(layout.headerRows[0]);

  const labels = columns.filter((c) => c.kind === 'label');
  const values = columns.filter((c) => c.kind === 'value');
  const sole = measures.length === 1 ? measures[0].name : undefined;
  const byRow = labels.some((l) => l.target === MEASURE);
  const present = measures.filter((m) => byRow || columns.some((c) => c.kind !== 'label' && (c.measure ?? sole) === m.name));
  const units = planUnits(grid, layout, present, problems);
  const period = planPeriod(grid, layout, path, problems);
  const cellNames = new CellNames(names, metaText);
  const fromTitle = titleKeys(layout, names, metaText, titleRow, problems);
  const keyColumns = spec.columns.filter((c) => c.key && c !== periodColumn);
  const keyNames = [periodColumn.name, ...keyColumns.map((k) => k.name)];

  const outputs = new Map<string, OutputRow>();
  const origins: CellOrigin[] = [];
  const totalRows: TotalRow[] = [];
  const detailRows: number[] = [];
  for (const r of layout.dataRows) {
    const total = labels.map((l) => label(r, l.index)).find((t) => t !== null && totalKind(t) !== null);
    if (total) {
      totalRows.push({ r, kind: totalKind(total)!, label: total });
      continue;
    }
    detailRows.push(r);
    const line = row(r);
    const keys: Record<string, string | null> = { ...fromTitle.keys };
    const keyOrigins: CellOrigin[] = [];
    let rowMeasure: string | undefined;
    let rowUnit: UnitToken | undefined;
    for (const l of labels) {
      const text = label(r, l.index);
      if (l.target === MEASURE) {
        if (text === null) continue;
        const named = measureNamed(spec, text);
        if (!named.measure)
          problem(line, columnName(l), text, `unknown measure: expected one of ${measures.map((x) => x.label.zh).join(', ')}`);
        rowMeasure = named.measure?.name;
        rowUnit = named.unit ?? undefined;
        continue;
      }
      const k = spec.columns.find((c) => c.name === l.target)!;
      const resolved = text === null || k === periodColumn ? { code: text } : cellNames.resolve(k, text);
      keys[k.name] = resolved.code;
      keyOrigins.push({
        line,
        column: k.name,
        written: resolved.code,
        label: columnName(l),
        value: text,
        reason: 'reason' in resolved ? resolved.reason : undefined,
      });
    }
    for (const c of values) {
      const measure = c.measure ?? rowMeasure ?? sole;
      if (!measure) continue;
      const cellKeys = { ...keys };
      for (const [k, name] of Object.entries(c.keys ?? {}))
        cellKeys[k] = cellNames.resolve(
          spec.columns.find((x) => x.name === k)!,
          name,
        ).code;
      if (c.period) cellKeys[periodColumn.name] = periodText(period.type, c.period.year ?? period.yearForColumns ?? 0, c.period.part);
      else if (period.fixed) cellKeys[periodColumn.name] = period.fixed;
      const id = JSON.stringify(keyNames.map((k) => cellKeys[k] ?? null));
      let out = outputs.get(id);
      if (!out) {
        out = { line, values: { ...cellKeys }, given: new Map() };
        outputs.set(id, out);
        origins.push(...keyOrigins.map((o) => ({ ...o, line })));
      }
      const text = cell(r, c.index);
      const decimal = text === null ? null : parseDecimal(text);
      const written = decimal ? scaleText(decimal, units.exponent(c, measure, rowUnit)) : text;
      const earlier = out.given.get(measure);
      if (earlier !== undefined && written !== null && (out.values[measure] ?? null) !== null) {
        problem(line, columnName(c), text, `duplicate: row ${earlier} already gives ${measure} for the same ${keyNames.join(', ')}`);
        continue;
      }
      if (written === null && earlier !== undefined) continue;
      out.values[measure] = written;
      out.given.set(measure, line);
      origins.push({ line: out.line, column: measure, written, label: columnName(c), value: text });
    }
  }
  // A row whose cells are all empty (a month not yet reported) is no row.
  const rows = [...outputs.values()].filter((o) => measures.some((m) => (o.values[m.name] ?? null) !== null));
  const kept = new Set(rows.map((o) => o.line));
  const totals = checkTotals(grid, layout, totalRows, detailRows, problems);

  const understanding: FileUnderstanding = {
    layout: 'report',
    dataset: spec.name,
    sheet: grid.sheet,
    headerRows: layout.headerRows.map(row),
    metadata: layout.metadata,
    footnotes: layout.footnotes.map((r) => ({ row: row(r), text: [...new Set(grid.rows[r].filter((c) => c !== null))].join('  ') })),
    columns: columns.map((c) => ({
      column: columnLetter(c.index),
      header: c.header,
      role: describeRole(c, sole, (m) => units.exponent(c, m), period.type, period.yearForColumns),
    })),
    units: units.summary,
    period: {
      ...period.understanding,
      values:
        period.understanding.from === 'column'
          ? []
          : [...new Set(rows.map((o) => o.values[periodColumn.name] ?? ''))].filter(Boolean).sort(),
    },
    province: cellNames.provinceUnderstood(),
    fromTitle: fromTitle.understood,
    names: cellNames.mappings(),
    totals,
    rows: { data: detailRows.length + totalRows.length, output: rows.length },
  };
  return { rows, origins: origins.filter((o) => kept.has(o.line)), problems, understanding };
}

const periodTypes = new Set(['month', 'quarter', 'year']);

function describeRole(
  c: ColumnRole,
  sole: string | undefined,
  exponent: (measure: string) => number,
  type: PeriodType,
  year: number | null,
): string {
  if (c.kind === 'ignored') return 'ignored';
  if (c.kind === 'label') {
    if (c.target === MEASURE) return 'measure of each row';
    return periodTypes.has(c.target!) ? `${c.target} of each row` : `${c.target} (names or codes)`;
  }
  const measure = c.measure ?? sole;
  const parts: string[] = [];
  if (c.period) parts.push(`${type} ${periodText(type, c.period.year ?? year ?? 0, c.period.part)}`);
  for (const [k, name] of Object.entries(c.keys ?? {})) parts.push(`${k} = ${name}`);
  if (measure) {
    const e = exponent(measure);
    parts.push(e ? `${measure} × ${(10 ** e).toLocaleString('en-US')}` : measure);
  } else parts.push('measure of each row');
  return c.kind === 'total' ? `total of ${parts.join(', ')} (checked, not stored)` : parts.join(', ');
}
