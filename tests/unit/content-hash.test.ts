import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../src/ingest/prepare.ts';

/** The fingerprint of the whole text, computed in one go, independently of the pieces. */
function wholeHash(text: string): string {
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[“”„"]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256').update(normal).digest('hex');
}

describe('contentHash', () => {
  it('ignores quotes, case and spacing', () => {
    expect(contentHash('“Fair offer,” said  Mara Quist.')).toBe(
      contentHash('"fair offer," said Mara\nQuist. '),
    );
  });

  it.each([
    ['many paragraphs', '  “A fair offer,” said Mara Quist of Portline.\n\n'.repeat(20_000)],
    ['a long token among words', `${'harbour '.repeat(20_000)}${'x'.repeat(150_000)}  \t end `],
    ['whitespace runs at piece ends', `${'word\u00a0 \n '.repeat(40_000)}last`],
  ])('hashes a long text (%s) in pieces to the hash of the whole', (_name, text) => {
    expect(text.length).toBeGreaterThan(65_536);
    expect(contentHash(text)).toBe(wholeHash(text));
  });
});
