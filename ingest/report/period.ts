import { basename } from 'node:path';
import type { Problem } from '../problem.js';
import { columnLetter, type Grid } from './grid.js';
import { columnName, type ReportLayout } from './layout.js';
import type { FileUnderstanding } from './understanding.js';
import { periodInText, periodText, type PeriodType } from './vocabulary.js';

export interface PeriodPlan {
  type: PeriodType;
  understanding: FileUnderstanding['period'];
  /** The one period of every row, when it comes from the title or the file name. */
  fixed: string | null;
  /** The year of period columns that name only a month or quarter (1月, 一季度). */
  yearForColumns: number | null;
}

/** Where the period comes from: a column of periods, periods as columns, or the title / file name (in that order). */
export function planPeriod(grid: Grid, layout: ReportLayout, path: string, problems: Problem[]): PeriodPlan {
  const { spec, periodColumn, columns } = layout;
  const file = basename(path);
  const type = periodColumn.type as PeriodType;
  const problem = (line: number, column: string, value: string | null, reason: string) => problems.push({ line, column, value, reason });
  const headerRow = grid.firstRow + layout.headerRows[layout.headerRows.length - 1];
  const periodLine = layout.metadata.find((m) => periodInText(m.text) !== null);
  const inTitle = periodLine ? periodInText(periodLine.text) : null;
  const inFileName = periodInText(file);

  const label = columns.find((c) => c.kind === 'label' && c.target === periodColumn.name);
  if (label) return { type, understanding: { from: 'column', text: columnName(label), values: [] }, fixed: null, yearForColumns: null };

  const periodColumns = columns.filter((c) => (c.kind === 'value' || c.kind === 'total') && c.period);
  if (periodColumns.length) {
    let text = `columns ${[...new Set(periodColumns.map((c) => columnLetter(c.index)))].join(', ')}`;
    let yearForColumns: number | null = null;
    if (periodColumns.some((c) => c.period!.year === null)) {
      yearForColumns = inTitle?.year ?? inFileName?.year ?? null;
      text += `; year ${yearForColumns ?? '?'} from the ${inTitle ? 'title' : 'file name'}`;
      if (yearForColumns === null) {
        problem(
          headerRow,
          columnName(periodColumns[0]),
          periodColumns[0].header,
          'the columns name no year and neither does the title nor the file name',
        );
      }
    }
    return { type, understanding: { from: 'columns', text, values: [] }, fixed: null, yearForColumns };
  }

  const from = inTitle ? 'title' : 'file name';
  const found = inTitle ?? inFileName;
  // A file name has no row: row 0 stands for it.
  const line = periodLine?.row ?? 0;
  const part = type === 'month' ? found?.month : type === 'quarter' ? found?.quarter : undefined;
  let fixed: string | null = null;
  if (found?.range) {
    problem(line, from, found.range, `the period ${found.range} spans several months; ${spec.name} needs one ${type} per row`);
  } else if (!found || (type !== 'year' && part === undefined) || (type === 'year' && (found.month || found.quarter))) {
    problem(line, from, periodLine?.text ?? file, `no ${periodColumn.name} column, and the ${from} names no single ${type}`);
  } else {
    fixed = periodText(type, found.year, part ?? null);
  }
  return { type, understanding: { from, text: periodLine?.text ?? file, values: fixed ? [fixed] : [] }, fixed, yearForColumns: null };
}
