import { ZipArchive } from 'archiver';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { QueryDefinition } from '../queries/lib/define.js';
import { dataPackageDescriptor, type PackagedFile } from './datapackage-descriptor.js';
import type { Sink } from './encode/sink.js';
import { contentTypes, downloadName, type Lang } from './format.js';
import type { Provenance } from './provenance.js';
import { encodeResult } from './respond.js';

/**
 * A sink into one zip entry: each part is copied (the encoder reuses its buffers once a write resolves), counted
 * and hashed, and a write resolves once the entry's stream has taken it (the zip then applies backpressure).
 */
class EntrySink implements Sink {
  readonly stream = new PassThrough();
  private readonly hash = createHash('sha256');
  bytes = 0;

  async write(bytes: string | Uint8Array | readonly (string | Uint8Array)[]): Promise<void> {
    for (const part of typeof bytes === 'string' || bytes instanceof Uint8Array ? [bytes] : bytes) {
      const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
      this.hash.update(buffer);
      this.bytes += buffer.length;
      if (this.stream.destroyed) throw new Error('client went away');
      await new Promise<void>((resolve, reject) => {
        // A write held back by backpressure is never called back once the stream is destroyed: its close ends the wait.
        const closed = () => reject(new Error('client went away'));
        this.stream.once('close', closed);
        this.stream.write(buffer, (error) => {
          this.stream.off('close', closed);
          if (error) reject(error);
          else resolve();
        });
      });
    }
  }

  finish(path: string, rows: number): PackagedFile {
    this.stream.end();
    return { path, bytes: this.bytes, sha256: this.hash.digest('hex'), rows };
  }
}

export interface DataPackageRequest {
  connection: DuckDBConnection;
  definition: QueryDefinition;
  values: Record<string, unknown>;
  /** Built with machine-name headers (the package's CSV has them). */
  provenance: Provenance;
  /** The language of the package's titles and descriptions. */
  lang: Lang;
}

/**
 * Streams a data package as a zip: <name>.csv (machine-name headers, no byte-order mark), <name>.parquet and
 * datapackage.json, written last so that it gives each file's size and hash. Returns the rows of the CSV.
 */
export async function sendDataPackage(res: Response, request: DataPackageRequest): Promise<number> {
  const { connection, definition, values, provenance } = request;
  const snapshot = provenance.data_version;
  res.set({
    'Content-Type': contentTypes.datapackage,
    'X-Data-Version': snapshot,
    'Content-Disposition': `attachment; filename="${downloadName(definition.name, values, snapshot, 'datapackage')}"`,
  });
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const failed = new Promise<never>((_resolve, reject) => zip.on('error', reject));
  failed.catch(() => {});
  let entry: EntrySink | null = null;
  // A client that goes away mid-download: the entry being written fails, so the encoder stops and the connection is freed.
  res.on('close', () => {
    if (res.writableFinished) return;
    entry?.stream.destroy();
    zip.abort();
  });
  zip.pipe(res);
  const meta = { name: definition.name, snapshot, params: values, provenance, lang: null, bom: false };
  const written = async (format: 'csv' | 'parquet') => {
    const sink = new EntrySink();
    entry = sink;
    // Parquet is compressed already: stored as it is.
    zip.append(sink.stream, { name: `${definition.name}.${format}`, store: format === 'parquet' });
    const rows = await encodeResult(connection, definition, values, format, meta, sink);
    return sink.finish(`${definition.name}.${format}`, rows);
  };
  const csv = await written('csv');
  const parquet = await written('parquet');
  const descriptor = dataPackageDescriptor(provenance, { csv, parquet }, request.lang);
  zip.append(`${JSON.stringify(descriptor, null, 2)}\n`, { name: 'datapackage.json' });
  await Promise.race([zip.finalize(), failed]);
  await finished(res);
  return csv.rows;
}
