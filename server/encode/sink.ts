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

/** Resolves when the response can take more (drain), rejects if the client goes away first. */
function drained(res: Response): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('client went away'));
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/**
 * The HTTP response as a sink. Bytes are copied before they are written: a layer in between (compression) may
 * keep a chunk after write() returns, and encoders reuse their buffers. Backpressure is res.write()'s return
 * value and the drain event, which every layer keeps (not every one calls write callbacks).
 */
export function responseSink(res: Response): Sink {
  return {
    async write(bytes) {
      const parts = typeof bytes === 'string' || bytes instanceof Uint8Array ? [bytes] : bytes;
      if (res.destroyed) throw new Error('client went away');
      if (parts.length === 0) return;
      let room = true;
      // Corked, the parts leave in one writev.
      res.cork();
      for (const part of parts) room = res.write(typeof part === 'string' ? part : Buffer.from(part)) && room;
      res.uncork();
      if (!room) await drained(res);
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
