import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBytes, documentCharset } from '../../src/ingest/decode.ts';
import { notTextReason } from '../../src/ingest/not-text.ts';

/** Bytes → text in the encoding the bytes declare or show, and text that is not text. */

const TEXT = 'Café Marrowby reopens — “déjà vu” for Mara Quist';
const utf16le = (s: string) =>
  Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')]);
const utf16be = (s: string) =>
  Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, 'utf-16be')]);
const page = (head: string, body: string) =>
  `<html><head>${head}<title>Portline</title></head><body><p>${body}</p></body></html>`;

describe('decodeBytes', () => {
  it('follows a byte-order mark: UTF-8, UTF-16LE, UTF-16BE, and drops the mark', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]);
    expect(decodeBytes(utf8)).toEqual({ text: TEXT, encoding: 'utf-8', source: 'bom' });
    expect(decodeBytes(utf16le(TEXT))).toEqual({ text: TEXT, encoding: 'utf-16le', source: 'bom' });
    expect(decodeBytes(utf16be(TEXT))).toEqual({ text: TEXT, encoding: 'utf-16be', source: 'bom' });
  });

  it('reads valid UTF-8 as UTF-8 and anything else as windows-1252, as browsers do', () => {
    expect(decodeBytes(Buffer.from(TEXT))).toMatchObject({ text: TEXT, source: 'valid-utf8' });
    const legacy = iconv.encode(TEXT, 'windows-1252');
    expect(decodeBytes(legacy)).toEqual({
      text: TEXT,
      encoding: 'windows-1252',
      source: 'fallback',
    });
  });

  it('honours an HTML meta charset, in both forms, and the XML declaration', () => {
    const forms = [
      '<meta charset="iso-8859-1">',
      "<meta charset='latin1'/>",
      '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ];
    for (const head of forms) {
      // Latin-1 bytes that also happen to be valid UTF-8 nowhere, so only the meta tag says how.
      const bytes = iconv.encode(page(head, 'Café Marrowby'), 'latin1');
      const decoded = decodeBytes(bytes, { html: true });
      expect(decoded.text, head).toContain('Café Marrowby');
      expect(decoded.source).toBe('document');
    }
    const xml = iconv.encode(
      `<?xml version="1.0" encoding="koi8-r"?>${page('', 'Привет, Марроуби')}`,
      'koi8-r',
    );
    expect(decodeBytes(xml, { html: true }).text).toContain('Привет, Марроуби');
  });

  it('looks for a declaration only in HTML, and only outside comments', () => {
    const bytes = iconv.encode(page('<meta charset="iso-8859-1">', 'Café'), 'latin1');
    expect(decodeBytes(bytes).source).toBe('fallback'); // a .txt that quotes HTML
    const commented = Buffer.from(page('<!-- <meta charset="koi8-r"> -->', 'Café'));
    expect(decodeBytes(commented, { html: true })).toMatchObject({ source: 'valid-utf8' });
    expect(documentCharset(commented)).toBeNull();
  });

  it('puts a BOM over an outside declaration, and an outside declaration over the document', () => {
    const latin = iconv.encode(page('<meta charset="koi8-r">', 'Café'), 'latin1');
    const declared = decodeBytes(latin, { html: true, declared: 'iso-8859-1' });
    expect(declared).toMatchObject({ encoding: 'windows-1252', source: 'declared' });
    expect(declared.text).toContain('Café');
    expect(decodeBytes(utf16le(TEXT), { declared: 'koi8-r' }).text).toBe(TEXT);
  });

  it('passes over unknown labels, and reads a meta "utf-16" in an ASCII page as UTF-8', () => {
    const unknown = Buffer.from(page('<meta charset="x-marrowby-7">', TEXT));
    expect(decodeBytes(unknown, { html: true, declared: 'nonsense' })).toMatchObject({
      source: 'valid-utf8',
    });
    expect(decodeBytes(iconv.encode('Café', 'latin1'), { declared: '' }).text).toBe('Café');
    const claimsUtf16 = Buffer.from(page('<meta charset="utf-16">', TEXT));
    expect(decodeBytes(claimsUtf16, { html: true })).toMatchObject({ encoding: 'utf-8' });
    expect(decodeBytes(claimsUtf16, { html: true }).text).toContain(TEXT);
  });
});

describe('notTextReason', () => {
  const prose =
    'The Portline ferry resumed its crossings on Monday.\tTimes:\r\n\fPage two.\n'.repeat(20);

  it('accepts prose with tabs, line breaks and form feeds', () => {
    expect(notTextReason(prose)).toBeNull();
    expect(notTextReason(`${prose}\u001b[1m`)).toBeNull(); // a stray escape in a long text
  });

  it('refuses any NUL', () => {
    expect(notTextReason(`${prose}\u0000`)).toMatch(/1 NUL character\b/);
  });

  it('refuses more than 1% control characters', () => {
    const controls = '\u0001\u0002\u0007\u001b\u0085'.repeat(Math.ceil(prose.length / 400));
    expect(notTextReason(prose + controls)).toMatch(/control characters/);
  });

  it('refuses more than 10 replacement characters, or more than 1% of a short text', () => {
    expect(notTextReason(`${prose}${'\ufffd'.repeat(10)}`)).toBeNull();
    expect(notTextReason(`${prose}${'\ufffd'.repeat(11)}`)).toMatch(
      /11 characters could not be decoded/,
    );
    expect(notTextReason('Caf\ufffd Marrowby reopens')).toMatch(/could not be decoded/);
  });
});
