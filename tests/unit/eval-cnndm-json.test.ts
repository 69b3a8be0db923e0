import { describe, expect, it } from 'vitest';
import { jsonRecordSummary, summaryInput, untokenise } from '../../eval/cnndm-json.ts';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { rankSummary } from '../../src/nlp/summary.ts';

describe('CNN/DM articles as JSON records', () => {
  it('puts a tokenised, lower-cased article back into ordinary prose', () => {
    const tokenised =
      "marrowby ( portline ) mara quist said she is `` sure '' of the plan . it costs $ 24 million , i 'm told . the vote is at 8 p.m. on friday ; quist 's aides did n't say more .";
    expect(untokenise(tokenised)).toBe(
      "Marrowby (portline) mara quist said she is \"sure\" of the plan. It costs $24 million, I'm told. The vote is at 8 p.m. on friday; quist's aides didn't say more.",
    );
  });

  it('ranks the same sentences analyzeText ranks for its summary', () => {
    const title = 'Portline harbour reopens';
    const text = [
      'The Portline harbour reopened on Monday after a week of repairs, the port authority said.',
      'Mara Quist, who runs the authority, said the harbour would be busier than before.',
      '"We have never been readier," she said.',
      'Ships from Marrowby were the first to dock, and more are expected this week.',
      'The repairs cost less than planned.',
    ].join('\n\n');
    const analysis = analyzeText(title, text);
    const mine = summaryInput(title, text);
    expect(mine.sentences).toEqual(analysis.sentences);
    expect(rankSummary(mine.title, mine.sentences)).toEqual(analysis.summary);
  });

  it('gives three sentences of the article in reading order, the lead kept', () => {
    const article =
      'the portline harbour reopened on monday after a week of repairs . mara quist , who runs the authority , said the harbour would be busier . ships from marrowby were the first to dock . more are expected this week . the repairs cost less than planned .';
    const summary = jsonRecordSummary(article, 3);
    expect(summary).toHaveLength(3);
    expect(summary.join(' ')).toContain('The portline harbour reopened on monday');
    const at = summary.map((s) => untokenise(article).indexOf(s));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});
