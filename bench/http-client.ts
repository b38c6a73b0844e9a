import { Agent, request } from 'node:http';
import { msSince } from './stats.js';

export interface Fetched {
  status: number;
  /** Body bytes received. */
  bytes: number;
  /** Milliseconds to the response headers and to the last byte. */
  ttfbMs: number;
  totalMs: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body, only when asked to keep it. */
  body?: Buffer;
}

/** One keep-alive connection for sequential requests, as a browser tab would reuse. */
const sequentialAgent = new Agent({ keepAlive: true, maxSockets: 1 });

/** GETs a URL, reads the whole body (discarding it unless `keep`), and times it. */
export function httpGet(url: string, options: { keep?: boolean; headers?: Record<string, string>; agent?: Agent } = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = request(url, { agent: options.agent ?? sequentialAgent, headers: options.headers }, (res) => {
      const ttfbMs = msSince(start);
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (options.keep) chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          bytes,
          ttfbMs,
          totalMs: msSince(start),
          headers: res.headers,
          ...(options.keep ? { body: Buffer.concat(chunks) } : {}),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
