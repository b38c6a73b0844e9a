import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { isAscii, isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { describeLimit, type IngestLimits } from './limits.js';
import { FileRefusedError } from './refusal.js';

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;
/** Encodings whose text another encoding's bytes (UTF-8's) can pass for: a line valid as UTF-8 is a mixed file. */
const chineseMultibyte = new Set(['gb18030', 'gbk', 'gb2312', 'cp936', 'big5', 'cp950']);

const hex = (bytes: Buffer) => [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');

/** Counts line breaks in bytes[from, to). */
function countLines(bytes: Buffer, from = 0, to = bytes.length): number {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE, from); i !== -1 && i < to; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** Bytes at the end that may be the start of a UTF-8 character cut by the chunk's end. */
function partialTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** Offset of the first byte of `bytes` that is not part of valid UTF-8 (bytes known to hold one). */
function firstInvalidUtf8(bytes: Buffer): number {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let offset = 0;
  let from = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    offset += Buffer.byteLength(text.slice(from, i));
    from = i + 1;
    // A replacement character written in the file itself is three valid bytes, not the fault.
    if (bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd) {
      offset += 3;
      continue;
    }
    return offset;
  }
  return bytes.length;
}

/** Follows the UTF-8 text of a file through its chunks: NUL bytes and over-long lines are refused. */
class LineWatch {
  line = 1;
  private lineStart = 0;
  private seen = 0;

  constructor(
    private readonly file: string,
    private readonly limits: IngestLimits,
    /** Whether offsets in the UTF-8 text are those of the file (the file is UTF-8). */
    private readonly sameBytes: boolean,
  ) {}

  private place(line: number, byte: number) {
    return this.sameBytes ? { line, byte } : { line };
  }

  take(bytes: Buffer): void {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      throw new FileRefusedError(this.file, 'a NUL byte (0x00): not text (a binary file, or text saved with the wrong encoding)', {
        ...this.place(this.line + countLines(bytes, 0, nul), this.seen + nul),
      });
    }
    for (let i = bytes.indexOf(NEWLINE); ; i = bytes.indexOf(NEWLINE, i + 1)) {
      const end = i === -1 ? this.seen + bytes.length : this.seen + i;
      if (end - this.lineStart > this.limits.csvLineBytes) {
        throw new FileRefusedError(this.file, `a line longer than ${describeLimit('csvLineBytes', this.limits.csvLineBytes)}`, {
          ...this.place(this.line, this.lineStart),
        });
      }
      if (i === -1) break;
      this.line++;
      this.lineStart = this.seen + i + 1;
    }
    this.seen += bytes.length;
  }
}

async function* chunks(path: string): AsyncGenerator<Buffer> {
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) yield chunk as Buffer;
}

/** Reads a UTF-8 file whole: the first byte that is not UTF-8 is refused with its line and offset. */
async function checkUtf8(path: string, file: string, limits: IngestLimits): Promise<void> {
  const watch = new LineWatch(file, limits, true);
  let carry = Buffer.alloc(0);
  let offset = 0;
  for await (const chunk of chunks(path)) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const keep = partialTail(bytes);
    const whole = bytes.subarray(0, bytes.length - keep);
    if (!isUtf8(whole)) refuseUtf8(file, whole, offset, watch.line);
    watch.take(whole);
    offset += whole.length;
    carry = Buffer.from(bytes.subarray(bytes.length - keep));
  }
  if (carry.length) refuseUtf8(file, carry, offset, watch.line);
}

function refuseUtf8(file: string, bytes: Buffer, offset: number, line: number): never {
  const bad = firstInvalidUtf8(bytes);
  throw new FileRefusedError(file, 'not valid UTF-8 (the rest of the file is UTF-8: was this line saved in another encoding?)', {
    line: line + countLines(bytes, 0, bad),
    byte: offset + bad,
    value: hex(bytes.subarray(bad, bad + 2)),
  });
}

