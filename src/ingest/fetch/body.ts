import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { type FetchTarget, fetchError } from './fetch-errors.ts';

/**
 * Reads a response body, decompressed, and never holds more than `maxBytes` of it: at the cap
 * the decoder and the connection are destroyed, so a gzip, deflate or brotli bomb costs the
 * cap in memory and the time to inflate the cap, not the bomb.
 */
export function readBody(
  response: IncomingMessage,
  target: FetchTarget,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Buffer> {
  const encoding = contentEncoding(response);
  if (encoding === null) {
    response.destroy();
    const named = String(response.headers['content-encoding']);
    return Promise.reject(
      fetchError('FETCH_FAILED', target, `the body uses an unsupported encoding (${named})`),
    );
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let decoder: Transform | null = null;
    let settled = false;
    let sawBytes = false;

    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error) {
        decoder?.destroy();
        response.destroy();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    };
    const onAbort = () => finish(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });

    const keep = (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) {
        const over = encoding === 'identity' ? 'the body is' : 'the decompressed body is';
        finish(
          fetchError('FETCH_TOO_LARGE', target, `${over} over the limit of ${maxBytes} bytes`),
        );
        return;
      }
      chunks.push(chunk);
    };
    const corrupt = (e: Error) =>
      finish(fetchError('FETCH_FAILED', target, `the ${encoding} body is corrupt: ${e.message}`));

    response.on('data', (chunk: Buffer) => {
      if (settled) return;
      sawBytes = true;
      if (encoding === 'identity') return keep(chunk);
      if (decoder === null) {
        decoder = createDecoder(encoding, chunk);
        decoder.on('data', keep);
        decoder.on('error', corrupt);
        decoder.on('end', () => finish(null));
        decoder.on('drain', () => response.resume());
      }
      // Backpressure: the decoder's output is consumed as it comes, its input waits for it.
      if (!decoder.write(chunk)) response.pause();
    });
    response.on('end', () => {
      if (encoding === 'identity' || !sawBytes) finish(null);
      else decoder?.end();
    });
    response.on('aborted', () =>
      finish(
        fetchError('FETCH_FAILED', target, 'the connection closed before the body was complete'),
      ),
    );
    response.on('error', (e) =>
      finish(
        signal.aborted
          ? (signal.reason as Error)
          : fetchError('FETCH_FAILED', target, `the body could not be read: ${e.message}`),
      ),
    );
  });
}

type Encoding = 'identity' | 'gzip' | 'deflate' | 'br';

function contentEncoding(response: IncomingMessage): Encoding | null {
  const value = (response.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (value === '' || value === 'identity') return 'identity';
  if (value === 'gzip' || value === 'x-gzip') return 'gzip';
  if (value === 'deflate') return 'deflate';
  if (value === 'br') return 'br';
  return null;
}

/** Lenient like browsers: a body cut short still yields what arrived. */
function createDecoder(encoding: Exclude<Encoding, 'identity'>, first: Buffer): Transform {
  const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  if (encoding === 'gzip') return zlib.createGunzip(flush);
  if (encoding === 'br') {
    return zlib.createBrotliDecompress({
      flush: zlib.constants.BROTLI_OPERATION_FLUSH,
      finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
    });
  }
  // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: the header tells.
  return hasZlibHeader(first) ? zlib.createInflate(flush) : zlib.createInflateRaw(flush);
}

function hasZlibHeader(bytes: Buffer): boolean {
  if (bytes.length < 2) return true;
  const cmf = bytes[0]!;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | bytes[1]!) % 31 === 0;
}
