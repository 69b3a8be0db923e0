import { describe, expect, it } from 'vitest';
import { speakerOf } from '../helpers/speakers.ts';

// Invented text: after a speech verb, a subject that opens a clause of its own ("said the
// board had …", "admitted it was …") is what was said about, not who said it (#15).

describe('a subject after the speech verb that starts its own clause', () => {
  const text = [
    'Mara Hale has denied her team was split over plans to bring in QX passes.',
    'The Green leader said her front bench had reached a "shared view", but admitted it was "not a simple matter".',
    'She granted there were "good civil arguments" against the passes, but said the shadow Board had weighed up all the "competing claims" before its decision.',
    '"I do not pretend it is easy, but a choice had to be made."',
  ].join('\n\n');

  it('does not take "it" after the verb for the speaker', () => {
    expect(speakerOf(text, 'not a simple matter')).toBe('Mara Hale');
  });

  it('reads a second quote’s "…, but said" clause, not a noun before it', () => {
    expect(speakerOf(text, 'competing claims')).toBe('Mara Hale');
    expect(speakerOf(text, 'I do not pretend')).toBe('Mara Hale');
  });

  it('does not take a name followed by its own verb for the speaker', () => {
    const named = [
      'Tobin Ashgrove spoke to the harbour board on Monday.',
      'Ashgrove said Mara Hale would “lead the talks with the unions.”',
    ].join('\n\n');
    expect(speakerOf(named, 'lead the talks')).toBe('Tobin Ashgrove');
  });
});
