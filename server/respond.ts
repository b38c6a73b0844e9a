import type { Request, Response } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryDefinition } from '../queries/lib/define.js';
import { bindings } from '../queries/lib/run.js';
import { sqlOf } from '../queries/lib/sql-file.js';
import type { BoundQuery } from './encode/bound-query.js';
import { probeColumns, type ResultColumn } from './encode/columns.js';
import { encodeQuery } from './encode/encode-result.js';
import type { ResultMeta } from './encode/meta.js';
import type { TempSpace } from './export-gate.js';
import { HttpProblem } from './problem.js';
import { BufferSink, responseSink, type Sink } from './encode/sink.js';
import { contentTypes, downloadName, sameRequestAs, type DataFormat, type OutputOptions } from './format.js';
import { buildProvenance, type Provenance, type RequestKind } from './provenance.js';

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

/** Runs a catalog query or export and encodes its rows into the sink. Returns the rows written. */
export async function encodeResult(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  format: DataFormat,
  meta: ResultMeta,
  sink: Sink,
  firstRows?: () => void,
  temp?: TempSpace,
): Promise<number> {
  const query = boundQuery(definition, values);
  const columns = await resultColumns(connection, definition, query, meta.snapshot);
  return encodeQuery(connection, query, columns, format, { ...meta, declared: definition.columns }, sink, firstRows, temp);
}

/** What a result is for the provenance document: which request, on which snapshot. */
export interface ResultRequest {
  kind: RequestKind;
  definition: QueryDefinition;
  values: Record<string, unknown>;
  snapshot: string;
  url: string;
}

/** The provenance of a request (count: also count its rows, for the sidecar and the data package). */
export function provenanceOf(
  connection: DuckDBConnection,
  request: ResultRequest,
  lang: OutputOptions['lang'],
  count = false,
): Promise<Provenance> {
  return buildProvenance(connection, { ...request, lang, query: boundQuery(request.definition, request.values), count });
}

/** The provenance a data format carries: all but CSV (whose sidecar has it), unless meta=false. */
export const carriesProvenance = (format: DataFormat, options: OutputOptions): boolean => format !== 'csv' && options.meta;

/** Encodes a whole (small) result into memory, for the result cache. */
export async function encodeToBuffer(
  connection: DuckDBConnection,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  format: DataFormat,
  meta: ResultMeta,
): Promise<{ body: Buffer; rows: number }> {
  const sink = new BufferSink();
  const rows = await encodeResult(connection, definition, values, format, meta, sink);
  return { body: sink.toBuffer(), rows };
}

export function downloadHeaders(
  format: DataFormat,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  snapshotId: string,
): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentTypes[format], 'X-Data-Version': snapshotId };
  if (format !== 'json')
    headers['Content-Disposition'] = `attachment; filename="${downloadName(definition.name, values, snapshotId, format)}"`;
  return headers;
}

/** Headers that point from a CSV to its provenance document (the same request with format=provenance). */
export function provenanceLinkHeaders(req: Request, format: DataFormat, lang: OutputOptions['lang']): Record<string, string> {
  if (format !== 'csv') return {};
  return {
    Link: `<${sameRequestAs(req, 'provenance')}>; rel="describedby"; type="application/json"`,
    ...(lang ? { 'Content-Language': lang } : {}),
  };
}

/**
 * Streams a result of any size to the client as it is produced (CSV, JSON, Parquet: from the file DuckDB is
 * writing; Arrow: record batches built from the result's chunks), never holding the whole of it in memory.
 * Calls firstRows once rows flow. Returns the rows sent.
 *
 * A failure before the first bytes is thrown (the client gets a problem response). A failure after them (the temporary
 * space full, the engine's error) destroys the connection before rethrowing: the body is then never ended cleanly (no
 * final chunk), so that every HTTP client reports an incomplete response rather than a short file behind a 200.
 */
export async function streamToResponse(
  res: Response,
  connection: DuckDBConnection,
  definition: QueryDefinition,
  values: Record<string, unknown>,
  format: DataFormat,
  meta: ResultMeta,
  firstRows: () => void,
  temp?: TempSpace,
): Promise<number> {
  res.set(downloadHeaders(format, definition, values, meta.snapshot));
  try {
    const rows = await encodeResult(connection, definition, values, format, meta, responseSink(res), firstRows, temp);
    res.end();
    return rows;
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
      // Nobody can be answered any more; the operator is told why the download was cut off.
      if (error instanceof HttpProblem)
        console.warn(JSON.stringify({ time: new Date().toISOString(), stopped: res.req.originalUrl.slice(0, 200), reason: error.title }));
    }
    throw error;
  }
}
