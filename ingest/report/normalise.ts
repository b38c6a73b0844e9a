import { basename } from 'node:path';
import type { ColumnSpec } from '../../core/datasets/index.js';
import type { Problem } from '../ingest-file.js';
import { formatDecimal, parseDecimal, scaleText, sumDecimals, totalMatches, type Decimal } from './decimal.js';
import { columnLetter, type Grid } from './grid.js';
import { MEASURE, columnName, measureNamed, type ColumnRole, type ReportLayout } from './layout.js';
import type { Candidate, NameIndex, ReferenceNames, Resolution } from './names.js';
import type { FileUnderstanding } from './understanding.js';
import { periodInText, periodText, totalKind, unitLine, type PeriodType, type UnitToken } from './vocabulary.js';

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
  columns: string[];
  rows: { line: number; values: Record<string, string | null> }[];
  origins: CellOrigin[];
  problems: Problem[];
  understanding: FileUnderstanding;
}

const listCandidates = (cs: Candidate[]) => cs.map((c) => `${c.code} (${c.place})`).join(', ');

function resolutionReason(name: string, r: Exclude<Resolution, { kind: 'found' }>, table: string, scope: string | null): string {
  if (r.kind === 'ambiguous') return `ambiguous name: ${name} is ${listCandidates(r.candidates)}; write the code or a fuller name`;
  const where = scope ? ` in ${scope}` : '';
  const elsewhere = r.elsewhere.length ? `; elsewhere: ${listCandidates(r.elsewhere)}` : '';
  return `unknown name: no ${table} named ${name}${where}${elsewhere}`;
}

interface UnitChoice {
  exponent: number;
  declared: string | null;
  from: 'header' | 'unit line' | 'stored unit';
}

