import { describe, expect, it } from 'vitest';
import { detokenise, storyText } from '../../eval/reuters-stories.ts';

const words = (s: string): string[] => s.split(' ');

describe('Reuters stories rebuilt from CoNLL words', () => {
  it('joins punctuation, clitics and quotation marks to their words', () => {
    expect(detokenise(words('" We do n\'t go , " Mara Quist said ( Portline ) of $ 5 .'))).toBe(
      '"We don\'t go," Mara Quist said (Portline) of $5.',
    );
  });

  it('keeps the dateline before the first body sentence and one sentence a line', () => {
    expect(
      storyText([
        words('Belmora port reopens .'),
        words('BELMORA 1996-08-22'),
        words('The port reopened .'),
        words('Trade resumed .'),
      ]),
    ).toBe('Belmora port reopens.\n\nBELMORA 1996-08-22 - The port reopened.\nTrade resumed.');
  });

  it('keeps a quote over several sentences on one line and moves a stray opening mark', () => {
    expect(
      storyText([
        words('Headline'),
        words('" We sail . We are ready , " Quist said . "'),
        words('Nobody stops us . "'),
        words('.'),
      ]),
    ).toBe('Headline\n\n"We sail. We are ready," Quist said.\n"Nobody stops us.".');
  });

  it('keeps a quote open across sentences when its mark closes later', () => {
    expect(storyText([words('H'), words('" We sail .'), words('We are ready , " he said .')])).toBe(
      'H\n\n"We sail. We are ready," he said.',
    );
  });
});
