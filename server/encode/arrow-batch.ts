import {
  Bool,
  DateDay,
  Dictionary,
  Float64,
  Int64,
  RecordBatch,
  Struct,
  Utf8,
  makeData,
  type Data,
  type DataType,
  type Schema,
  type Vector,
} from 'apache-arrow';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import { VARCHAR_SLACK, appendVarchar, booleanWidth, isValid, rawColumn, varcharByteLength, type RawColumn } from './duckdb-vectors.js';
import { Utf8Dictionary } from './utf8-dictionary.js';

/** Bytes a value takes in a DuckDB vector (VARCHAR: the 16-byte string_t). */
function byteWidth(type: DataType): number {
  if (type instanceof Utf8 || type instanceof Dictionary) return 16;
  if (type instanceof Bool) return booleanWidth;
  if (type instanceof DateDay) return 4;
  return 8;
}

/** Bytes reused from batch to batch, grown (at least twofold) when a batch needs more; never copied. */
class Grown {
  private bytes = new Uint8Array(0);

  ensure(size: number): Uint8Array {
    if (size > this.bytes.length) this.bytes = new Uint8Array(Math.max(size, this.bytes.length * 2));
    return this.bytes;
  }
}

/**
 * Builds Arrow record batches from DuckDB chunks, straight from their memory: fixed-width columns are copied
 * as bytes (BIGINT → Int64, DOUBLE → Float64, DATE → DateDay: the same layouts), validity bits keep DuckDB's
 * order, and text goes into one offsets array and one bytes array a column — or, for a dictionary-encoded
 * column, into indices of the column's distinct strings (utf8-dictionary.ts). The query has been shaped
 * (select-list.ts) so that every column is BIGINT, DOUBLE, DATE, BOOLEAN or VARCHAR.
 *
 * The arrays are reused: a batch's data is only valid until the next call to build().
 */
export class BatchBuilder {
  private readonly values: Grown[];
  private readonly offsets: Grown[];
  private readonly validity: Grown[];
  private readonly indices: Grown[];
  private readonly dictionaries: (Utf8Dictionary | null)[];

  constructor(private readonly schema: Schema) {
    const grown = () => schema.fields.map(() => new Grown());
    [this.values, this.offsets, this.validity, this.indices] = [grown(), grown(), grown(), grown()];
    this.dictionaries = schema.fields.map((f) => (f.type instanceof Dictionary ? new Utf8Dictionary() : null));
  }

  build(chunks: readonly DuckDBDataChunk[], rows: number): RecordBatch {
    const children = this.schema.fields.map((field, index) => {
      const parts = chunks.map((chunk) => rawColumn(chunk, index, byteWidth(field.type)));
      return this.column(field.type, index, parts, rows);
    });
    return new RecordBatch(this.schema, makeData({ type: new Struct(this.schema.fields), length: rows, nullCount: 0, children }));
  }

  private column(type: DataType, index: number, parts: RawColumn[], rows: number): Data {
    const props = { length: rows, ...this.nulls(index, parts, rows) };
    if (type instanceof Utf8) return makeData({ type, ...props, ...this.utf8(index, parts, rows) });
    if (type instanceof Dictionary) return makeData({ type, ...props, ...this.dictionaryIndices(index, parts, rows) });
    if (type instanceof Bool) return makeData({ type, ...props, data: this.bits(index, parts, rows) });
    const bytes = this.fixedWidth(index, parts, rows, byteWidth(type));
    if (type instanceof Int64) return makeData({ type, ...props, data: new BigInt64Array(bytes.buffer, bytes.byteOffset, rows) });
    if (type instanceof Float64) return makeData({ type, ...props, data: new Float64Array(bytes.buffer, bytes.byteOffset, rows) });
    if (type instanceof DateDay) return makeData({ type, ...props, data: new Int32Array(bytes.buffer, bytes.byteOffset, rows) });
    throw new Error(`no Arrow encoding for ${String(type)}`);
  }

  private fixedWidth(index: number, parts: RawColumn[], rows: number, width: number): Uint8Array {
    const out = this.values[index].ensure(rows * width);
    let at = 0;
    for (const part of parts) {
      out.set(part.data, at);
      at += part.rows * width;
    }
    return out.subarray(0, rows * width);
  }

  /** DuckDB stores a BOOLEAN as a byte; Arrow as one bit. */
  private bits(index: number, parts: RawColumn[], rows: number): Uint8Array {
    const out = this.values[index].ensure(Math.ceil(rows / 8)).fill(0, 0, Math.ceil(rows / 8));
    let at = 0;
    for (const { data, rows: count } of parts) {
      for (let row = 0; row < count; row++, at++) if (data[row * booleanWidth] !== 0) out[at >> 3] |= 1 << (at & 7);
    }
    return out.subarray(0, Math.ceil(rows / 8));
  }

  private utf8(index: number, parts: RawColumn[], rows: number, longOnly = false): { valueOffsets: Int32Array; data: Uint8Array } {
    let total = 0;
    for (const part of parts) total += varcharByteLength(part, longOnly);
    if (total > 0x7fff_ffff) throw new Error('a text column of one record batch exceeds 2 GiB');
    const data = this.values[index].ensure(total + VARCHAR_SLACK);
    const offsetBytes = this.offsets[index].ensure((rows + 1) * 4);
    const valueOffsets = new Int32Array(offsetBytes.buffer, offsetBytes.byteOffset, rows + 1);
    valueOffsets[0] = 0;
    let end = 0;
    let at = 0;
    for (const part of parts) {
      end = appendVarchar(part, data, end, valueOffsets, at + 1, longOnly);
      at += part.rows;
    }
    return { valueOffsets, data: data.subarray(0, total) };
  }

  private dictionaryIndices(index: number, parts: RawColumn[], rows: number): { data: Int32Array; dictionary: Vector<Utf8> } {
    // The dictionary reads strings of up to 12 bytes from DuckDB's structs; only the longer ones are copied.
    const { valueOffsets, data } = this.utf8(index, parts, rows, true);
    const bytes = this.indices[index].ensure(rows * 4);
    const indices = new Int32Array(bytes.buffer, bytes.byteOffset, rows);
    const dictionary = this.dictionaries[index]!;
    dictionary.restart();
    let first = 0;
    for (const part of parts) {
      dictionary.encode(part, data, valueOffsets, first, indices);
      first += part.rows;
    }
    return { data: indices, dictionary: dictionary.vector() };
  }

  /** Arrow's validity bitmap (bit set = valid, least significant bit first, as DuckDB's), or none when nothing is null. */
  private nulls(index: number, parts: RawColumn[], rows: number): { nullCount: number; nullBitmap?: Uint8Array } {
    if (parts.every((part) => part.validity === null)) return { nullCount: 0 };
    const size = Math.ceil(rows / 8);
    const bitmap = this.validity[index].ensure(size).fill(0xff, 0, size);
    let nullCount = 0;
    let at = 0;
    for (const { validity, rows: count } of parts) {
      // Eight rows (one validity byte) at a time: a byte of 0xff has no nulls.
      for (let first = 0; validity !== null && first < count; first += 8) {
        if (validity[first >> 3] === 0xff && first + 8 <= count) continue;
        for (let row = first; row < Math.min(first + 8, count); row++) {
          if (isValid(validity, row)) continue;
          bitmap[(at + row) >> 3] &= ~(1 << ((at + row) & 7));
          nullCount++;
        }
      }
      at += count;
    }
    return nullCount === 0 ? { nullCount: 0 } : { nullCount, nullBitmap: bitmap.subarray(0, size) };
  }
}
