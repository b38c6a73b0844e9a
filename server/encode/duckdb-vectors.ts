import { createRequire } from 'node:module';
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type * as DuckDBBindings from '@duckdb/node-bindings';

type Bindings = typeof DuckDBBindings;

/**
 * The native bindings @duckdb/node-api itself loads (resolved from its own folder, so they are the same
 * module instance). Its vector classes read a string with one native call each, and that call allocates a
 * fresh ArrayBuffer (~0.8 µs); reading the raw memory here is what makes the Arrow export fast.
 */
const duckdb: Bindings = createRequire(createRequire(import.meta.url).resolve('@duckdb/node-api'))('@duckdb/node-bindings');

/** A column of a result chunk: its raw data and validity as DuckDB laid them out. */
export interface RawColumn {
  rows: number;
  /** `rows` values of `width` bytes each (VARCHAR: 16-byte string_t structs). */
  data: Uint8Array;
  /** Bit i (least significant first) is 1 when row i is not null; null when no row is null. */
  validity: Uint8Array | null;
}

/** Column `index` of a chunk whose values are `width` bytes wide (BIGINT 8, DATE 4, BOOLEAN 1, VARCHAR 16). */
export function rawColumn(chunk: DuckDBDataChunk, index: number, width: number): RawColumn {
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, index);
  const rows = chunk.rowCount;
  const validity = (duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8) as Uint8Array | null) ?? null;
  return { rows, data: duckdb.vector_get_data(vector, rows * width), validity };
}

/** DuckDB's C API stores a BOOLEAN in sizeof(bool) bytes: one on every platform node runs on. */
export const booleanWidth: number = duckdb.sizeof_bool;

export const isValid = (validity: Uint8Array | null, row: number): boolean =>
  validity === null || (validity[row >> 3] & (1 << (row & 7))) !== 0;

/** Words read through a Uint32Array are in the machine's byte order; written back in it, the bytes are unchanged. */
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const words = (column: RawColumn) => new Uint32Array(column.data.buffer, column.data.byteOffset, column.rows * 4);
const address = (w: Uint32Array, row: number) => w[row * 4 + 2] + w[row * 4 + 3] * 0x1_0000_0000;

/** Bytes appendVarchar may write past the last string (inline strings are copied as whole 4-byte words). */
export const VARCHAR_SLACK = 12;

/** Total bytes of a VARCHAR column's non-null strings (with `longOnly`, of those longer than 12 bytes). */
export function varcharByteLength(column: RawColumn, longOnly = false): number {
  const w = words(column);
  let total = 0;
  for (let row = 0; row < column.rows; row++) {
    if (isValid(column.validity, row) && !(longOnly && w[row * 4] <= 12)) total += w[row * 4];
  }
  return total;
}

/**
 * Appends a VARCHAR column to Arrow Utf8 buffers: its bytes to `out` from `at` and each row's end offset to
 * `ends` from `endsAt`; a null row adds no bytes. `out` must have room for varcharByteLength bytes plus
 * VARCHAR_SLACK. Returns the new end.
 *
 * DuckDB's string_t is 16 bytes: a uint32 length, then either the bytes inline (length ≤ 12) or a 4-byte
 * prefix and a pointer. The strings a chunk points to mostly sit back to back in its string heap, so they
 * are fetched one run of adjacent strings at a time (a handful of native calls a chunk instead of one a
 * row) and copied one span of consecutive rows at a time; a string outside the current run starts a new
 * run, so nothing is assumed about the layout. With `longOnly`, strings of up to 12 bytes (inline, readable
 * from the structs themselves) are left out: their rows add no bytes.
 */
export function appendVarchar(column: RawColumn, out: Uint8Array, at: number, ends: Int32Array, endsAt: number, longOnly = false): number {
  const { rows, validity, data: structs } = column;
  const w = words(column);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let run: Uint8Array | null = null;
  let runStart = 0;
  let runEnd = 0;
  let pos = at;
  for (let row = 0; row < rows;) {
    const valid = isValid(validity, row) ? w[row * 4] : 0;
    const length = longOnly && valid <= 12 ? 0 : valid;
    if (length <= 12) {
      // Whole 4-byte words: bytes past the string land where the next strings go, or in the slack.
      if (length > 0) view.setUint32(pos, w[row * 4 + 1], littleEndian);
      if (length > 4) view.setUint32(pos + 4, w[row * 4 + 2], littleEndian);
      if (length > 8) view.setUint32(pos + 8, w[row * 4 + 3], littleEndian);
      pos += length;
      ends[endsAt + row++] = pos;
      continue;
    }
    const start = address(w, row);
    if (run === null || start < runStart || start + length > runEnd) {
      runStart = start;
      runEnd = runExtent(w, validity, row, rows, start + length);
      run = duckdb.get_data_from_pointer(structs.buffer as ArrayBuffer, structs.byteOffset + row * 16 + 8, runEnd - runStart);
    }
    // The span: this row and the next ones whose strings follow on in the run.
    let end = start + length;
    ends[endsAt + row++] = pos + length;
    while (row < rows && isValid(validity, row)) {
      const next = w[row * 4];
      if (next <= 12 || address(w, row) !== end || end + next > runEnd) break;
      end += next;
      ends[endsAt + row++] = pos + (end - start);
    }
    const from = start - runStart;
    const size = end - start;
    if (size <= 32) for (let i = 0; i < size; i++) out[pos + i] = run[from + i];
    else out.set(run.subarray(from, from + size), pos);
    pos += size;
  }
  return pos;
}

/** Where the run of heap strings that starts at `row` and ends at `end` stops: each next one must start where the last ended. */
function runExtent(w: Uint32Array, validity: Uint8Array | null, row: number, rows: number, end: number): number {
  for (let next = row + 1; next < rows; next++) {
    if (!isValid(validity, next)) continue;
    const length = w[next * 4];
    if (length <= 12) continue;
    if (address(w, next) !== end) break;
    end += length;
  }
  return end;
}
