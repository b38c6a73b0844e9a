import type { DatasetDescription } from '../../../core/wire.js';
import type { CatalogEntry } from '../api.js';

export type { Licence } from '../../../core/licences.js';
export type { ColumnRules, RowSource } from '../../../core/wire.js';

/** A dataset as GET /api/datasets describes it: a catalog entry with its table, rules, sources and licence. */
export type DatasetEntry = CatalogEntry & DatasetDescription;

/** An entry of either catalog: the dataset fields are there for datasets only. */
export type AnyEntry = CatalogEntry & Partial<Omit<DatasetEntry, keyof CatalogEntry>>;
