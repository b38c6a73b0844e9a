import type { ColumnSpec } from '../../core/datasets/index.js';
import type { Problem } from '../problem.js';
import { columnLetter, type Grid } from './grid.js';
import { columnName, type ColumnRole, type ReportLayout } from './layout.js';
import type { FileUnderstanding } from './understanding.js';
import { unitLine, type UnitToken } from './vocabulary.js';

export interface UnitPlan {
  /** Power of ten a cell is multiplied by: its column's bracketed unit, its row's (指标 资金（万元）), else its measure's. */
  exponent(column: ColumnRole, measure: string, rowUnit?: UnitToken): number;
  summary: FileUnderstanding['units'];
}

const storedUnit = (m: ColumnSpec): string | null => m.unit?.zh ?? null;

/**
 * Works out the unit of each measure: a bracketed unit in a header wins, then the unit line (单位：人次、人、万元:
 * each unit applies to the measures stored in its base unit), else the stored unit. Anything that could be read
 * two ways is a problem, never a guess.
 */
export function planUnits(grid: Grid, layout: ReportLayout, present: readonly ColumnSpec[], problems: Problem[]): UnitPlan {
  const { measures, columns } = layout;
  const problem = (line: number, column: string, value: string, reason: string) => problems.push({ line, column, value, reason });
  const tokens: { token: UnitToken; line: number; column: string }[] = [];
  for (const m of layout.metadata.filter((x) => x.kind === 'unit')) {
    const first = Math.max(
      0,
      grid.rows[m.row - grid.firstRow].findIndex((c) => c !== null),
    );
    for (const token of unitLine(m.text) ?? []) tokens.push({ token, line: m.row, column: columnLetter(first) });
  }
  const sole = measures.length === 1 ? measures[0].name : undefined;
  const valueColumns = columns.filter((c) => c.kind === 'value' || c.kind === 'total');
  const headerRow = grid.firstRow + layout.headerRows[layout.headerRows.length - 1];

  const byMeasure = new Map<string, FileUnderstanding['units'][number]>();
  for (const m of present) {
    const base = storedUnit(m);
    const fromHeader = valueColumns.find((c) => (c.measure ?? sole) === m.name && c.unit)?.unit;
    const matching = tokens.filter((t) => t.token.base === base || t.token.base === null);
    const exponents = [...new Set(matching.map((t) => t.token.exponent))];
    const scaled = matching.find((x) => x.token.exponent !== 0);
    if (base === null && scaled) {
      problem(
        scaled.line,
        scaled.column,
        scaled.token.text,
        `ambiguous unit: the unit of ${m.name} depends on its indicator; state figures in the indicator's own unit`,
      );
    } else if (exponents.length > 1) {
      const declared = matching.map((x) => x.token.text);
      problem(
        matching[0].line,
        matching[0].column,
        declared.join('/'),
        `ambiguous unit: ${m.name} (stored in ${base}) could be in ${declared.join(' or ')}; declare one unit per column, e.g. 资金（万元）`,
      );
    }
    const declared = fromHeader
      ? { declared: fromHeader.text, exponent: fromHeader.exponent, from: 'header' as const }
      : matching.length > 0 && exponents.length === 1
        ? { declared: matching[0].token.text, exponent: exponents[0], from: 'unit line' as const }
        : { declared: null, exponent: 0, from: 'stored unit' as const };
    byMeasure.set(m.name, {
      measure: m.name,
      stored: base,
      declared: declared.declared,
      factor: 10 ** declared.exponent,
      from: declared.from,
    });
  }

  const bare = tokens.find((x) => x.token.base === null);
  if (bare && present.length > 1) {
    problem(
      bare.line,
      bare.column,
      bare.token.text,
      `ambiguous unit: ${bare.token.text} names no unit and the file has ${present.length} measures`,
    );
  }
  const storedBases = new Set(present.map(storedUnit));
  for (const t of tokens) {
    const indicatorUnit = storedBases.has(null) && t.token.exponent === 0;
    if (t.token.base !== null && !storedBases.has(t.token.base) && !indicatorUnit) {
      const stored = [...storedBases].filter(Boolean).join(', ') || 'the indicator’s own unit';
      problem(t.line, t.column, t.token.text, `unit ${t.token.text} matches no column of ${layout.spec.name} (stored in ${stored})`);
    }
  }
  for (const c of valueColumns) {
    const m = measures.find((x) => x.name === (c.measure ?? sole));
    if (!c.unit || !m) continue;
    if (c.unit.base !== null && c.unit.base !== storedUnit(m)) {
      problem(
        headerRow,
        columnName(c),
        c.unit.text,
        `unit ${c.unit.text} is not a unit of ${m.name} (stored in ${storedUnit(m) ?? 'its indicator’s unit'})`,
      );
    } else if (storedUnit(m) === null && c.unit.exponent !== 0) {
      problem(headerRow, columnName(c), c.unit.text, `ambiguous unit: the unit of ${m.name} depends on its indicator`);
    }
  }

  const lineExponent = (measure: string) => {
    const choice = byMeasure.get(measure);
    return choice && choice.from === 'unit line' ? Math.round(Math.log10(choice.factor)) : 0;
  };
  return {
    exponent: (column, measure, rowUnit) => (column.unit ?? rowUnit)?.exponent ?? lineExponent(measure),
    summary: [...byMeasure.values()],
  };
}
