import type { DuckDBConnection } from '@duckdb/node-api';
import { arrowSchema, writeArrowStream } from './arrow.js';
import type { BoundQuery } from './bound-query.js';
import type { ResultColumn } from './columns.js';
import { copyThroughFile } from './copy-file.js';
import { BOM, csvCopyOptions } from './csv.js';
import { jsonCopyOptions, jsonHead, jsonTail } from './json.js';
import type { ResultMeta } from './meta.js';
import { shapeQuery } from './select-list.js';
import type { Sink } from './sink.js';

export type EncodeFormat = 'json' | 'csv' | 'arrow' | 'parquet';

/**
 * DuckDB's Parquet writer; zstd keeps exports small at little cost. A row group is encoded by one thread, so
 * groups of 32,768 rows (not 122,880) let a 100,000-row export use every core: ~30% faster, ~8% larger.
 */
const parquetCopyOptions = 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 32768';

/**
 * Runs a query and encodes its result into the sink, streaming: CSV, JSON and Parquet are written by
 * DuckDB itself (copy-file.ts), Arrow is built in JS from the result's chunks (arrow.ts). `columns` are the
 * query's own (columns.ts probeColumns). Calls onFirstRows once rows flow, just before the first bytes are
 * written. Returns the number of rows.
 */
export async function encodeQuery(
  connection: DuckDBConnection,
  query: BoundQuery,
  columns: readonly ResultColumn[],
  format: EncodeFormat,
  meta: ResultMeta,
  sink: Sink,
  onFirstRows: () => void = () => {},
): Promise<number> {
  switch (format) {
    case 'csv':
      return copyThroughFile(connection, shapeQuery(query, columns, 'csv'), csvCopyOptions, sink, onFirstRows, BOM);
    case 'json': {
      const rows = await copyThroughFile(
        connection,
        shapeQuery(query, columns, 'json'),
        jsonCopyOptions,
        sink,
        onFirstRows,
        jsonHead(columns, meta),
      );
      await sink.write(jsonTail(rows));
      return rows;
    }
    case 'parquet':
      return copyThroughFile(connection, query, parquetCopyOptions, sink, onFirstRows);
    case 'arrow': {
      const schema = arrowSchema(columns, { name: meta.name, snapshot: meta.snapshot, params: JSON.stringify(meta.params) });
      const shaped = shapeQuery(query, columns, 'arrow');
      const result = await connection.stream(shaped.sql, shaped.values, shaped.types);
      return writeArrowStream(result, schema, sink, onFirstRows);
    }
  }
}
