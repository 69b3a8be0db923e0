import { describe, expect, it } from 'vitest';
import { speakerOf } from '../helpers/speakers.ts';

// Invented text: quoted words the writer uses as a term or a name, not anyone's speech.

describe('terms in quotation marks', () => {
  it('a few words in running text take no speaker from the sentences around them', () => {
    const text = [
      '"We only listed things you can carry," said Mara Quist, the editor of Sea Craft.',
      'The list also includes the first "waterproof" radio and the Orlen pocket compass.',
    ].join('\n');
    expect(speakerOf(text, 'waterproof')).toBeNull();
  });

  it('a name the text gives something ("the study “…”", "so-called “…”") has no speaker', () => {
    const text = [
      'Mara Quist led the research at Marrowby University.',
      'Some 40 skippers were interviewed for the study "Who Runs the Port, Captain".',
      'Tobin Ashgrove, one of the so-called "Harbour Lads", told the researchers: "We were never asked."',
    ].join('\n');
    expect(speakerOf(text, 'Who Runs the Port')).toBeNull();
    expect(speakerOf(text, 'Harbour Lads')).toBeNull();
    expect(speakerOf(text, 'We were never asked')).toBe('Tobin Ashgrove');
  });

  it('keeps a short quote its own sentence attributes ("X called the plan “reckless”")', () => {
    const text = 'Mara Quist called the harbour plan "reckless and costly" on Monday.';
    expect(speakerOf(text, 'reckless')).toBe('Mara Quist');
  });
});
