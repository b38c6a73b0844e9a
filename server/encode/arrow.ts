import {
  AsyncByteQueue,
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  type RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import { BatchBuilder } from './arrow-batch.js';
import type { ResultColumn } from './columns.js';
import type { Sink } from './sink.js';

/**
 * Rows per record batch: eight DuckDB chunks. Batches of 64k rows measured slower and took twice the memory;
 * batches of one 2,048-row chunk cost reader and writer dearly.
 */
export const BATCH_ROWS = 16_384;

/**
 * Text is dictionary-encoded: each column's distinct strings are sent once (and those a later batch adds, as
 * a delta), its rows as 32-bit indices — codes and names repeat on nearly every row of an export.
 */
function arrowType(column: ResultColumn, id: number): DataType {
  switch (column.kind) {
    case 'integer':
      return new Int64();
    case 'number':
      return new Float64();
    case 'boolean':
      return new Bool();
    case 'date':
      return new DateDay();
    default:
      return new Dictionary(new Utf8(), new Int32(), id);
  }
}

/** What a field's metadata says of it: its label, unit and description (JSON, both languages). */
export interface FieldDescription {
  name: string;
  label: unknown;
  unit?: unknown;
  description: unknown;
}

function fieldMetadata(description: FieldDescription | undefined): Map<string, string> | undefined {
  if (!description) return undefined;
  const { label, unit, description: text } = description;
  const entries: [string, string][] = [
    ['label', JSON.stringify(label)],
    ['description', JSON.stringify(text)],
  ];
  if (unit) entries.push(['unit', JSON.stringify(unit)]);
  return new Map(entries);
}

export function arrowSchema(
  columns: readonly ResultColumn[],
  metadata: Record<string, string>,
  described: readonly FieldDescription[] = [],
): Schema {
  return new Schema(
    columns.map((c, i) => new Field(c.name, arrowType(c, i), true, fieldMetadata(described.find((d) => d.name === c.name)))),
    new Map(Object.entries(metadata)),
  );
}

/** Collects the writer's output synchronously (the stock queue is only readable asynchronously). */
class ByteCollector extends AsyncByteQueue<Uint8Array> {
  private parts: Uint8Array[] = [];

  override write(bytes: Uint8Array): void {
    this.parts.push(bytes);
  }

  /** What was written since the last call: views of the batch's own arrays, not copies. */
  take(): Uint8Array[] {
    const taken = this.parts;
    this.parts = [];
    return taken;
  }
}

/**
 * Streams a result (shaped by select-list.ts for Arrow) as an Arrow IPC stream: the schema, then a record
 * batch each BATCH_ROWS rows or so. An empty result still carries its schema. Returns the rows written.
 */
export async function writeArrowStream(result: DuckDBResult, schema: Schema, sink: Sink, onFirstRows: () => void): Promise<number> {
  const collector = new ByteCollector();
  const writer = new RecordBatchStreamWriter();
  // reset() accepts an AsyncByteQueue as its sink; the collector is one.
  writer.reset(collector as unknown as Parameters<RecordBatchStreamWriter['reset']>[0], schema);
  const builder = new BatchBuilder(schema);
  // The sink resolves once the bytes are out, so the builder may then reuse its arrays for the next batch.
  const emit = async (batch: RecordBatch) => {
    writer.write(batch);
    await sink.write(collector.take());
  };
  let pending: DuckDBDataChunk[] = [];
  let pendingRows = 0;
  let rows = 0;
  // The next chunk is being fetched (on a libuv thread) while this one is copied.
  let next = result.fetchChunk();
  try {
    for (let chunk = await next; chunk && chunk.rowCount > 0; chunk = await next) {
      next = result.fetchChunk();
      if (rows === 0) onFirstRows();
      pending.push(chunk);
      pendingRows += chunk.rowCount;
      rows += chunk.rowCount;
      if (pendingRows >= BATCH_ROWS) {
        await emit(builder.build(pending, pendingRows));
        pending = [];
        pendingRows = 0;
      }
    }
  } finally {
    // Never leave a fetch pending on the connection (a failed write ends the loop early).
    await next.catch(() => null);
  }
  if (pendingRows > 0) await emit(builder.build(pending, pendingRows));
  if (rows === 0) {
    onFirstRows();
    await emit(builder.build([], 0));
  }
  writer.finish();
  await sink.write(collector.take());
  return rows;
}
