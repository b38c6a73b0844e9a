import type { DatasetSpec } from '../core/datasets/index.js';
import type { SourceFile } from './source-file.js';
import type { ColumnSource } from './validate.js';

/** A file opened and matched to a dataset: which column of the file feeds which column of the dataset. */
export interface PlannedFile {
  source: SourceFile;
  spec: DatasetSpec;
  sources: ColumnSource[];
  ignoredHeaders: string[];
}
