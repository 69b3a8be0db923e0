import { describe, expect, it } from 'vitest';
import { conllDocuments, halfOf, partOf, rowsByPart } from '../../eval/split.ts';

describe('eval split into tuning and check halves', () => {
  it('puts each document id in the half its sha256 gives, the same on every run', () => {
    // Pinned: changing the rule would silently move documents between halves.
    const ids = ['marrowby-0001', 'portline/004.txt', '000022', 'quist-page', 'a', 'b', 'c', 'd'];
    expect(Object.fromEntries(ids.map((id) => [id, halfOf(id)]))).toMatchInlineSnapshot(`
      {
        "000022": "tuning",
        "a": "tuning",
        "b": "tuning",
        "c": "tuning",
        "d": "tuning",
        "marrowby-0001": "check",
        "portline/004.txt": "check",
        "quist-page": "check",
      }
    `);
  });

  it('splits a set of documents roughly in half, and the parts add up to the whole', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `doc-${i}`);
    const tuning = partOf(ids, 'tuning', (x) => x);
    const check = partOf(ids, 'check', (x) => x);
    expect(tuning.length + check.length).toBe(400);
    expect(tuning.length).toBeGreaterThan(160);
    expect(check.length).toBeGreaterThan(160);
    expect(partOf(ids, 'whole', (x) => x)).toEqual(ids);
    expect(tuning.filter((t) => check.includes(t))).toEqual([]);
  });

  it('groups CoNLL sentences into stories by the dateline after each headline', () => {
    const sentences = [
      ['PORTLINE', 'WINS', 'CUP'],
      ['MARROWBY', '1996-08-30'],
      ['Portline', 'won', '.'],
      ['It', 'rained', '.'],
      ['QUIST', 'RESIGNS'],
      ['LONDON', '1996-08-31'],
      ['Mara', 'Quist', 'resigned', '.'],
    ];
    const ids = conllDocuments(sentences);
    expect(new Set(ids.slice(0, 4)).size).toBe(1);
    expect(new Set(ids.slice(4)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[4]);
    expect(ids[4]).toBe('QUIST RESIGNS LONDON 1996-08-31');
  });

  it('folds the rows of each part into one row with the halves beside the whole', () => {
    const rows = rowsByPart((part) => [
      {
        measure: 'm',
        ours: part === 'whole' ? 0.5 : part === 'tuning' ? 0.75 : 0.25,
        baseline: part === 'check' ? 0.1 : 0.2,
        baselineName: 'b',
        target: '≥ 0.5',
        pass: part !== 'check',
      },
    ]);
    expect(rows).toEqual([
      {
        measure: 'm',
        ours: 0.5,
        baseline: 0.2,
        baselineName: 'b',
        target: '≥ 0.5',
        pass: true,
        halves: {
          tuning: { ours: 0.75, baseline: 0.2, pass: true },
          check: { ours: 0.25, baseline: 0.1, pass: false },
        },
      },
    ]);
  });
});
