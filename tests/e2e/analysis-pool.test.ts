import { afterAll, describe, expect, it } from 'vitest';
import { createAnalysisPool } from '../../src/ingest/analysis-pool.ts';
import { analyzeText } from '../../src/nlp/analyze.ts';

/** The worker pool analyses as this thread does, several articles at once, in any order asked. */

const pool = createAnalysisPool(2);
afterAll(() => pool.close());

const article = (i: number): [string, string] => [
  `Lock keepers strike on canal ${i}`,
  `Lock keepers on the Senna canal walked out on day ${i}. "The gates do not open themselves," said Morwen Tallack of the Waterways Guild. Minister Piran Rowe said talks would resume.`,
];

describe('the analysis pool', () => {
  it('gives each article the analysis this thread gives it, with jobs in flight together', async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => article(i));
    const running = inputs.map(([title, text]) => pool.analyse(title, text));
    expect(pool.pending).toBeGreaterThan(0);
    const results = await Promise.all(running);
    expect(results).toEqual(inputs.map(([title, text]) => analyzeText(title, text)));
    expect(pool.pending).toBe(0);
    expect(JSON.stringify(results[0])).toContain('Morwen Tallack');
  });
});