/** Converts a file in an ASCII-compatible encoding to UTF-8, line by line, refusing what it cannot decode. */
async function convertByLines(path: string, file: string, encoding: string, out: WriteStream, limits: IngestLimits): Promise<void> {
  const watch = new LineWatch(file, limits, false);
  const mixable = chineseMultibyte.has(encoding);
  let carry = Buffer.alloc(0);
  let offset = 0;
  const block = async (bytes: Buffer) => {
    const text = iconv.decode(bytes, encoding);
    const bad = text.indexOf('\uFFFD');
    if (bad !== -1) {
      const at = iconv.encode(text.slice(0, bad), encoding).length;
      throw new FileRefusedError(file, `not valid ${encoding}`, {
        line: watch.line + countLines(bytes, 0, at),
        byte: offset + at,
        value: hex(bytes.subarray(at, at + 2)),
      });
    }
    if (mixable && !isAscii(bytes)) refuseMixedLine(file, encoding, bytes, offset, watch.line);
    const utf8 = Buffer.from(text, 'utf8');
    watch.take(utf8);
    if (!out.write(utf8)) await once(out, 'drain');
    offset += bytes.length;
  };
  for await (const chunk of chunks(path)) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const end = bytes.lastIndexOf(NEWLINE) + 1;
    if (end > 0) await block(bytes.subarray(0, end));
    carry = Buffer.from(bytes.subarray(end));
    if (carry.length > limits.csvLineBytes) {
      throw new FileRefusedError(file, `a line longer than ${describeLimit('csvLineBytes', limits.csvLineBytes)}`, {
        line: watch.line,
        byte: offset,
      });
    }
  }
  if (carry.length) await block(carry);
}

/** A line whose non-ASCII bytes are valid UTF-8 is UTF-8 text: read as GB18030 it would be stored garbled. */
function refuseMixedLine(file: string, encoding: string, bytes: Buffer, offset: number, firstLine: number): void {
  let line = firstLine;
  for (let start = 0; start < bytes.length; line++) {
    const next = bytes.indexOf(NEWLINE, start);
    const end = next === -1 ? bytes.length : next;
    const text = bytes.subarray(start, end);
    if (!isAscii(text) && isUtf8(text)) {
      const at = text.findIndex((b) => b >= 0x80);
      throw new FileRefusedError(
        file,
        `this line is UTF-8 but the rest of the file is ${encoding} (mixed encodings): save the whole file in one encoding`,
        { line, byte: offset + start + at, value: new TextDecoder().decode(text.subarray(at)).slice(0, 20) },
      );
    }
    start = end + 1;
  }
}

/** Converts a UTF-16 file to UTF-8, refusing what it cannot decode (unpaired surrogates). */
async function convertUtf16(path: string, file: string, encoding: string, out: WriteStream, limits: IngestLimits): Promise<void> {
  const watch = new LineWatch(file, limits, false);
  const decoder = iconv.getDecoder(encoding);
  const emit = async (text: string) => {
    const bad = text.indexOf('\uFFFD');
    if (bad !== -1) {
      throw new FileRefusedError(file, `not valid ${encoding}`, { line: watch.line + (text.slice(0, bad).match(/\n/g)?.length ?? 0) });
    }
    const utf8 = Buffer.from(text, 'utf8');
    watch.take(utf8);
    if (!out.write(utf8)) await once(out, 'drain');
  };
  for await (const chunk of chunks(path)) await emit(decoder.write(chunk));
  await emit(decoder.end() ?? '');
}

/**
 * Reads a text file whole in its encoding before anything is loaded: the first byte that cannot be decoded,
 * a UTF-8 line in a GB18030 file, a NUL byte and an over-long line are refused with their line (and byte).
 * A file not in UTF-8 is converted into `utf8Path`.
 */
export async function checkText(
  path: string,
  file: string,
  encoding: string,
  utf8Path: string | null,
  limits: IngestLimits,
): Promise<void> {
  if (utf8Path === null) return checkUtf8(path, file, limits);
  const out = createWriteStream(utf8Path);
  try {
    if (encoding.startsWith('utf-16') || encoding.startsWith('utf16')) await convertUtf16(path, file, encoding, out, limits);
    else await convertByLines(path, file, encoding, out, limits);
  } finally {
    out.end();
    await once(out, 'close');
  }
}
