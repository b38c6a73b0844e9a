import type { PlannedFile } from '../planned-file.js';

/**
 * How a file was understood: a plain, JSON-serialisable object that the command line prints (--dry-run) and
 * that the ingest log keeps (table ingest_layout); a web submission shows the same object.
 */
export interface FileUnderstanding {
  /** table: a header in the first row and codes (read as is); report: a report form normalised first. */
  layout: 'table' | 'report';
  dataset: string;
  sheet: string | null;
  /** Row numbers of the original file. */
  headerRows: number[];
  /** Title, unit and note lines above the header. */
  metadata: { row: number; text: string; kind: 'title' | 'unit' | 'note' }[];
  /** Lines after the data, not read as data. */
  footnotes: { row: number; text: string }[];
  /** Each column of the file and what it became. */
  columns: { column: string; header: string; role: string }[];
  /** The unit of each measure as declared, and the factor its values were multiplied by to reach the stored unit. */
  units: {
    measure: string;
    stored: string | null;
    declared: string | null;
    factor: number;
    from: 'header' | 'unit line' | 'stored unit';
  }[];
  /** Where the period comes from. */
  period: { from: 'column' | 'columns' | 'title' | 'file name'; text: string; values: string[] };
  /** Province the region names were looked up in (from the title or file name). */
  province: { code: string; name: string } | null;
  /** Keys given once for the whole file by its title. */
  fromTitle: { column: string; name: string; code: string }[];
  /** Each distinct name found in the cells and the code it resolved to. */
  names: { column: string; name: string; code: string; how: string }[];
  /** Total rows and columns, checked and not stored. */
  totals: { row: number | null; column: string | null; label: string; covers: string; checked: number; mismatches: number }[];
  /** Data rows of the file and the rows they make. */
  rows: { data: number; output: number } | null;
}

/** A plain table read as is: its header in row 1, each header mapped to a column of the dataset. */
export function tableUnderstanding(plan: PlannedFile): FileUnderstanding {
  const mapped = plan.sources.filter((s) => s.header !== null);
  return {
    layout: 'table',
    dataset: plan.spec.name,
    sheet: null,
    headerRows: plan.source.position === 'row' ? [1] : [],
    metadata: [],
    footnotes: [],
    columns: [
      ...mapped.map((s) => ({ column: s.header!, header: s.header!, role: s.column.name })),
      ...plan.ignoredHeaders.map((h) => ({ column: h, header: h, role: 'ignored' })),
    ],
    units: [],
    period: {
      from: 'column',
      text: mapped.find((s) => ['month', 'quarter', 'year'].includes(s.column.type) && s.column.key)?.header ?? '',
      values: [],
    },
    province: null,
    fromTitle: [],
    names: [],
    totals: [],
    rows: null,
  };
}
