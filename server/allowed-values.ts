import type { DuckDBConnection } from '@duckdb/node-api';
import type { AllowedFrom } from '../queries/lib/params.js';
import { quoteIdent } from '../core/sql-text.js';

/**
 * The codes a parameter may take, read from the reference tables of a snapshot and kept per snapshot.
 * Table, column and condition come from the query definitions, never from a request.
 */
export class AllowedValues {
  private cache = new Map<string, Promise<string[]>>();

  get(snapshotId: string, connection: DuckDBConnection, from: AllowedFrom): Promise<string[]> {
    const key = `${snapshotId}|${from.table}|${from.column}|${from.where ?? ''}`;
    let values = this.cache.get(key);
    if (!values) {
      const where = from.where ? ` WHERE ${from.where}` : '';
      values = connection
        .runAndReadAll(`SELECT DISTINCT ${quoteIdent(from.column)}::VARCHAR FROM ${quoteIdent(from.table)}${where} ORDER BY 1`)
        .then((r) => r.getRows().map((row) => String(row[0])));
      values.catch(() => this.cache.delete(key));
      this.cache.set(key, values);
    }
    return values;
  }

  retainSnapshot(snapshotId: string): void {
    for (const key of this.cache.keys()) if (!key.startsWith(`${snapshotId}|`)) this.cache.delete(key);
  }
}
