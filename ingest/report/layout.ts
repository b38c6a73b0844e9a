import { basename } from 'node:path';
import { factDatasets, type ColumnSpec, type DatasetSpec } from '../../core/datasets/index.js';
import { columnLetter, type Grid } from './grid.js';
import type { ReferenceNames } from './names.js';
import {
  fold,
  ignoredHeaders,
  isFootnote,
  isTotalHeader,
  labelHeaders,
  measureHeaders,
  measureLabelHeaders,
  periodHeader,
  splitHeaderUnit,
  unitLine,
  type PeriodType,
  type PeriodValue,
  type UnitToken,
} from './vocabulary.js';

/** What one column of a report holds. */
export interface ColumnRole {
  index: number;
  /** The header as written; a two-row header's group and sub-column joined by ' / '. */
  header: string;
  kind: 'label' | 'value' | 'total' | 'ignored';
  /** label: the dataset column its cells name or code, or MEASURE for a column naming each row's measure. */
  target?: string;
  measure?: string;
  period?: PeriodValue;
  /** Keys given by the header itself: column name → the name written (e.g. an indicator as a column). */
  keys?: Record<string, string>;
  unit?: UnitToken;
}

export const MEASURE = '__measure';

export interface MetadataLine {
  row: number;
  text: string;
  kind: 'title' | 'unit' | 'note';
}

export interface ReportLayout {
  spec: DatasetSpec;
  periodColumn: ColumnSpec;
  measures: ColumnSpec[];
  /** Zero-based grid indexes of the header rows. */
  headerRows: number[];
  /** The grid with each merged range filled with its value: where label cells are read (a region merged down its rows). */
  labelRows: (string | null)[][];
  columns: ColumnRole[];
  metadata: MetadataLine[];
  /** Zero-based grid indexes of the data rows (blank rows left out), and of footnote rows. */
  dataRows: number[];
  footnotes: number[];
}

type PartRole =
  | { kind: 'label'; target: string }
  | { kind: 'total'; measure?: string; unit?: UnitToken }
  | { kind: 'ignored' }
  | { kind: 'dims'; measure?: string; period?: PeriodValue; key?: [string, string]; unit?: UnitToken }
  | { kind: 'unknown' };

const periodTypes = new Set(['month', 'quarter', 'year']);
const periodColumnOf = (spec: DatasetSpec) => spec.columns.find((c) => c.key && periodTypes.has(c.type));
const measuresOf = (spec: DatasetSpec) => spec.columns.filter((c) => !c.key && c.required && !c.defaultFromFile && c.type !== 'text');
const keyColumnsOf = (spec: DatasetSpec) => spec.columns.filter((c) => c.key && !periodTypes.has(c.type));

/** Datasets a report can be read into: facts keyed by one period and named things. */
export const reportDatasets = (): DatasetSpec[] => factDatasets.filter((d) => periodColumnOf(d) !== undefined);

function headerWords(spec: DatasetSpec, column: ColumnSpec): string[] {
  const words = [column.name, ...(column.aliases ?? [])];
  if (column.references) words.push(...(labelHeaders[column.references.table] ?? []));
  if (column.name === 'indicator_code') words.push(...measureLabelHeaders);
  if (measuresOf(spec).includes(column)) words.push(column.label.zh, column.label.en, ...(measureHeaders[column.name] ?? []));
  return words.map(fold);
}

/** The measure a header or a row label names (资金（万元） → funding_cny), with its bracketed unit. */
export function measureNamed(spec: DatasetSpec, text: string): { measure: ColumnSpec | undefined; unit: UnitToken | null } {
  const { base, unit } = splitHeaderUnit(text);
  const key = fold(base);
  const whole = fold(text);
  return { measure: measuresOf(spec).find((m) => headerWords(spec, m).some((w) => w === key || w === whole)), unit };
}

