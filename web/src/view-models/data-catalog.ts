import type { ColumnType } from '../../../core/datasets/types.js';
import type { Licence } from '../../../core/licences.js';
import type { CatalogEntry } from '../api.js';

export type { Licence } from '../../../core/licences.js';

/** The rules of an export column that is a column of the dataset's own table (server/catalog.ts builds them). */
export interface ColumnRules {
  stored_as: ColumnType;
  key: boolean;
  required: boolean;
  min?: number;
  max?: number;
  allowed?: readonly string[];
  references?: { table: string; column: string; also_allowed?: readonly string[] };
}

/** Where rows of a dataset come from: a value of its `source` column or a documented reference source. */
export interface RowSource {
  name: string | null;
  title: string;
  path: string;
  licence: Licence;
  synthetic: boolean;
  rows: number | null;
}

/** A dataset as GET /api/datasets describes it: a catalog entry with its table, rules, sources and licence. */
export interface DatasetEntry extends CatalogEntry {
  table: string | null;
  grain: string | null;
  rules: Record<string, ColumnRules>;
  sources: RowSource[];
  licence: Licence | null;
}

/** An entry of either catalog: the dataset fields are there for datasets only. */
export type AnyEntry = CatalogEntry & Partial<Omit<DatasetEntry, keyof CatalogEntry>>;