/** Turns a report's grid into rows with codes, checking totals and scaling units on the way. */
export function normaliseReport(grid: Grid, layout: ReportLayout, names: ReferenceNames, path: string): NormalisedReport {
  const { spec, columns, periodColumn, measures } = layout;
  const file = basename(path);
  const problems: Problem[] = [];
  const row = (i: number) => grid.firstRow + i;
  const cell = (r: number, c: number) => grid.rows[r]?.[c] ?? null;
  const firstCell = (r: number) =>
    Math.max(
      0,
      grid.rows[r].findIndex((c) => c !== null),
    );
  const problem = (line: number, column: string, value: string | null, reason: string) => problems.push({ line, column, value, reason });
  const titleText = layout.metadata.map((m) => m.text).join('  ');
  const metaText = `${titleText}  ${file}`;
  const regions = names.get('region')!;

  // The province the file is for scopes its region names.
  const provinceHit = regions.namedIn(metaText, (c) => regions.isProvince(c));
  const province = provinceHit && provinceHit.codes.length === 1 ? provinceHit.codes[0] : null;

  // Units: a bracketed unit in a header wins; else the unit line; else the stored unit.
  const unitLines = layout.metadata.filter((m) => m.kind === 'unit');
  const tokens: { token: UnitToken; line: number; column: string }[] = [];
  for (const m of unitLines) {
    const r = m.row - grid.firstRow;
    for (const token of unitLine(m.text) ?? []) tokens.push({ token, line: m.row, column: columnLetter(firstCell(r)) });
  }
  const valueColumns = columns.filter((c) => c.kind === 'value' || c.kind === 'total');
  const labelOf = (target: string) => columns.find((c) => c.kind === 'label' && c.target === target);
  const measureLabel = labelOf(MEASURE);
  const present = measureLabel ? measures : measures.filter((m) => valueColumns.some((c) => (c.measure ?? soleMeasure()) === m.name));
  function soleMeasure(): string | undefined {
    return measures.length === 1 ? measures[0].name : undefined;
  }
  const storedUnit = (m: ColumnSpec) => m.unit?.zh ?? null;
  const unitByMeasure = new Map<string, UnitChoice>();
  for (const m of present) {
    const base = storedUnit(m);
    const matching = tokens.filter((t) => t.token.base === base || t.token.base === null);
    const exponents = [...new Set(matching.map((t) => t.token.exponent))];
    if (base === null && matching.some((t) => t.token.exponent !== 0)) {
      const t = matching.find((x) => x.token.exponent !== 0)!;
      problem(
        t.line,
        t.column,
        t.token.text,
        `ambiguous unit: the unit of ${m.name} depends on its indicator; state figures in the indicator's own unit`,
      );
    } else if (exponents.length > 1) {
      const t = matching[0];
      problem(
        t.line,
        t.column,
        matching.map((x) => x.token.text).join('/'),
        `ambiguous unit: ${m.name} (stored in ${base}) could be in ${matching.map((x) => x.token.text).join(' or ')}; declare one unit per column, e.g. 资金（万元）`,
      );
    } else if (matching.some((t) => t.token.base === null) && present.length > 1) {
      const t = matching.find((x) => x.token.base === null)!;
      problem(t.line, t.column, t.token.text, `ambiguous unit: ${t.token.text} names no unit and the file has ${present.length} measures`);
    }
    const chosen = matching[0];
    unitByMeasure.set(
      m.name,
      chosen && exponents.length === 1
        ? { exponent: chosen.token.exponent, declared: chosen.token.text, from: 'unit line' }
        : { exponent: 0, declared: null, from: 'stored unit' },
    );
  }
  const storedBases = new Set(present.map(storedUnit));
  for (const t of tokens) {
    const indicatorUnits = storedBases.has(null) && t.token.exponent === 0;
    if (t.token.base !== null && !storedBases.has(t.token.base) && !indicatorUnits) {
      const stored = [...storedBases].filter(Boolean).join(', ') || 'the indicator’s own unit';
      problem(t.line, t.column, t.token.text, `unit ${t.token.text} matches no column of ${spec.name} (stored in ${stored})`);
    }
  }
  const headerRow = row(layout.headerRows[layout.headerRows.length - 1]);
  const columnExponent = (c: ColumnRole, measure: string | undefined, rowUnit?: UnitToken): number => {
    const unit = c.unit ?? rowUnit;
    const m = measures.find((x) => x.name === measure);
    if (!unit || !m) return measure ? (unitByMeasure.get(measure)?.exponent ?? 0) : 0;
    return unit.exponent;
  };
  for (const c of valueColumns) {
    const m = measures.find((x) => x.name === (c.measure ?? soleMeasure()));
    if (c.unit && m && c.unit.base !== null && c.unit.base !== storedUnit(m)) {
      problem(
        headerRow,
        columnName(c),
        c.unit.text,
        `unit ${c.unit.text} is not a unit of ${m.name} (stored in ${storedUnit(m) ?? 'its indicator’s unit'})`,
      );
    }
    if (c.unit && m && storedUnit(m) === null && c.unit.exponent !== 0) {
      problem(headerRow, columnName(c), c.unit.text, `ambiguous unit: the unit of ${m.name} depends on its indicator`);
    }
  }

  // Period: a column of periods, periods as columns, or the title / file name.
  const periodType = periodColumn.type as PeriodType;
  const periodLabel = labelOf(periodColumn.name);
  const periodColumns = valueColumns.filter((c) => c.period);
  const periodLine = layout.metadata.find((m) => periodInText(m.text) !== null);
  const titlePeriod = periodLine ? periodInText(periodLine.text) : null;
  const filePeriod = periodInText(file);
  let period: FileUnderstanding['period'];
  let fixedPeriod: string | null = null;
  let yearForColumns: number | null = null;
  if (periodLabel) period = { from: 'column', text: columnName(periodLabel), values: [] };
  else if (periodColumns.length) {
    const text = `columns ${[...new Set(periodColumns.map((c) => columnLetter(c.index)))].join(', ')}`;
    period = { from: 'columns', text, values: [] };
    if (periodColumns.some((c) => c.period!.year === null)) {
      yearForColumns = titlePeriod?.year ?? filePeriod?.year ?? null;
      period.text = `${text}; year ${yearForColumns ?? '?'} from the ${titlePeriod ? 'title' : 'file name'}`;
      if (yearForColumns === null)
        problem(
          headerRow,
          columnName(periodColumns[0]),
          periodColumns[0].header,
          'the columns name no year and neither does the title nor the file name',
        );
    }
  } else {
    const from = titlePeriod ? 'title' : 'file name';
    const found = titlePeriod ?? filePeriod;
    const where = periodLine?.row ?? 0;
    const part = periodType === 'month' ? found?.month : periodType === 'quarter' ? found?.quarter : undefined;
    if (found?.range)
      problem(where, from, found.range, `the period ${found.range} spans several months; ${spec.name} needs one ${periodType} per row`);
    else if (!found || (periodType !== 'year' && part === undefined) || (periodType === 'year' && (found.month || found.quarter))) {
      problem(where, from, periodLine?.text ?? file, `no ${periodColumn.name} column, and the ${from} names no single ${periodType}`);
    } else fixedPeriod = periodText(periodType, found.year, part ?? null);
    period = { from, text: periodLine?.text ?? file, values: fixedPeriod ? [fixedPeriod] : [] };
  }

  // Keys: a column of names or codes, names as column headers, or named once in the title.
  const keyColumns = spec.columns.filter((c) => c.key && c !== periodColumn);
  const fromTitle: FileUnderstanding['fromTitle'] = [];
  const fixedKeys: Record<string, string> = {};
  for (const k of keyColumns) {
    if (labelOf(k.name) || valueColumns.some((c) => c.keys?.[k.name])) continue;
    const index = k.references ? names.get(k.references.table) : undefined;
    const hit = index?.namedIn(metaText);
    const titleRow = layout.metadata.find((m) => m.kind === 'title')?.row ?? headerRow;
    if (!hit)
      problem(titleRow, k.name, null, `no ${k.label.zh} (${k.name}) column, and the title names no ${k.references?.table ?? k.name}`);
    else if (hit.codes.length > 1)
      problem(
        titleRow,
        k.name,
        hit.name,
        resolutionReason(
          hit.name,
          { kind: 'ambiguous', candidates: hit.codes.map((code) => ({ code, place: index!.place(code) })) },
          index!.table,
          null,
        ),
      );
    else {
      fixedKeys[k.name] = hit.codes[0];
      fromTitle.push({ column: k.name, name: hit.name, code: hit.codes[0] });
    }
  }

  // Names in cells.
  const nameLog = new Map<string, FileUnderstanding['names'][number]>();
  const resolveCell = (k: ColumnSpec, text: string): { code: string; reason?: string } => {
    const index: NameIndex | undefined = k.references ? names.get(k.references.table) : undefined;
    if (!index) return { code: text };
    const scope = k.references!.table === 'region' ? province : null;
    const r = index.resolve(text, scope);
    if (r.kind === 'found') {
      if (r.how !== 'code') nameLog.set(`${k.name}\t${text}`, { column: k.name, name: text, code: r.code, how: r.how });
      return { code: r.code };
    }
    return { code: text, reason: resolutionReason(text, r, index.table, scope ? regions.place(scope) : null) };
  };

  // Rows: totals apart, each value cell placed by its row's labels and its column's header.
  const labels = columns.filter((c) => c.kind === 'label');
  const outputs = new Map<string, { line: number; values: Record<string, string | null>; cells: Map<string, number> }>();
  const origins: CellOrigin[] = [];
  const totalRows: { r: number; kind: 'total' | 'subtotal'; label: string }[] = [];
  const detailRows: number[] = [];
  const periodValues = new Set<string>();
  for (const r of layout.dataRows) {
    const total = labels.map((l) => cell(r, l.index)).find((t) => t !== null && totalKind(t) !== null);
    if (total) {
      totalRows.push({ r, kind: totalKind(total)!, label: total });
      continue;
    }
    detailRows.push(r);
    const line = row(r);
    const keys: Record<string, string | null> = { ...fixedKeys };
    const keyOrigins: CellOrigin[] = [];
    let rowMeasure: string | undefined;
    let rowUnit: UnitToken | undefined;
    for (const l of labels) {
      const text = cell(r, l.index);
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
      if (k === periodColumn) {
        keys[k.name] = text;
        keyOrigins.push({ line, column: k.name, written: text, label: columnName(l), value: text });
        continue;
      }
      const resolved = text === null ? { code: null } : resolveCell(k, text);
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
    for (const c of valueColumns) {
      if (c.kind === 'total') continue;
      const measure = c.measure ?? rowMeasure ?? soleMeasure();
      if (!measure) continue;
      const text = cell(r, c.index);
      const cellKeys = { ...keys };
      for (const [k, name] of Object.entries(c.keys ?? {})) {
        const resolved = resolveCell(
          spec.columns.find((x) => x.name === k)!,
          name,
        );
        cellKeys[k] = resolved.code;
      }
      if (c.period) cellKeys[periodColumn.name] = periodText(periodType, c.period.year ?? yearForColumns ?? 0, c.period.part);
      else if (fixedPeriod) cellKeys[periodColumn.name] = fixedPeriod;
      const id = JSON.stringify([periodColumn.name, ...keyColumns.map((k) => k.name)].map((k) => cellKeys[k] ?? null));
      let out = outputs.get(id);
      if (!out) {
        out = { line, values: { ...cellKeys }, cells: new Map() };
        outputs.set(id, out);
        for (const o of keyOrigins) origins.push({ ...o, line });
        if (!periodLabel) periodValues.add(cellKeys[periodColumn.name] ?? '');
      }
      const decimal = text === null ? null : parseDecimal(text);
      const written = decimal ? scaleText(decimal, columnExponent(c, measure, rowUnit)) : text;
      if (out.cells.has(measure) && (out.values[measure] ?? null) !== null && written !== null) {
        problem(
          line,
          columnName(c),
          text,
          `duplicate: row ${out.cells.get(measure)} already gives ${measure} for the same ${[periodColumn.name, ...keyColumns.map((k) => k.name)].join(', ')}`,
        );
        continue;
      }
      if (written === null && out.cells.has(measure)) continue;
      out.values[measure] = written;
      out.cells.set(measure, line);
      origins.push({ line: out.line, column: measure, written, label: columnName(c), value: text });
    }
  }
  const rows = [...outputs.values()].filter((o) => measures.some((m) => o.values[m.name] !== null && o.values[m.name] !== undefined));
  const kept = new Set(rows.map((o) => o.line));
  const keptOrigins = origins.filter((o) => kept.has(o.line));

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
      role: describeRole(c, soleMeasure(), unitByMeasure, periodType, yearForColumns),
    })),
    units: present.map((m) => ({
      measure: m.name,
      stored: storedUnit(m),
      declared: unitByMeasure.get(m.name)!.declared,
      factor: 10 ** unitByMeasure.get(m.name)!.exponent,
      from: unitByMeasure.get(m.name)!.from,
    })),
    period: { ...period, values: period.from === 'column' ? [] : [...periodValues].filter(Boolean).sort() },
    province: province ? { code: province, name: regions.place(province) } : null,
    fromTitle,
    names: [...nameLog.values()],
    totals,
    rows: { data: detailRows.length + totalRows.length, output: rows.length },
  };
  const outputColumns = [periodColumn.name, ...keyColumns.map((k) => k.name), ...measures.map((m) => m.name)];
  return {
    columns: outputColumns,
    rows: rows.map((o) => ({ line: o.line, values: o.values })),
    origins: keptOrigins,
    problems,
    understanding,
  };
}

