import { Utf8, Vector, makeData, type Data } from 'apache-arrow';

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
 */
export class Utf8Dictionary {
  private bytes = new Uint8Array(1024);
  private view = new DataView(this.bytes.buffer);
  /** ends[i] is where string i ends in `bytes` (string i starts at ends[i - 1], or 0). */
  private ends = new Int32Array(64);
  private hashes = new Int32Array(64);
  /** Open addressing: an entry's index, or -1. */
  private slots = new Int32Array(128).fill(-1);
  private size = 0;
  private sent = 0;
  private chunks: Data<Utf8>[] = [];
  private current: Vector<Utf8> | null = null;

  /**
   * Indices of the strings given as Arrow Utf8 buffers (`offsets`: rows + 1 offsets into `data`), written to
   * `indices`. Rows that are not valid (`isNull(row)`) get index 0 and are not looked at.
   */
  encode(data: Uint8Array, offsets: Int32Array, rows: number, indices: Int32Array, isNull: (row: number) => boolean): void {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    let previousStart = 0;
    let previousLength = -1;
    let previous = 0;
    for (let row = 0; row < rows; row++) {
      const start = offsets[row];
      const length = offsets[row + 1] - start;
      if (length === 0 && isNull(row)) {
        indices[row] = 0;
        continue;
      }
      // Rows sorted by a key repeat their neighbour's text: compare with it before hashing.
      if (length !== previousLength || !sameBytes(view, start, view, previousStart, length)) {
        previous = this.indexOf(view, start, length);
        previousStart = start;
        previousLength = length;
      }
      indices[row] = previous;
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

  private indexOf(view: DataView, start: number, length: number): number {
    const hash = hashBytes(view, start, start + length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === -1) {
        const added = this.add(view, start, length, hash);
        this.slots[slot] = added;
        if (this.size * 2 > this.slots.length) this.rehash();
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
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = this.hashes[entry] & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }
}
