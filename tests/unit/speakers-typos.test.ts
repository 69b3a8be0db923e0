import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/nlp/quote-spans.ts';
import { speakerOf } from '../helpers/speakers.ts';

// Invented text in the shapes careless copy takes around a quote (#15).

describe('quotes written carelessly', () => {
  it('finds the cue when a quotation mark has no space before or after it', () => {
    const text = [
      'The harbour board met on Monday.',
      'Mara Quist said,“Look, the pier is unsafe. We must close it.”',
      '“I think the plan was bad,”Tobin Ashgrove said.',
      'Rep. Jon Hale (R-Ohio):"I have not seen the report."',
    ].join('\n\n');
    expect(speakerOf(text, 'Look, the pier')).toBe('Mara Quist');
    expect(speakerOf(text, 'I think the plan')).toBe('Tobin Ashgrove');
    expect(speakerOf(text, 'I have not seen')).toBe('Jon Hale');
  });

  it('closes a quotation at an opening mark typed after its comma', () => {
    const text = [
      'Mara Quist spoke at length in Ashford.',
      '“It is unusual,“ said Tom Rask, a lawyer with the Harbour Legal Centre. “It is a hard thing to do.”',
    ].join('\n\n');
    expect(findQuoteSpans(text).map((q) => text.slice(q.start, q.end))).toEqual([
      'It is unusual',
      'It is a hard thing to do.',
    ]);
    expect(speakerOf(text, 'It is unusual')).toBe('Tom Rask');
    expect(speakerOf(text, 'It is a hard thing')).toBe('Tom Rask');
  });

  it('reads a cue left standing as a sentence after a quote closed with a full stop', () => {
    const text = [
      'Mara Quist spoke first at the harbour meeting.',
      '“The river is rising.” Tobin Ashgrove said.',
      '“We will not wait for the flood.” He said.',
    ].join('\n\n');
    expect(speakerOf(text, 'The river is rising')).toBe('Tobin Ashgrove');
    expect(speakerOf(text, 'We will not wait')).toBe('Tobin Ashgrove');
  });

  it('takes any past-tense verb between a closed quote and a name as the cue', () => {
    const text = [
      'Mara Quist opened the new pier on Saturday.',
      '“What a day!” beamed Tobin Ashgrove of Portline, who came early.',
      '“It was a hard call,” remembered Dana Holt, the former harbour spokeswoman.',
    ].join('\n\n');
    expect(speakerOf(text, 'What a day')).toBe('Tobin Ashgrove');
    expect(speakerOf(text, 'It was a hard call')).toBe('Dana Holt');
  });
});

describe('a quotation that runs on where the copy lost its paragraph breaks', () => {
  it('reopens at a straight mark after a sentence end, keeping every piece the speaker’s', () => {
    const text =
      'Mara Quist said: "The crane was inspected twice, the yard did nothing wrong and I stand by it. "Still, a lawsuit was always coming, that is how these things go now." A hearing is due in May. Tobin Ashgrove disagreed.';
    const spans = findQuoteSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual([
      'The crane was inspected twice, the yard did nothing wrong and I stand by it.',
      'Still, a lawsuit was always coming, that is how these things go now.',
    ]);
    expect(speakerOf(text, 'Still, a lawsuit')).toBe('Mara Quist');
  });
});

describe('“according to”', () => {
  it('names the source after it, a body or a person', () => {
    const text = [
      'The Portline Gazette reported on the pier.',
      '“The new material shows the board compiled dossiers,” according to Harbour Watch.',
      '“Officials expect to finish within weeks,” according to HRT.',
    ].join('\n\n');
    expect(speakerOf(text, 'The new material')).toBe('Harbour Watch');
    expect(speakerOf(text, 'Officials expect')).toBe('HRT');
  });
});
