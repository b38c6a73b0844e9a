import busboy from 'busboy';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpProblem } from '../problem.js';

/** A file received into the staging area, with the form fields sent beside it (multipart). */
export interface Upload {
  fileName: string;
  path: string;
  bytes: number;
  sha256: string;
  fields: Record<string, string>;
}

const extensions = ['.csv', '.txt', '.tsv', '.xlsx', '.xlsm', '.parquet', '.json', '.ndjson', '.jsonl'];

/** The extension a raw body's media type implies, when the request names no file. */
const byMediaType: Record<string, string> = {
  'text/csv': '.csv',
  'text/plain': '.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.apache.parquet': '.parquet',
  'application/json': '.json',
  'application/x-ndjson': '.ndjson',
};

export const tooLarge = (maxBytes: number): HttpProblem =>
  new HttpProblem(413, 'File too large', `a submitted file may have at most ${maxBytes / 1024 / 1024} MB (SUBMISSION_MAX_MB); split it`);

/**
 * A file name safe to stage under: the last part of what the client sent, without control characters or a leading
 * dot, at most 120 characters, and with an extension the ingest reads. The name is kept because the ingest records
 * it as the rows' source.
 */
export function stagedName(sent: string | undefined, mediaType: string | undefined, parameter: string): string {
  const last = (sent ?? '').split(/[/\\]/).pop() ?? '';
  let name = [...last]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .replace(/^\.+/, '');
  const dot = name.lastIndexOf('.');
  let ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (!name) {
    ext = byMediaType[(mediaType ?? '').split(';')[0]!.trim().toLowerCase()] ?? '';
    name = `submission${ext}`;
  }
  if (!extensions.includes(ext))
    throw new HttpProblem(
      415,
      'Unsupported file type',
      `${parameter}: '${last.slice(0, 120)}' is not a file the ingest reads; expected ${extensions.join(', ')}`,
      [{ name: parameter, reason: `expected a name ending in ${extensions.join(', ')}` }],
    );
  const stem = name.slice(0, name.length - ext.length).slice(0, 120 - ext.length);
  return `${stem}${ext}`;
}

const interrupted = () => new HttpProblem(400, 'Upload interrupted', 'the file did not arrive whole; send it again');

/** Counts and hashes what passes through, and fails once more than maxBytes has passed. */
class Meter extends Transform {
  bytes = 0;
  readonly hash = createHash('sha256');
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(tooLarge(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }
}

async function save(source: Readable, dir: string, fileName: string, maxBytes: number): Promise<Omit<Upload, 'fields'>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, fileName);
  const meter = new Meter(maxBytes);
  // Not pipeline(source, …): a failure would destroy the request, and with it the socket the 413 is sent on.
  const written = pipeline(meter, createWriteStream(path, { mode: 0o600 }));
  // A client that goes away midway ends the upload (else it would wait, holding its validation slot, for ever).
  const cutShort = () => {
    if (!source.readableEnded) meter.destroy(interrupted());
  };
  source.once('close', cutShort);
  source.once('error', cutShort);
  source.pipe(meter);
  try {
    await written;
  } finally {
    source.unpipe(meter);
  }
  return { fileName, path, bytes: meter.bytes, sha256: meter.hash.digest('hex') };
}

function decodedHeader(req: Request, name: string): string | undefined {
  const value = req.get(name);
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpProblem(400, 'Bad file name', `${name}: not a percent-encoded UTF-8 name`, [
      { name, reason: 'malformed percent-escape' },
    ]);
  }
}

/** A multipart form: its one `file` part streamed to disk, its small fields kept. */
function receiveMultipart(req: Request, dir: string, maxBytes: number): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let saving: Promise<Omit<Upload, 'fields'>> | null = null;
    let form: busboy.Busboy;
    try {
      form = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 8, parts: 10, fieldSize: 1024, fileSize: maxBytes + 1, headerPairs: 50 },
      });
    } catch {
      reject(new HttpProblem(400, 'Bad form', 'multipart/form-data without a boundary'));
      return;
    }
    form.on('field', (name, value) => (fields[name] = value));
    form.on('file', (name, stream, info) => {
      if (name !== 'file' || saving) {
        stream.resume();
        return;
      }
      try {
        saving = save(stream, dir, stagedName(info.filename, info.mimeType, 'file'), maxBytes);
      } catch (error) {
        saving = Promise.reject(error);
      }
      // A file refused midway (too large) ends the request's reading at once.
      saving.catch((error: unknown) => {
        req.unpipe(form);
        reject(error);
      });
    });
    form.on('error', () => reject(new HttpProblem(400, 'Bad form', 'the multipart/form-data body is malformed')));
    form.on('close', () => {
      if (!saving)
        return reject(new HttpProblem(400, 'No file', "the form has no part named 'file'", [{ name: 'file', reason: 'missing' }]));
      saving.then((saved) => resolve({ ...saved, fields }), reject);
    });
    req.once('close', () => {
      if (!req.readableEnded) reject(interrupted());
    });
    req.pipe(form);
  });
}

/**
 * Receives the submitted file into dir: the raw body (named by X-File-Name) or a multipart form's `file` part.
 * Refuses more than maxBytes with 413 at once when the declared length says so, else as soon as it is exceeded.
 */
export async function receiveUpload(req: Request, dir: string, maxBytes: number): Promise<Upload> {
  const declared = Number(req.get('content-length') ?? NaN);
  // A multipart body carries its boundaries and headers besides the file.
  if (declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
  if (req.is('multipart/form-data')) return receiveMultipart(req, dir, maxBytes);
  const fileName = stagedName(decodedHeader(req, 'X-File-Name'), req.get('content-type'), 'X-File-Name');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  return { ...(await save(req, dir, fileName, maxBytes)), fields: {} };
}
