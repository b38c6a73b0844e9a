import { randomUUID } from 'node:crypto';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from '../../core/sql-text.js';
import { HttpProblem } from '../problem.js';
import type { TempSpace } from '../export-gate.js';
import type { BoundQuery } from './bound-query.js';
import type { Bytes, Sink } from './sink.js';

/** Largest read from the file at a time; while DuckDB is ahead, reads are this size. */
const READ_BYTES = 1 << 20;
/** How long to wait for DuckDB to write more when the reader has caught up. */
const POLL_MS = 4;
/** How often the temporary file's size is checked against its limit, also while the client is not reading. */
const WATCH_MS = 25;

/** Temporary files of results that are not exports (cached queries, small lists): the system's, unbounded. */
export const unboundedTemp: TempSpace = { dir: tmpdir(), limitBytes: Infinity };

/** The export outgrew its share of the temporary space (or the disk refused DuckDB's write). */
function tempFull(limitBytes: number): HttpProblem {
  const limit = Number.isFinite(limitBytes)
    ? ` (${Math.round(limitBytes / (1024 * 1024))} MB: its share of EXPORT_TEMP_BUDGET_MB, or what the disk had free)`
    : '';
  return new HttpProblem(
    503,
    'Export stopped: temporary space full',
    `the export outgrew the temporary disk space one export may hold${limit}; narrow the parameters (years, regions, limit) or retry later`,
  );
}

/**
 * Has DuckDB write the query with its own writer (`COPY … TO <temp file> (<options>)`: CSV, JSON or
 * Parquet, in parallel and far faster than encoding values in JS) and streams the file into the sink while
 * DuckDB is still appending to it, so that the first bytes leave early and only the disk holds the result.
 * DuckDB never blocks on a slow client: the file absorbs the difference. Calls onFirstBytes once the file
 * has content (or the COPY ended), and writes `head` just before the file's first bytes, so that a query
 * that fails early can still be answered with an error. If the sink fails (client gone), the COPY is
 * interrupted. The file may not outgrow `temp.limitBytes`: it is watched while the client reads (or does not), and
 * beyond it the COPY is interrupted and a 503 problem thrown (the caller must then not end the response cleanly).
 * The temp file is always removed. Returns the number of rows DuckDB wrote.
 */
export async function copyThroughFile(
  connection: DuckDBConnection,
  query: BoundQuery,
  options: string,
  sink: Sink,
  onFirstBytes: () => void,
  head = '',
  temp: TempSpace = unboundedTemp,
): Promise<number> {
  const path = join(temp.dir, `talent-export-${randomUUID()}`);
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
  const watch = watchSize(path, temp.limitBytes);
  // Every wait also ends when the file outgrows its limit: a client that stops reading holds nothing but its socket.
  const guarded = <T>(step: Promise<T>): Promise<T> => Promise.race([step, watch.exceeded]);
  const reader = new FileReader(path);
  let started = false;
  const opening = (): Bytes[] => {
    started = true;
    onFirstBytes();
    return head ? [head] : [];
  };
  try {
    // A small result is written before this wait ends, and is then read in one go.
    await guarded(Promise.race([copy, sleep(POLL_MS)]));
    for (let position = 0; ;) {
      // Whether the COPY had ended before this read decides whether an empty read means the end.
      const ended = settled;
      if (ended && failure) throw watch.over ? tempFull(temp.limitBytes) : diskFailure(failure, temp.limitBytes);
      const bytes = await reader.read(position);
      if (bytes) {
        const written = sink.write(started ? bytes : [...opening(), bytes]);
        // If the wait is cut short, the write still settles (rejects) when the response is destroyed.
        written.catch(() => {});
        await guarded(written);
        position += bytes.length;
      } else if (ended) {
        if (!started) await sink.write(opening());
        return rows;
      } else {
        await guarded(Promise.race([copy, sleep(POLL_MS)]));
      }
    }
  } finally {
    watch.stop();
    if (!settled) connection.interrupt();
    await copy;
    await reader.close();
    await rm(path, { force: true });
  }
}

/** A write DuckDB could not make for lack of disk space is the temp space's refusal; anything else as it is. */
function diskFailure(error: unknown, limitBytes: number): unknown {
  return /No space left|ENOSPC|disk full|File too large/i.test(String((error as Error)?.message)) ? tempFull(limitBytes) : error;
}

/** Checks the file's size every WATCH_MS; `exceeded` rejects once it is beyond the limit. */
function watchSize(path: string, limitBytes: number): { exceeded: Promise<never>; over: boolean; stop: () => void } {
  let fail: (error: unknown) => void = () => {};
  const exceeded = new Promise<never>((_resolve, reject) => (fail = reject));
  exceeded.catch(() => {});
  const state = { exceeded, over: false, stop: () => clearInterval(timer) };
  const timer = Number.isFinite(limitBytes)
    ? setInterval(() => {
        stat(path).then(
          (stats) => {
            if (stats.size <= limitBytes || state.over) return;
            state.over = true;
            clearInterval(timer);
            fail(tempFull(limitBytes));
          },
          () => {},
        );
      }, WATCH_MS)
    : undefined;
  return state;
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
