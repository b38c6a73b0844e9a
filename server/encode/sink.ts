import type { Response } from 'express';

/** Where encoded bytes go: the HTTP response (with backpressure) or a buffer for the result cache. */
export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>;
}

export function responseSink(res: Response): Sink {
  return {
    async write(chunk) {
      if (res.destroyed) throw new Error('client went away');
      if (!res.write(chunk)) {
        await new Promise<void>((resolve, reject) => {
          res.once('drain', resolve);
          res.once('close', () => reject(new Error('client went away')));
        });
      }
    },
  };
}

export class BufferSink implements Sink {
  private parts: Buffer[] = [];
  size = 0;

  async write(chunk: string | Uint8Array): Promise<void> {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.parts.push(typeof chunk === 'string' ? buffer : Buffer.from(buffer));
    this.size += buffer.length;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}
