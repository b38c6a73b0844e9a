import type { Response } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryDefinition } from '../queries/lib/define.js';
import { bindings } from '../queries/lib/run.js';
import { sqlOf } from '../queries/lib/sql-file.js';
import type { BoundQuery } from './encode/bound-query.js';
import { probeColumns, type ResultColumn } from './encode/columns.js';
import { encodeQuery } from './encode/encode-result.js';
import type { ResultMeta } from './encode/meta.js';
import { BufferSink, responseSink, type Sink } from './encode/sink.js';
import { contentTypes, downloadName, type OutputFormat } from './format.js';

function boundQuery(definition: QueryDefinition, values: Record<string, unknown>): BoundQuery {
  const bound = bindings(definition, values as never);
  return { sql: sqlOf(definition), values: bound.values, types: bound.types };
}

/** Result columns by definition, for the snapshot they were found on (a new snapshot may change a type). */
const probed = new WeakMap<QueryDefinition, { snapshot: string; columns: Promise<ResultColumn[]> }>();

function resultColumns(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  query: BoundQuery,
  snapshot: string,
): Promise<ResultColumn[]> {
  const known = probed.get(definition);
  // Another request's probe failing (its connection interrupted) is no reason for this one to fail.
  if (known?.snapshot === snapshot) return known.columns.catch(() => probeColumns(connection, query));
  const columns = probeColumns(connection, query);
  probed.set(definition, { snapshot, columns });
  // A failed probe (e.g. a timeout) is not remembered.
  columns.catch(() => probed.get(definition)?.columns === columns && probed.delete(definition));
  return columns;
}

async function encode(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  format: OutputFormat,
  meta: ResultMeta,
  sink: Sink,
  firstRows?: () => void,
): Promise<number> {
  const query = boundQuery(definition, values);
  const columns = await resultColumns(connection, definition, query, meta.snapshot);
  return encodeQuery(connection, query, columns, format, { ...meta, declared: definition.columns }, sink, firstRows);
}

/** Encodes a whole (small) result into memory, for the result cache. */
export async function encodeToBuffer(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  format: OutputFormat,
  meta: ResultMeta,
): Promise<{ body: Buffer; rows: number }> {
  const sink = new BufferSink();
  const rows = await encode(connection, definition, values, format, meta, sink);
  return { body: sink.toBuffer(), rows };
}

export function downloadHeaders(
  format: OutputFormat,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  snapshotId: string,
): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentTypes[format], 'X-Data-Version': snapshotId };
  if (format !== 'json')
    headers['Content-Disposition'] = `attachment; filename="${downloadName(definition.name, values, snapshotId, format)}"`;
  return headers;
}

/**
 * Streams a result of any size to the client as it is produced (CSV, JSON, Parquet: from the file DuckDB is
 * writing; Arrow: record batches built from the result's chunks), never holding the whole of it in memory.
 * Calls firstRows once rows flow. Returns the rows sent.
 */
export async function streamToResponse(
  res: Response,
  connection: DuckDBConnection,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  format: OutputFormat,
  meta: ResultMeta,
  firstRows: () => void,
): Promise<number> {
  res.set(downloadHeaders(format, definition, values, meta.snapshot));
  const rows = await encode(connection, definition, values, format, meta, responseSink(res), firstRows);
  res.end();
  return rows;
}
