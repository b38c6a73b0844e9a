import { licenceOfSource, mit, referenceSources, sampleSource, type DataSource, type Licence } from '../../core/licences.js';
import { quoteIdent } from '../../core/sql-text.js';

/** Where a lake table's rows come from and under which licence; `rows` where the table names its source row by row. */
export interface TableSource {
  title: string;
  path: string | null;
  licence: Licence;
  rows?: number;
  /** True for the generated sample: its figures are not real. */
  synthetic: boolean;
}

/** A source as a table names it on its rows, with how many rows name it. */
export interface RowSource {
  title: string;
  path: string | null;
  rows: number;
}

/** The reference tables written by hand or generated in this repository (docs/reference-data.md), under its licence. */
const projectReference: DataSource = {
  title: 'talent-dashboard reference tables (compiled from the actions and public classifications; see docs/reference-data.md)',
  path: 'docs/reference-data.md',
  licence: mit,
};

/**
 * The query counting a table's rows by the source they name (title, path, rows), or null when its rows name none:
 * facts and targets have `source`, the published figures `source_title` and `source_url`. Region's `source` names
 * the inputs of its build, whose licences are listed in core/licences.ts instead.
 */
export function rowSourceQuery(table: string, columns: readonly string[]): string | null {
  const from = `FROM ${quoteIdent(table)} GROUP BY ALL ORDER BY rows DESC, title`;
  if (columns.includes('source_title') && columns.includes('source_url')) {
    return `SELECT source_title AS title, source_url AS path, count(*) AS rows ${from}`;
  }
  if (columns.includes('source') && table !== 'region') return `SELECT source AS title, NULL::VARCHAR AS path, count(*) AS rows ${from}`;
  return null;
}

const fromDataSource = (source: DataSource): TableSource => ({ ...source, synthetic: false });

/**
 * The sources of a table. Rows that name their source: the synthetic sample is CC0 and says it is not real; any
 * other source is reused on its own terms. Regions are built from the public sources in core/licences.ts; the
 * other reference tables are the repository's own.
 */
export function tableSources(table: string, rowSources: readonly RowSource[] | null): TableSource[] {
  if (rowSources) {
    return rowSources.map(({ title, path, rows }) =>
      title === 'synthetic' && path === null
        ? { ...sampleSource, rows, synthetic: true }
        : { title, path, licence: licenceOfSource(title), rows, synthetic: false },
    );
  }
  return table === 'region' ? referenceSources.map(fromDataSource) : [fromDataSource(projectReference)];
}