function classifyPart(text: string, spec: DatasetSpec, names: ReferenceNames): PartRole {
  const { base, unit } = splitHeaderUnit(text);
  const key = fold(base);
  if (!key) return { kind: 'unknown' };
  const measures = measuresOf(spec);
  const { measure } = measureNamed(spec, text);
  if (isTotalHeader(base)) return { kind: 'total', unit: unit ?? undefined };
  if (ignoredHeaders.map(fold).includes(key)) return { kind: 'ignored' };
  const periodColumn = periodColumnOf(spec)!;
  for (const column of [periodColumn, ...keyColumnsOf(spec)]) {
    if (headerWords(spec, column).includes(key)) return { kind: 'label', target: column.name };
  }
  if (measures.length > 1 && measureLabelHeaders.map(fold).includes(key)) return { kind: 'label', target: MEASURE };
  if (measure) return { kind: 'dims', measure: measure.name, unit: unit ?? undefined };
  const period = periodHeader(base, periodColumn.type as PeriodType);
  if (period) return { kind: 'dims', period, unit: unit ?? undefined };
  for (const column of keyColumnsOf(spec)) {
    const table = column.references?.table;
    const index = table && table !== 'region' ? names.get(table) : undefined;
    const found = index?.resolve(base);
    if (found?.kind === 'found' && found.how !== 'code') return { kind: 'dims', key: [column.name, base], unit: unit ?? undefined };
  }
  return { kind: 'unknown' };
}

/** Joins the roles of a two-row header's group cell and sub-column cell. */
function combine(parts: PartRole[]): PartRole {
  const known = parts.filter((p) => p.kind !== 'unknown');
  if (known.length === 0) return { kind: 'unknown' };
  const label = known.find((p) => p.kind === 'label');
  if (label) return label;
  if (known.some((p) => p.kind === 'ignored')) return known.find((p) => p.kind !== 'ignored') ?? { kind: 'ignored' };
  const merged: Extract<PartRole, { kind: 'dims' }> = { kind: 'dims' };
  let total = false;
  for (const p of known) {
    if (p.kind === 'total') total = true;
    if (p.kind !== 'dims' && p.kind !== 'total') continue;
    if (p.measure) {
      if (merged.measure && merged.measure !== p.measure) return { kind: 'unknown' };
      merged.measure = p.measure;
    }
    if (p.unit) merged.unit = p.unit;
    if (p.kind === 'dims') {
      if (p.period) merged.period = p.period;
      if (p.key) merged.key = p.key;
    }
  }
  return total ? { kind: 'total', measure: merged.measure, unit: merged.unit } : merged;
}

const nonEmpty = (row: readonly (string | null)[]) => row.filter((c): c is string => c !== null);
const isNumberText = (text: string) => /^[+-]?[\d,]*\.?\d+$/.test(text.replace(/\s/g, ''));

/** Fills each merged range with its top-left value, so that a group header covers its sub-columns. */
function fillMerges(grid: Grid): (string | null)[][] {
  const rows = grid.rows.map((r) => [...r]);
  for (const m of grid.merges) {
    const value = rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) for (let c = m.s.c; c <= m.e.c; c++) rows[r][c] = value;
  }
  return rows;
}

/** A header's parts per column: one row, or a group row over a sub-column row (CSV groups carried right over blanks). */
function headerParts(rows: (string | null)[][], h: number, twoRow: boolean, merged: boolean): string[][] {
  const top = rows[h];
  if (!twoRow) return top.map((c) => (c === null ? [] : [c]));
  const sub = rows[h + 1];
  let group: string | null = null;
  return top.map((cell, c) => {
    if (cell !== null) group = cell;
    else if (merged || sub[c] === null) group = null;
    const upper = cell ?? (sub[c] !== null ? group : null);
    const parts = [upper, sub[c]].filter((p): p is string => p !== null);
    return parts.length === 2 && parts[0] === parts[1] ? [parts[0]] : parts;
  });
}

interface Candidate {
  spec: DatasetSpec;
  h: number;
  twoRow: boolean;
  columns: ColumnRole[];
  score: number;
}

function rolesFor(parts: string[][], spec: DatasetSpec, names: ReferenceNames): ColumnRole[] {
  return parts.flatMap((p, index): ColumnRole[] => {
    if (p.length === 0) return [];
    const role = combine(p.map((t) => classifyPart(t, spec, names)));
    const header = p.join(' / ');
    switch (role.kind) {
      case 'label':
        return [{ index, header, kind: 'label', target: role.target }];
      case 'total':
        return [{ index, header, kind: 'total', measure: role.measure, unit: role.unit }];
      case 'dims':
        return [
          {
            index,
            header,
            kind: 'value',
            measure: role.measure,
            period: role.period,
            keys: role.key ? { [role.key[0]]: role.key[1] } : undefined,
            unit: role.unit,
          },
        ];
      default:
        return [{ index, header, kind: 'ignored' }];
    }
  });
}

