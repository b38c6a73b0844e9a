import { basename } from 'node:path';
import { datasets, isRequired, type ColumnSpec, type DatasetSpec } from '../core/datasets/index.js';

/** Folds a header for matching: full-width → half-width, case, spaces, underscores, hyphens and brackets. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）[\]]/g, '');
}

export interface HeaderMapping {
  /** Dataset column name → the file's header. */
  columns: Map<string, string>;
  missingRequired: ColumnSpec[];
  /** Headers of the file that no declared column accepts. */
  ignored: string[];
}

export function mapHeaders(spec: DatasetSpec, headers: readonly string[]): HeaderMapping {
  const byNormalized = new Map(headers.map((h) => [normalizeHeader(h), h] as const));
  const columns = new Map<string, string>();
  for (const column of spec.columns) {
    const candidates = [column.name, ...(column.aliases ?? [])].map(normalizeHeader);
    const header = candidates.map((c) => byNormalized.get(c)).find((h) => h !== undefined);
    if (header !== undefined) columns.set(column.name, header);
  }
  const used = new Set(columns.values());
  return {
    columns,
    missingRequired: spec.columns.filter((c) => isRequired(c) && !columns.has(c.name) && !c.defaultFromFile),
    ignored: headers.filter((h) => !used.has(h) && !h.startsWith('__')),
  };
}

/**
 * Recognises a file's dataset by its headers: the datasets whose required columns are all present, best
 * match first; the file's name breaks ties (training.csv is training).
 */
export function detectDataset(path: string, headers: readonly string[]): DatasetSpec {
  const stem = basename(path).toLowerCase().replace(/\..*$/, '');
  const candidates = datasets
    .map((spec) => ({ spec, mapping: mapHeaders(spec, headers) }))
    .filter(({ mapping }) => mapping.missingRequired.length === 0)
    .map(({ spec, mapping }) => ({ spec, score: mapping.columns.size - mapping.ignored.length + (stem === spec.name ? 0.5 : 0) }))
    .sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  if (!best) {
    throw new Error(
      `${path}: the columns (${headers.join(', ')}) match no dataset; name it with --dataset (one of ${datasets.map((d) => d.name).join(', ')})`,
    );
  }
  if (second && second.score === best.score) {
    throw new Error(`${path}: the columns match both '${best.spec.name}' and '${second.spec.name}'; choose with --dataset`);
  }
  return best.spec;
}
