import type { ResultColumn } from './columns.js';
import type { ResultMeta } from './meta.js';

/**
 * DuckDB's JSON writer as one array of row objects: integers as numbers, dates as "YYYY-MM-DD", text
 * escaped. Each row is on its own line; JSON allows that whitespace.
 */
export const jsonCopyOptions = 'FORMAT json, ARRAY true';

/** The response body before the rows: what was asked for, from which snapshot, the columns, and the provenance (`meta`). */
export function jsonHead(columns: readonly ResultColumn[], meta: ResultMeta): string {
  const described = columns.map((c) => {
    const declared = meta.declared?.find((d) => d.name === c.name);
    return { name: c.name, type: declared?.type ?? c.kind, label: declared?.label, unit: declared?.unit };
  });
  return `{"name":${JSON.stringify(meta.name)},"snapshot":${JSON.stringify(meta.snapshot)},"params":${JSON.stringify(meta.params)},"columns":${JSON.stringify(described)},${meta.provenance ? `"meta":${JSON.stringify(meta.provenance)},` : ''}"rows":`;
}

export const jsonTail = (rows: number): string => `,"row_count":${rows}}`;
