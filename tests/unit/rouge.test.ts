import { describe, expect, it } from 'vitest';
import { lcsPositions, rouge, rougeL, rougeN, rougeTokens } from '../../eval/rouge.ts';
import { tokenisedSentences } from '../../eval/summaries.ts';

/** ROUGE on strings small enough to check by hand. */
describe('rouge', () => {
  it('tokenises to lowercased words without punctuation', () => {
    expect(rougeTokens('The cat, sat.')).toEqual(['the', 'cat', 'sat']);
  });

  it('counts unigrams and bigrams, clipped to the reference counts', () => {
    const r = rouge(['the cat sat on the mat'], ['the cat lay on the mat']);
    // the×2, cat, on, mat: 5 of 6 each way.
    expect(r.rouge1.precision).toBeCloseTo(5 / 6);
    expect(r.rouge1.recall).toBeCloseTo(5 / 6);
    // "the cat", "on the", "the mat": 3 of 5 bigrams each way.
    expect(r.rouge2.f1).toBeCloseTo(3 / 5);
    // LCS "the cat on the mat".
    expect(r.rougeL.f1).toBeCloseTo(5 / 6);
    const clipped = rougeN(['the', 'the', 'the'], ['the', 'cat'], 1);
    expect(clipped.precision).toBeCloseTo(1 / 3);
    expect(clipped.recall).toBeCloseTo(1 / 2);
    expect(clipped.f1).toBeCloseTo(0.4);
  });

  it('finds one longest common subsequence', () => {
    expect(lcsPositions(['a', 'b', 'c', 'd'], ['b', 'x', 'd'])).toEqual([1, 3]);
  });

  it('takes the union of LCS hits for summary-level ROUGE-L (Lin 2004, section 3.2)', () => {
    const ref = [['w1', 'w2', 'w3', 'w4', 'w5']];
    const cand = [
      ['w1', 'w2', 'w6', 'w7', 'w8'],
      ['w1', 'w3', 'w8', 'w9', 'w5'],
    ];
    // Union of "w1 w2" and "w1 w3 w5" is 4 words: recall 4/5, precision 4/10.
    const r = rougeL(cand, ref);
    expect(r.recall).toBeCloseTo(0.8);
    expect(r.precision).toBeCloseTo(0.4);
    expect(r.f1).toBeCloseTo((2 * 0.8 * 0.4) / 1.2);
  });

  it('scores an empty candidate as zero', () => {
    expect(rouge([], ['a reference'])).toEqual({
      rouge1: { precision: 0, recall: 0, f1: 0 },
      rouge2: { precision: 0, recall: 0, f1: 0 },
      rougeL: { precision: 0, recall: 0, f1: 0 },
    });
  });

  it('splits tokenised text after . ? and !, keeping a closing quote with its sentence', () => {
    const text = "the mayor spoke . `` we will rebuild . '' is it enough ? work starts monday";
    expect(tokenisedSentences(text).map((s) => s.text)).toEqual([
      'the mayor spoke .',
      "`` we will rebuild . ''",
      'is it enough ?',
      'work starts monday',
    ]);
    for (const s of tokenisedSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