const periodTypes = new Set(['month', 'quarter', 'year']);

function describeRole(
  c: ColumnRole,
  sole: string | undefined,
  units: Map<string, UnitChoice>,
  type: PeriodType,
  year: number | null,
): string {
  if (c.kind === 'ignored') return 'ignored';
  if (c.kind === 'label')
    return c.target === MEASURE
      ? 'measure of each row'
      : periodTypes.has(c.target!)
        ? `${c.target} of each row`
        : `${c.target} (names or codes)`;
  const measure = c.measure ?? sole;
  const parts: string[] = [];
  if (c.period) parts.push(`${type} ${periodText(type, c.period.year ?? year ?? 0, c.period.part)}`);
  for (const [k, name] of Object.entries(c.keys ?? {})) parts.push(`${k} = ${name}`);
  if (measure) {
    const exponent = c.unit ? c.unit.exponent : (units.get(measure)?.exponent ?? 0);
    parts.push(exponent ? `${measure} × ${(10 ** exponent).toLocaleString('en-US')}` : measure);
  } else parts.push('measure of each row');
  return c.kind === 'total' ? `total of ${parts.join(', ')} (checked, not stored)` : parts.join(', ');
}

/** Checks each total row against the rows it covers and each total column against the columns it sums. */
function checkTotals(
  grid: Grid,
  layout: ReportLayout,
  totalRows: { r: number; kind: 'total' | 'subtotal'; label: string }[],
  detailRows: number[],
  problems: Problem[],
): FileUnderstanding['totals'] {
  const row = (i: number) => grid.firstRow + i;
  const cell = (r: number, c: number) => grid.rows[r]?.[c] ?? null;
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
    const others = labels.filter((l) => cell(t.r, l.index) !== null && cell(t.r, l.index) !== t.label);
    const covered = detailRows.filter((r) => r > start && r < t.r && others.every((l) => cell(r, l.index) === cell(t.r, l.index)));
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
