import { open } from 'node:fs/promises';
import { BriefwireError } from '../model/errors.ts';
import { LIMITS } from '../model/limits.ts';
import { type Decoded, decodeBytes } from './decode.ts';
import { notTextReason } from './not-text.ts';
import type { InputFormat } from './sources.ts';

/**
 * One input file's text: at most `maxBytes` read (a larger file is refused by its size before
 * any of it is read, so one huge file cannot exhaust memory), decoded in its own encoding,
 * and refused when what comes out is not text.
 */

export interface ReadOptions {
  /** Bytes accepted from one file; defaults to LIMITS.fileBytes. */
  maxBytes?: number;
  /** A charset declared from outside the file (an HTTP Content-Type's, for a fetched page). */
  declared?: string;
}

/** Bytes read per call; a file is read in chunks so a file growing while read stays bounded. */
const CHUNK_BYTES = 1024 * 1024;

export async function readInputText(
  path: string,
  format: InputFormat,
  options: ReadOptions = {},
): Promise<Decoded> {
  const bytes = await readBounded(path, options.maxBytes ?? LIMITS.fileBytes);
  const decoded = decodeBytes(bytes, {
    html: format === 'html',
    ...(options.declared === undefined ? {} : { declared: options.declared }),
  });
  const reason = notTextReason(decoded.text);
  if (reason !== null) {
    throw new BriefwireError(
      'INPUT_NOT_TEXT',
      `${path}: not text: ${reason}; read as ${decoded.encoding} (${SOURCE_WORDS[decoded.source]})`,
      path,
    );
  }
  return decoded;
}

const SOURCE_WORDS: Readonly<Record<Decoded['source'], string>> = {
  bom: 'its byte-order mark',
  declared: 'as declared',
  document: 'as the document declares',
  'valid-utf8': 'valid UTF-8',
  fallback: 'not valid UTF-8 and no encoding declared',
};

/** The file's bytes, or INPUT_TOO_LARGE when it holds more than `maxBytes`. */
export async function readBounded(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw tooLarge(path, `${describeBytes(size)} is`, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    // One byte past the limit is enough to know the file outgrew it while being read.
    while (total <= maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLarge(path, 'it grew while being read and is', maxBytes);
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

function tooLarge(path: string, what: string, maxBytes: number): BriefwireError {
  return new BriefwireError(
    'INPUT_TOO_LARGE',
    `${path}: ${what} over the limit of ${describeBytes(maxBytes)} per file (BRIEFWIRE_MAX_FILE_BYTES)`,
    path,
  );
}

/** "52428800 bytes (50.0 MiB)": exact, and readable at a glance. */
export function describeBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const [value, unit] = n < 1024 ** 2 ? [n / 1024, 'KiB'] : [n / 1024 ** 2, 'MiB'];
  return `${n} bytes (${value.toFixed(1)} ${unit})`;
}
