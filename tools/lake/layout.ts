import { datasets, type DatasetSpec } from '../../core/datasets/index.js';
import { quoteIdent } from '../../core/sql-text.js';

/** A Hive partition column of a lake table: its name in the folder path, its type, and how a row gives it. */
export interface PartitionColumn {
  name: string;
  type: 'SMALLINT' | 'VARCHAR';
  sql: string;
}

export interface LakeTable {
  name: string;
  kind: DatasetSpec['kind'];
  partitions: readonly PartitionColumn[];
  /** The rows written: the table's own columns, then the partition columns. */
  select: string;
}

/**
 * Fact tables split by province as well as by year: the two that hold a row per region and month (or quarter)
 * and grow with the detail reported (hundreds of thousands of rows in the default sample, tens of millions at
 * the benchmark scales), where one province's analyst reads a thirty-first of the data. The other facts are a few
 * thousand rows a year: a province split would make files of a few dozen rows. See docs/lake-export.md.
 */
const splitByProvince: ReadonlySet<string> = new Set(['training', 'labor_market']);

/** The year of a row, from the table's period column (a month or quarter is a DATE; a year is already one). */
function yearPartition(spec: DatasetSpec): PartitionColumn | null {
  const period = spec.columns.find((c) => c.type === 'month' || c.type === 'quarter' || c.type === 'year');
  if (!period) return null;
  const column = `f.${quoteIdent(period.name)}`;
  return { name: 'year', type: 'SMALLINT', sql: period.type === 'year' ? `${column}::SMALLINT` : `year(${column})::SMALLINT` };
}

const provincePartition: PartitionColumn = { name: 'province_code', type: 'VARCHAR', sql: 'r.province_code' };

function layoutOf(spec: DatasetSpec): LakeTable {
  const table = quoteIdent(spec.table);
  if (spec.kind === 'reference') return { name: spec.table, kind: spec.kind, partitions: [], select: `SELECT * FROM ${table}` };
  const year = yearPartition(spec);
  const byProvince = splitByProvince.has(spec.table) && spec.columns.some((c) => c.name === 'region_code');
  const partitions = [...(year ? [year] : []), ...(byProvince ? [provincePartition] : [])];
  // A period column named like its partition (year) leaves the files: the folder name carries it, as Hive does.
  const own = spec.columns.filter((c) => !partitions.some((p) => p.name === c.name)).map((c) => `f.${quoteIdent(c.name)}`);
  const derived = partitions.map((p) => `${p.sql} AS ${quoteIdent(p.name)}`);
  const join = byProvince ? ' LEFT JOIN region r ON r.region_code = f.region_code' : '';
  return { name: spec.table, kind: spec.kind, partitions, select: `SELECT ${[...own, ...derived].join(', ')} FROM ${table} f${join}` };
}

/** The lake's tables: every declared dataset whose table the snapshot holds, reference tables first. */
export function lakeTables(present: ReadonlySet<string>): LakeTable[] {
  return datasets.filter((spec) => present.has(spec.table)).map(layoutOf);
}
