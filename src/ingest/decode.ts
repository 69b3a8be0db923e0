import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/**
 * Bytes → text, in the encoding the bytes say they are in. The order is the one browsers use
 * (WHATWG "encoding sniffing"): a byte-order mark; then a charset declared from outside the
 * file (a later HTTP Content-Type, passed as `declared`); then, for HTML, the XML declaration
 * or a `<meta charset>` / `<meta http-equiv="Content-Type">` near the top; then UTF-8 when
 * the bytes are valid UTF-8; else windows-1252, the browsers' fallback for unlabelled pages.
 * An unknown or unsupported label is passed over, never fatal.
 */

export type EncodingSource = 'bom' | 'declared' | 'document' | 'valid-utf8' | 'fallback';

export interface Decoded {
  text: string;
  /** The encoding the text was decoded from, as iconv-lite names it (e.g. "utf-8"). */
  encoding: string;
  /** Why that encoding was chosen. */
  source: EncodingSource;
}

export interface DecodeOptions {
  /** HTML: look for the encoding declared inside the document. */
  html?: boolean;
  /** A charset declared from outside the file, such as an HTTP Content-Type's. */
  declared?: string;
}

/** How far into an HTML file to look for its declaration (WHATWG looks at 1024 bytes; pages with long head comments need more). */
const SNIFF_BYTES = 4096;

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  // UTF-32LE before UTF-16LE: its mark starts with the UTF-16LE one.
  { bytes: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Labels browsers read as windows-1252, whose C1 range holds €, “, ” and the like. */
const WINDOWS_1252_ALIASES = new Set([
  'ascii',
  'us-ascii',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'cp819',
  'x-user-defined',
]);

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  if (bom) return decodeAs(bytes, bom.encoding, 'bom');

  const declared = options.declared === undefined ? null : supportedLabel(options.declared);
  if (declared) return decodeAs(bytes, declared, 'declared');

  if (options.html) {
    const label = documentCharset(bytes);
    // A document readable far enough to declare UTF-16 in ASCII is not UTF-16 (WHATWG).
    const inDocument = label === null ? null : supportedLabel(label, { utf16IsUtf8: true });
    if (inDocument) return decodeAs(bytes, inDocument, 'document');
  }

  if (isUtf8(bytes)) return decodeAs(bytes, 'utf-8', 'valid-utf8');
  return decodeAs(bytes, 'windows-1252', 'fallback');
}

function decodeAs(bytes: Uint8Array, encoding: string, source: EncodingSource): Decoded {
  // iconv-lite strips the byte-order mark of the encoding it decodes.
  return { text: iconv.decode(bytes, encoding), encoding, source };
}

/** The label iconv-lite should decode with, or null for one it does not know. */
export function supportedLabel(
  raw: string,
  options: { utf16IsUtf8?: boolean } = {},
): string | null {
  const label = raw
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (label === '') return null;
  if (WINDOWS_1252_ALIASES.has(label)) return 'windows-1252';
  if (options.utf16IsUtf8 && /^utf-?16/.test(label)) return 'utf-8';
  if (/^utf-?8$/.test(label) || label === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(label) ? label : null;
}

/**
 * The charset an HTML file declares near its top: the XML declaration's `encoding`, or a
 * meta tag's `charset` (both `<meta charset=…>` and the `content="…; charset=…"` form).
 */
export function documentCharset(bytes: Uint8Array): string | null {
  // latin1 keeps every byte as one character, so ASCII markup reads the same in any
  // ASCII-compatible encoding.
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return xml[1];
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(head);
  return meta?.[1] ?? null;
}
