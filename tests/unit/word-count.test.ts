import { describe, expect, it } from 'vitest';
import { isTaglineLike } from '../../src/ingest/clean.ts';
import { wordCount } from '../../src/nlp/words.ts';

/** One word count (src/nlp/words.ts) for summary budgets and ingest's length rules. */
describe('wordCount', () => {
  it('counts tokens with a letter or digit, not spaced dashes or bars', () => {
    expect(wordCount('Talks resume — and a deal | maybe')).toBe(6);
    expect(wordCount('  £5bn, 2026: “yes” ')).toBe(3);
    expect(wordCount(' — | • ')).toBe(0);
  });

  it('is the count ingest measures blocks with', () => {
    // Five words between four dashes: short enough for a kicker (at most 8 words).
    expect(isTaglineLike('World — Europe — Politics — Elections — Live')).toBe(true);
  });
});
