import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/nlp/sentences.ts';

/** The splitting a summary ranks: a sentence may open with an amount of money. */
const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences before an amount of money', () => {
  it('ends a sentence before one that opens with a currency sign', () => {
    expect(texts('The vault in Marrowby held jewels. £3m in cash was also taken.')).toEqual([
      'The vault in Marrowby held jewels.',
      '£3m in cash was also taken.',
    ]);
    expect(texts('Quist called the fund “nearly empty.” €2bn had been promised.')).toEqual([
      'Quist called the fund “nearly empty.”',
      '€2bn had been promised.',
    ]);
    expect(texts('Tickets went on sale at noon. $40 buys a seat.')).toHaveLength(2);
  });

  it('does not end one at an abbreviation before the amount', () => {
    expect(texts('Doors open at 7 p.m. $10 on the door in Portline.')).toHaveLength(1);
    expect(texts('Shares in Quist Holdings Inc. $12 each were sold.')).toHaveLength(1);
  });
});
