import { describe, expect, it } from 'vitest';
import { parseAnn } from '../../eval/polnear.ts';

describe('eval harness', () => {
  it('reads brat attributions, linking content to its source', () => {
    const ann = [
      'T1\tSource 0 8\tJane Roe',
      'T2\tCue 9 13\tsaid',
      'T3\tContent 14 30\t"we will return"',
      'T4\tAttribution 9 13\tsaid',
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
      'T5\tContent 40 50;55 60\tsplit span',
      'E2\tContent:T5',
    ].join('\n');
    const [first, second] = parseAnn(ann);
    expect(first).toEqual({
      content: { start: 14, end: 30, text: '"we will return"' },
      source: { start: 0, end: 8, text: 'Jane Roe' },
    });
    expect(second).toEqual({ content: { start: 40, end: 60, text: 'split span' }, source: null });
  });
});
