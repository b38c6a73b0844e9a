import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { QueryDefinition } from '../queries/lib/define.js';
import { bindings } from '../queries/lib/run.js';
import { quoteLiteral } from '../ingest/sql-text.js';
import { encodeResult, type ResultMeta } from './encode/encode-result.js';
import { BufferSink, responseSink } from './encode/sink.js';
import { contentTypes, downloadName, type OutputFormat } from './format.js';

/** Runs a definition with bound values as a streaming result. */
function stream(connection: DuckDBConnection, definition: QueryDefinition, values: Record<string, unknown>) {
  const bound = bindings(definition, values as never);
  return connection.stream(definition.sql, bound.values, bound.types);
}

/** Writes the result as Parquet with DuckDB's own writer into a temporary file; the caller removes it. */
async function parquetFile(connection: DuckDBConnection, definition: QueryDefinition, values: Record<string, unknown>): Promise<string> {
  const path = join(tmpdir(), `talent-export-${randomUUID()}.parquet`);
  const bound = bindings(definition, values as never);
  await connection.run(`COPY (${definition.sql}\n) TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`, bound.values, bound.types);
  return path;
}

/** Encodes a whole (small) result into memory, for the result cache. */
export async function encodeToBuffer(connection: DuckDBConnection, definition: QueryDefinition, values: Record<string, unknown>, format: OutputFormat, meta: ResultMeta): Promise<{ body: Buffer; rows: number }> {
  if (format === 'parquet') {
    const path = await parquetFile(connection, definition, values);
    try {
      const { readFile } = await import('node:fs/promises');
      const rows = await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet(${quoteLiteral(path)})`);
      return { body: await readFile(path), rows: Number(rows.getRows()[0][0]) };
    } finally {
      await rm(path, { force: true });
    }
  }
  const sink = new BufferSink();
  const rows = await encodeResult(await stream(connection, definition, values), format, { ...meta, declared: definition.columns }, sink);
  return { body: sink.toBuffer(), rows };
}

export function downloadHeaders(format: OutputFormat, definition: QueryDefinition, values: Record<string, unknown>, snapshotId: string): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentTypes[format], 'X-Data-Version': snapshotId };
  if (format !== 'json') headers['Content-Disposition'] = `attachment; filename="${downloadName(definition.name, values, snapshotId, format)}"`;
  return headers;
}

/**
 * Streams a result of any size to the client: rows go out chunk by chunk as DuckDB produces them (Parquet:
 * DuckDB writes a temporary file that is then streamed). Returns the rows sent (null when unknown).
 */
export async function streamToResponse(res: Response, connection: DuckDBConnection, definition: QueryDefinition, values: Record<string, unknown>, format: OutputFormat, meta: ResultMeta, firstRows: () => void): Promise<number | null> {
  res.set(downloadHeaders(format, definition, values, meta.snapshot));
  if (format === 'parquet') {
    const path = await parquetFile(connection, definition, values);
    firstRows();
    try {
      res.set('Content-Length', String((await stat(path)).size));
      await pipeline(createReadStream(path), res);
      return null;
    } finally {
      await rm(path, { force: true });
    }
  }
  const result = await stream(connection, definition, values);
  firstRows();
  const rows = await encodeResult(result, format, { ...meta, declared: definition.columns }, responseSink(res));
  res.end();
  return rows;
}
