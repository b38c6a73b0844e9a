import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { describeLimit, type IngestLimits } from './limits.js';
import { FileRefusedError } from './refusal.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Checks a JSON or NDJSON file's size and nesting depth before any parser sees it: one pass over the bytes
 * that follows strings (brackets inside them do not count) and stops at the first level beyond the limit.
 */
export async function checkJson(path: string, file: string, limits: IngestLimits): Promise<void> {
  const { size } = await stat(path);
  if (size > limits.jsonBytes) {
    throw new FileRefusedError(
      file,
      `the file has ${size.toLocaleString('en-US')} bytes, more than ${describeLimit('jsonBytes', limits.jsonBytes)}`,
    );
  }
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let offset = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const bytes = chunk as Buffer;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) inString = true;
      else if (b === 0x5b || b === 0x7b) {
        if (++depth > limits.jsonDepth) {
          throw new FileRefusedError(
            file,
            `JSON nested deeper than the limit of ${limits.jsonDepth} levels (set with INGEST_MAX_JSON_DEPTH)`,
            { line, byte: offset + i },
          );
        }
      } else if (b === 0x5d || b === 0x7d) depth--;
      if (b === NEWLINE) line++;
    }
    offset += bytes.length;
  }
}
