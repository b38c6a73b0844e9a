import { randomUUID } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../core/sql-text.js';
import type { BoundQuery } from './bound-query.js';
import type { Bytes, Sink } from './sink.js';

/** Largest read from the file at a time; while DuckDB is ahead, reads are this size. */
const READ_BYTES = 1 << 20;
/** How long to wait for DuckDB to write more when the reader has caught up. */
const POLL_MS = 4;

/**
 * Has DuckDB write the query with its own writer (`COPY … TO <temp file> (<options>)`: CSV, JSON or
 * Parquet, in parallel and far faster than encoding values in JS) and streams the file into the sink while
 * DuckDB is still appending to it, so that the first bytes leave early and only the disk holds the result.
 * DuckDB never blocks on a slow client: the file absorbs the difference. Calls onFirstBytes once the file
 * has content (or the COPY ended), and writes `head` just before the file's first bytes, so that a query
 * that fails early can still be answered with an error. If the sink fails (client gone), the COPY is
 * interrupted. The temp file is always removed. Returns the number of rows DuckDB wrote.
 */
export async function copyThroughFile(
  connection: DuckDBConnection,
  query: BoundQuery,
  options: string,
  sink: Sink,
  onFirstBytes: () => void,
  head = '',
): Promise<number> {
  const path = join(tmpdir(), `talent-export-${randomUUID()}`);
  let settled = false;
  let failure: unknown = null;
  let rows = 0;
  const copy = connection
    .run(`COPY (${query.sql}\n) TO ${quoteLiteral(path)} (${options})`, query.values, query.types)
    .then(
      (result) => void (rows = result.rowsChanged),
      (error: unknown) => void (failure = error ?? new Error('COPY failed')),
    )
    .finally(() => (settled = true));
  const reader = new FileReader(path);
  let started = false;
  const opening = (): Bytes[] => {
    started = true;
    onFirstBytes();
    return head ? [head] : [];
  };
  try {
    // A small result is written before this wait ends, and is then read in one go.
    await Promise.race([copy, sleep(POLL_MS)]);
    for (let position = 0; ;) {
      // Whether the COPY had ended before this read decides whether an empty read means the end.
      const ended = settled;
      if (ended && failure) throw failure;
      const bytes = await reader.read(position);
      if (bytes) {
        await sink.write(started ? bytes : [...opening(), bytes]);
        position += bytes.length;
      } else if (ended) {
        if (!started) await sink.write(opening());
        return rows;
      } else {
        await Promise.race([copy, sleep(POLL_MS)]);
      }
    }
  } finally {
    if (!settled) connection.interrupt();
    await copy;
    await reader.close();
    await rm(path, { force: true });
  }
}

/** Reads a file that may not exist yet and may still grow, into one buffer reused from read to read. */
class FileReader {
  private file: FileHandle | null = null;
  private readonly buffer = Buffer.allocUnsafe(READ_BYTES);

  constructor(private readonly path: string) {}

  /** The bytes at `position` (up to READ_BYTES; valid until the next read), or null at the current end of the file. */
  async read(position: number): Promise<Buffer | null> {
    this.file ??= await open(this.path, 'r').catch(() => null);
    if (!this.file) return null;
    const { bytesRead } = await this.file.read(this.buffer, 0, READ_BYTES, position);
    return bytesRead === 0 ? null : this.buffer.subarray(0, bytesRead);
  }

  async close(): Promise<void> {
    await this.file?.close();
  }
}