/** How well a header row fits a dataset; null when the dataset's measures cannot all be found. */
function score(spec: DatasetSpec, columns: ColumnRole[]): number | null {
  const values = columns.filter((c) => c.kind === 'value');
  if (values.length === 0) return null;
  const labels = new Set(columns.filter((c) => c.kind === 'label').map((c) => c.target));
  const measures = measuresOf(spec);
  const measured = new Set(values.map((v) => v.measure).filter(Boolean));
  if (!labels.has(MEASURE) && measures.length > 1 && !measures.every((m) => measured.has(m.name))) return null;
  if (measures.length > 1 && labels.has(MEASURE) && measured.size > 0) return null;
  if (labels.size === 0 && values.every((v) => !v.period && !v.keys)) return null;
  // Value columns that would say the same thing twice mean the header was read at the wrong depth.
  const signatures = new Set(values.map((v) => JSON.stringify([v.measure, v.period, v.keys])));
  return columns.filter((c) => c.kind === 'label' || c.kind === 'total').length + signatures.size - (values.length - signatures.size);
}

/** Finds the header among the first rows, for the given dataset or the one that fits best. */
export function understandLayout(grid: Grid, path: string, names: ReferenceNames, datasetName?: string): ReportLayout | null {
  const rows = fillMerges(grid);
  const merged = grid.merges.length > 0;
  const stem = basename(path).toLowerCase().replace(/\..*$/, '');
  const specs = reportDatasets().filter((d) => !datasetName || d.name === datasetName);
  let best: Candidate | null = null;
  for (let h = 0; h < Math.min(rows.length, 20); h++) {
    if (nonEmpty(grid.rows[h]).length < 2 && nonEmpty(rows[h]).length < 2) continue;
    const next = rows[h + 1];
    const canPair = next !== undefined && nonEmpty(next).length > 0 && !nonEmpty(next).some((t) => isNumberText(t) && !/^\d{4}$/.test(t));
    for (const twoRow of canPair ? [false, true] : [false]) {
      const parts = headerParts(rows, h, twoRow, merged);
      if (new Set(parts.map((p) => p.join('/')).filter(Boolean)).size < 2) continue;
      for (const spec of specs) {
        const columns = rolesFor(parts, spec, names);
        const s = score(spec, columns);
        if (s === null) continue;
        const total = s + (stem.includes(spec.name) ? 0.5 : 0) + (twoRow ? 0 : 0.25);
        if (!best || total > best.score) best = { spec, h, twoRow, columns, score: total };
      }
    }
  }
  if (!best) return null;
  const { spec, h, twoRow, columns } = best;
  const headerRows = twoRow ? [h, h + 1] : [h];
  const metadata = grid.rows.slice(0, h).flatMap((row, i): MetadataLine[] => {
    const cells = [...new Set(nonEmpty(row))];
    if (cells.length === 0) return [];
    const text = cells.join('  ');
    return [{ row: grid.firstRow + i, text, kind: unitLine(text) ? 'unit' : 'note' }];
  });
  const title = metadata.find((m) => m.kind === 'note');
  if (title) title.kind = 'title';
  const { dataRows, footnotes } = splitFootnotes(grid, h + headerRows.length, columns);
  return {
    spec,
    periodColumn: periodColumnOf(spec)!,
    measures: measuresOf(spec),
    headerRows,
    labelRows: rows,
    columns,
    metadata,
    dataRows,
    footnotes,
  };
}

/** Rows after the header are data until the first footnote (注：…, 填表人：…, or a lone long line with no figures). */
function splitFootnotes(grid: Grid, start: number, columns: ColumnRole[]): { dataRows: number[]; footnotes: number[] } {
  const dataRows: number[] = [];
  const footnotes: number[] = [];
  const valueIndexes = columns.filter((c) => c.kind === 'value' || c.kind === 'total').map((c) => c.index);
  for (let r = start; r < grid.rows.length; r++) {
    const cells = nonEmpty(grid.rows[r]);
    if (cells.length === 0) continue;
    const noFigures = valueIndexes.every((i) => grid.rows[r][i] === null);
    const lone = new Set(cells).size === 1 && cells[0].length > 12 && noFigures;
    if (footnotes.length > 0 || isFootnote(cells[0]) || lone) footnotes.push(r);
    else dataRows.push(r);
  }
  return { dataRows, footnotes };
}

/** A column's letter and header, for messages: C 培训人次. */
export const columnName = (role: ColumnRole): string => `${columnLetter(role.index)} ${role.header}`;
