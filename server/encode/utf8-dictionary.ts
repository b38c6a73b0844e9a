import { Utf8, Vector, makeData, type Data } from 'apache-arrow';
import { isValid, type RawColumn } from './duckdb-vectors.js';

/** MurmurHash3's 32-bit mixing of a string's bytes (four at a time, then the tail). */
function hashBytes(view: DataView, start: number, end: number): number {
  let h = end - start;
  let at = start;
  for (; at + 4 <= end; at += 4) {
    let k = Math.imul(view.getUint32(at, true), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  for (let shift = 0; at < end; at++, shift += 8) k |= view.getUint8(at) << shift;
  k = Math.imul(k, 0xcc9e2d51);
  h ^= Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Whether `length` bytes at `a` in one view equal those at `b` in another. */
function sameBytes(x: DataView, a: number, y: DataView, b: number, length: number): boolean {
  let i = 0;
  for (; i + 4 <= length; i += 4) if (x.getUint32(a + i, true) !== y.getUint32(b + i, true)) return false;
  for (; i < length; i++) if (x.getUint8(a + i) !== y.getUint8(b + i)) return false;
  return true;
}

/** A table of `count` keys (open addressing, linear probing) at `size` slots: slot → the key's value, or -1. */
function rehashed(size: number, count: number, hash: (key: number) => number, value: (key: number) => number = (key) => key): Int32Array {
  const slots = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let key = 0; key < count; key++) {
    let slot = hash(key) & mask;
    while (slots[slot] !== -1) slot = (slot + 1) & mask;
    slots[slot] = value(key);
  }
  return slots;
}

/** Strings a dictionary holds before it starts afresh (a replacement dictionary). */
export const DICTIONARY_LIMIT = 65_536;

const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * For an inline string_t of each length (0…12), the bits of its three words that hold the string's bytes:
 * DuckDB zeroes the rest, but nothing here relies on it.
 */
const inlineMasks = Uint32Array.from({ length: 39 }, (_, i) => {
  const bytes = Math.max(0, Math.min(4, Math.floor(i / 3) - (i % 3) * 4));
  if (bytes === 4) return 0xffff_ffff;
  return littleEndian ? (1 << (bytes * 8)) - 1 : ~(0xffff_ffff >>> (bytes * 8));
});

/** A short string's bytes, written from its struct's words, on their way into the dictionary. */
const inlineBytes = new DataView(new ArrayBuffer(12));

const grow = <T extends Uint8Array | Int32Array>(array: T, size: number, make: (n: number) => T): T => {
  if (size <= array.length) return array;
  const grown = make(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
};

/**
 * The distinct strings of one text column of an Arrow stream, in order of first appearance: each row's text
 * becomes an index into them. The strings are compared by their UTF-8 bytes (hashed, then compared in full),
 * so nothing is decoded into JS strings. What each record batch adds is sent as a delta dictionary batch
 * (vector() returns the earlier chunks, unchanged, plus one of the new strings).
 *
 * So that a column of mostly distinct text does not hold the whole export in memory, a dictionary that has
 * reached DICTIONARY_LIMIT strings starts afresh at the next batch (restart()): the stream then carries a
 * replacement dictionary, which Arrow stream readers apply to the batches after it.
 */
export class Utf8Dictionary {
  private bytes: Uint8Array = new Uint8Array(1024);
  private view = new DataView(this.bytes.buffer);
  /** ends[i] is where string i ends in `bytes` (string i starts at ends[i - 1], or 0). */
  private ends: Int32Array = new Int32Array(64);
  private hashes: Int32Array = new Int32Array(64);
  /** Open addressing: an entry's index, or -1. */
  private slots: Int32Array = new Int32Array(128).fill(-1);
  /** Strings of up to 12 bytes: their keys (length and three words, then the entry), and a table of them. */
  private shortKeys: Int32Array = new Int32Array(320);
  private shortSlots: Int32Array = new Int32Array(128).fill(-1);
  private shortCount = 0;
  private longCount = 0;
  private size = 0;
  private sent = 0;
  private readonly limit: number;
  private chunks: Data<Utf8>[] = [];
  private current: Vector<Utf8> | null = null;

  constructor(limit = DICTIONARY_LIMIT) {
    this.limit = limit;
  }

  /** Starts afresh when full (called between batches). */
  restart(): void {
    if (this.size < this.limit) return;
    this.size = this.sent = this.shortCount = this.longCount = 0;
    this.slots = new Int32Array(128).fill(-1);
    this.shortSlots = new Int32Array(128).fill(-1);
    this.chunks = [];
    this.current = null;
  }

  /**
   * Indices of one chunk's strings, written to `indices` from `first`: `column` is the chunk's VARCHAR vector
   * (its 16-byte string_t structs), and the same strings sit copied as Arrow Utf8 buffers in `data` between
   * `offsets[first + row]` and `offsets[first + row + 1]`. A null row gets index 0.
   *
   * A string of up to 12 bytes is inline in its struct, so it is looked up by the struct's words (length and
   * bytes, nothing past the length), without reading the copy; a longer one by its bytes. Either is first
   * compared with the row before (rows sorted by a key repeat their neighbour's text).
   */
  encode(column: RawColumn, data: Uint8Array, offsets: Int32Array, first: number, indices: Int32Array): void {
    const w = new Uint32Array(column.data.buffer, column.data.byteOffset, column.rows * 4);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const { validity } = column;
    let lastLength = -1;
    let last1 = 0;
    let last2 = 0;
    let last3 = 0;
    let lastShort = 0;
    let lastStart = 0;
    let lastLongLength = -1;
    let lastLong = 0;
    for (let row = 0; row < column.rows; row++) {
      if (!isValid(validity, row)) {
        indices[first + row] = 0;
        continue;
      }
      const length = w[row * 4];
      if (length <= 12) {
        const w1 = w[row * 4 + 1] & inlineMasks[length * 3];
        const w2 = w[row * 4 + 2] & inlineMasks[length * 3 + 1];
        const w3 = w[row * 4 + 3] & inlineMasks[length * 3 + 2];
        if (length !== lastLength || w1 !== last1 || w2 !== last2 || w3 !== last3) {
          lastShort = this.shortIndex(length, w1, w2, w3);
          lastLength = length;
          last1 = w1;
          last2 = w2;
          last3 = w3;
        }
        indices[first + row] = lastShort;
        continue;
      }
      const start = offsets[first + row];
      if (length !== lastLongLength || !sameBytes(view, start, view, lastStart, length)) {
        lastLong = this.longIndex(view, start, length);
        lastStart = start;
        lastLongLength = length;
      }
      indices[first + row] = lastLong;
    }
  }

  /** The dictionary as a batch sends it: every chunk sent before, and one of the strings added since. */
  vector(): Vector<Utf8> {
    if (this.current && this.sent === this.size) return this.current;
    const first = this.sent === 0 ? 0 : this.ends[this.sent - 1];
    const valueOffsets = new Int32Array(this.size - this.sent + 1);
    for (let i = this.sent; i < this.size; i++) valueOffsets[i - this.sent + 1] = this.ends[i] - first;
    const data = this.bytes.slice(first, this.size === 0 ? 0 : this.ends[this.size - 1]);
    this.chunks.push(makeData({ type: new Utf8(), length: this.size - this.sent, nullCount: 0, valueOffsets, data }));
    this.sent = this.size;
    this.current = new Vector(this.chunks.slice());
    return this.current;
  }

  private shortIndex(length: number, w1: number, w2: number, w3: number): number {
    let hash = Math.imul(length ^ w1, 0x9e3779b1);
    hash = Math.imul(hash ^ (hash >>> 15) ^ w2, 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13) ^ w3, 0xc2b2ae35);
    hash ^= hash >>> 16;
    const mask = this.shortSlots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const key = this.shortSlots[slot];
      if (key === -1) {
        this.shortKeys = grow(this.shortKeys, (this.shortCount + 1) * 5, (n) => new Int32Array(n));
        const at = this.shortCount * 5;
        inlineBytes.setUint32(0, w1, littleEndian);
        inlineBytes.setUint32(4, w2, littleEndian);
        inlineBytes.setUint32(8, w3, littleEndian);
        const entry = this.add(inlineBytes, 0, length, 0);
        [this.shortKeys[at], this.shortKeys[at + 1], this.shortKeys[at + 2], this.shortKeys[at + 3]] = [length, w1, w2, w3];
        this.shortKeys[at + 4] = entry;
        this.shortSlots[slot] = this.shortCount++;
        if (this.shortCount * 2 > this.shortSlots.length)
          this.shortSlots = rehashed(this.shortSlots.length * 2, this.shortCount, (k) => this.shortHash(k));
        return entry;
      }
      const at = key * 5;
      const k = this.shortKeys;
      if (k[at] === length && k[at + 1] === (w1 | 0) && k[at + 2] === (w2 | 0) && k[at + 3] === (w3 | 0)) return k[at + 4];
    }
  }

  private shortHash(key: number): number {
    const k = this.shortKeys;
    const at = key * 5;
    let hash = Math.imul(k[at] ^ k[at + 1], 0x9e3779b1);
    hash = Math.imul(hash ^ (hash >>> 15) ^ k[at + 2], 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13) ^ k[at + 3], 0xc2b2ae35);
    return hash ^ (hash >>> 16);
  }

  private longIndex(view: DataView, start: number, length: number): number {
    const hash = hashBytes(view, start, start + length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === -1) {
        const added = this.add(view, start, length, hash);
        this.slots[slot] = added;
        if (++this.longCount * 2 > this.slots.length) this.rehash();
        return added;
      }
      if (this.hashes[entry] !== hash) continue;
      const at = entry === 0 ? 0 : this.ends[entry - 1];
      if (this.ends[entry] - at === length && sameBytes(this.view, at, view, start, length)) return entry;
    }
  }

  private add(view: DataView, start: number, length: number, hash: number): number {
    const at = this.size === 0 ? 0 : this.ends[this.size - 1];
    if (at + length > this.bytes.length) {
      this.bytes = grow(this.bytes, at + length, (n) => new Uint8Array(n));
      this.view = new DataView(this.bytes.buffer);
    }
    this.bytes.set(new Uint8Array(view.buffer, view.byteOffset + start, length), at);
    this.ends = grow(this.ends, this.size + 1, (n) => new Int32Array(n));
    this.hashes = grow(this.hashes, this.size + 1, (n) => new Int32Array(n));
    this.ends[this.size] = at + length;
    this.hashes[this.size] = hash;
    return this.size++;
  }

  private rehash(): void {
    const long: number[] = [];
    for (let entry = 0; entry < this.size; entry++) if (this.entryLength(entry) > 12) long.push(entry);
    this.slots = rehashed(
      this.slots.length * 2,
      long.length,
      (i) => this.hashes[long[i]],
      (i) => long[i],
    );
  }

  private entryLength(entry: number): number {
    return this.ends[entry] - (entry === 0 ? 0 : this.ends[entry - 1]);
  }
}
