import type { Response } from 'express';

export type Bytes = string | Uint8Array;

/** Where encoded bytes go: the HTTP response (with backpressure) or a buffer for the result cache. */
export interface Sink {
  /**
   * Resolves once the sink no longer needs the bytes (HTTP: handed to the kernel), so that the caller may
   * then reuse their memory; several parts go out together.
   */
  write(bytes: Bytes | readonly Bytes[]): Promise<void>;
}

export function responseSink(res: Response): Sink {
  return {
    write(bytes) {
      const parts = typeof bytes === 'string' || bytes instanceof Uint8Array ? [bytes] : bytes;
      if (res.destroyed) return Promise.reject(new Error('client went away'));
      if (parts.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const closed = () => reject(new Error('client went away'));
        res.once('close', closed);
        // Corked, the parts leave in one writev; the last one's callback comes when all are flushed.
        res.cork();
        for (const part of parts.slice(0, -1)) res.write(part);
        res.write(parts[parts.length - 1], (error) => {
          res.off('close', closed);
          if (error) reject(new Error('client went away', { cause: error }));
          else resolve();
        });
        res.uncork();
      });
    },
  };
}

export class BufferSink implements Sink {
  private parts: Buffer[] = [];
  size = 0;

  async write(bytes: Bytes | readonly Bytes[]): Promise<void> {
    for (const part of typeof bytes === 'string' || bytes instanceof Uint8Array ? [bytes] : bytes) {
      // Copied: the caller reuses its memory once write() has resolved.
      const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part);
      this.parts.push(buffer);
      this.size += buffer.length;
    }
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}
