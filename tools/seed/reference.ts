import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DatasetSpec } from '../../core/datasets/index.js';
import { sqlType } from '../../core/column-sql.js';
import { quoteIdent } from '../../core/sql-text.js';
import { competitionEvent, field, occupation, program, region, regionZone, target, zoneOccupation } from '../../core/datasets/reference.js';

/** Reference tables the generator draws codes and weights from; `optional` ones may be absent (then empty). */
const needed: readonly { spec: DatasetSpec; optional: boolean }[] = [
  { spec: region, optional: false },
  { spec: program, optional: false },
  { spec: field, optional: false },
  { spec: occupation, optional: false },
  { spec: competitionEvent, optional: false },
  { spec: regionZone, optional: true },
  { spec: zoneOccupation, optional: true },
  { spec: target, optional: true },
];

/** Typed projection of the spec's columns over an all-text read; blank cells become NULL. */
function projection(spec: DatasetSpec, present: ReadonlySet<string>): string {
  return spec.columns
    .map((c) => {
      const text = present.has(c.name) ? `nullif(trim(${quoteIdent(c.name)}), '')` : 'NULL';
      return `TRY_CAST(${text} AS ${sqlType[c.type]}) AS ${quoteIdent(c.name)}`;
    })
    .join(',\n  ');
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

/**
 * Loads each reference CSV into a table `ref_<name>` typed as its dataset declares (codes stay text).
 * Columns the file lacks are NULL, so a reference file with fewer optional columns still works.
 */
export async function loadReference(connection: DuckDBConnection, referenceDir: string): Promise<void> {
  for (const { spec, optional } of needed) {
    const path = join(referenceDir, `${spec.name}.csv`);
    const table = quoteIdent(`ref_${spec.name}`);
    if (!(await exists(path))) {
      if (!optional) throw new Error(`${path}: reference file missing (needed to generate sample data)`);
      await connection.run(`CREATE TABLE ${table} AS SELECT ${projection(spec, new Set())} FROM range(0)`);
      continue;
    }
    const header = await connection.runAndReadAll('SELECT * FROM read_csv($1, all_varchar = true, header = true) LIMIT 0', [path]);
    const present = new Set(header.columnNames());
    await connection.run(
      `CREATE TABLE ${table} AS SELECT ${projection(spec, present)} FROM read_csv($1, all_varchar = true, header = true)`,
      [path],
    );
  }
}
