import { describe, expect, it } from 'vitest';
import { locate, overlaps, sentenceAt, wordOverlapAnswer } from '../../eval/answers.ts';

const text = [
  'Harbour town votes on new ferry.',
  '',
  'The council of Lindqvar met on Monday. It approved a ferry costing 4 million crowns.',
  '',
  '“We waited long enough,” said mayor Oda Brenn.',
].join('\n');

const spanOf = (part: string): { start: number; end: number } => {
  const start = text.indexOf(part);
  return { start, end: start + part.length };
};

describe('answers eval harness', () => {
  it('maps a gold span inside a sentence to that whole sentence', () => {
    const gold = sentenceAt(text, spanOf('4 million'));
    expect(gold && text.slice(gold.start, gold.end)).toBe(
      'It approved a ferry costing 4 million crowns.',
    );
  });

  it('joins the sentences a span crosses', () => {
    const gold = sentenceAt(text, spanOf('Monday. It approved'));
    expect(gold && text.slice(gold.start, gold.end)).toBe(
      'The council of Lindqvar met on Monday. It approved a ferry costing 4 million crowns.',
    );
  });

  it('finds a cited sentence again in the file despite changed whitespace', () => {
    const found = locate(text, 'It approved a ferry\n costing 4 million   crowns.');
    expect(found).toEqual(spanOf('It approved a ferry costing 4 million crowns.'));
    expect(found && overlaps(found, spanOf('4 million'))).toBe(true);
    expect(found && overlaps(found, spanOf('met on Monday'))).toBe(false);
    expect(locate(text, 'A sentence from another article.')).toBeNull();
  });

  it('the naive baseline picks the sentence sharing most question words', () => {
    const got = wordOverlapAnswer(text, 'How much does the ferry cost in crowns?');
    expect(got && text.slice(got.start, got.end)).toContain('4 million crowns');
    expect(wordOverlapAnswer(text, 'Xyzzy?')).toBeNull();
  });
});
