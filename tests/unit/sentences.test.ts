import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.ts';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('ends a sentence after a closing quotation mark', () => {
    expect(texts('He said it was “over.” Then he left.')).toEqual([
      'He said it was “over.”',
      'Then he left.',
    ]);
  });

  it('does not end a sentence at a comma inside a quotation followed by its speaker', () => {
    expect(texts('“We will not move,” Jane Doe said. Talks resume today.')).toEqual([
      '“We will not move,” Jane Doe said.',
      'Talks resume today.',
    ]);
  });

  it('keeps a question quoted before its speech verb in one sentence', () => {
    expect(texts('“Why now?” she asked. Nobody answered.')).toEqual([
      '“Why now?” she asked.',
      'Nobody answered.',
    ]);
  });

  it('does not split after titles, initials or abbreviations before a name', () => {
    expect(
      texts('Mr. Smith met Dr. J. R. Jones on Jan. 5 at No. 10 Downing St. in London. It rained.'),
    ).toHaveLength(2);
  });

  it('splits after an abbreviation that ends a sentence', () => {
    expect(texts('The firm moved to the U.S. The move was costly.')).toEqual([
      'The firm moved to the U.S.',
      'The move was costly.',
    ]);
  });

  it('treats a blank line as a paragraph end and numbers paragraphs', () => {
    const s = splitSentences('Headline without a stop\n\nFirst line. Second line.');
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([
      ['Headline without a stop', 0],
      ['First line.', 1],
      ['Second line.', 1],
    ]);
  });

  it('gives offsets that slice back to each sentence exactly', () => {
    const text = '  Emoji 😀 first. “Quoted!” Second…  Third one\nwraps here.\n\nLast';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
