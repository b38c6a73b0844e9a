import { AsyncByteQueue, Bool, DateDay, Float64, Int64, RecordBatch, RecordBatchStreamWriter, Schema, Field, Struct, Utf8, makeData, vectorFromArray, type DataType } from 'apache-arrow';
import type { Cell, ResultColumn } from './columns.js';

function arrowType(column: ResultColumn): DataType {
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
      return new Utf8();
  }
}

export function arrowSchema(columns: readonly ResultColumn[], metadata: Record<string, string>): Schema {
  return new Schema(
    columns.map((c) => new Field(c.name, arrowType(c), true)),
    new Map(Object.entries(metadata)),
  );
}

function vector(cells: Cell[], column: ResultColumn, type: DataType) {
  switch (column.kind) {
    case 'integer':
      return vectorFromArray(cells.map((c) => (c === null ? null : BigInt(c as number))), type);
    case 'date':
      return vectorFromArray(cells.map((c) => (c === null ? null : new Date(`${c as string}T00:00:00Z`))), type);
    default:
      return vectorFromArray(cells, type);
  }
}

export function recordBatch(schema: Schema, columns: readonly ResultColumn[], cells: Cell[][], rowCount: number): RecordBatch {
  const children = columns.map((c, i) => vector(cells[i], c, schema.fields[i].type).data[0]);
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rowCount, nullCount: 0, children }));
}

/**
 * Collects the writer's bytes synchronously, so that each batch can be drained into the response with
 * backpressure (the stock queue is only readable asynchronously).
 */
export class ByteCollector extends AsyncByteQueue<Uint8Array> {
  parts: Uint8Array[] = [];

  override write(bytes: Uint8Array): void {
    this.parts.push(bytes);
  }

  take(): Uint8Array[] {
    const taken = this.parts;
    this.parts = [];
    return taken;
  }
}

/** A stream writer that writes the schema then each batch into `collector`. */
export function arrowStreamWriter(schema: Schema, collector: ByteCollector): RecordBatchStreamWriter {
  const writer = new RecordBatchStreamWriter();
  // reset() accepts an AsyncByteQueue as its sink; the collector is one.
  writer.reset(collector as unknown as Parameters<RecordBatchStreamWriter['reset']>[0], schema);
  return writer;
}
