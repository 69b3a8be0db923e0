import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { findQuoteSpans } from '../../src/nlp/quote-spans.ts';
import { speakerOf } from '../helpers/speakers.ts';

// Invented articles, each in the shape of a misattribution seen on real news text.

describe('pronoun cues after a quote', () => {
  it('skip a person named inside the quote for the subject before it', () => {
    const text = [
      'Mara Quist spoke to supporters in Portline on Monday about the harbour plan.',
      '“I think it is fair to say that if Tobin Ashgrove is elected, the harbour will close,” she said.',
    ].join('\n\n');
    expect(speakerOf(text, 'I think it is fair')).toBe('Mara Quist');
  });

  it('skip a possessive name inside the quote ("…,” he wrote)', () => {
    const text = [
      'Former mayor Tobin Ashgrove wrote an essay for the Portline Gazette on Sunday.',
      '“If Quist’s goal was to make Halden defend the budget, she failed,” he wrote.',
    ].join('\n\n');
    expect(speakerOf(text, 'If Quist’s goal')).toBe('Tobin Ashgrove');
  });

  it('give a mother’s words about her daughter to the mother', () => {
    const text = [
      'Mrs. Edda Quist said her daughter had been treated at Marrowby Hospital.',
      '“Liese just never really understood how dangerous the tablets were,” she said.',
    ].join('\n\n');
    expect(speakerOf(text, 'Liese just never')).toBe('Edda Quist');
  });
});

describe('passages an outlet quotes', () => {
  it('give a passage introduced by "<reporter> reports:" to the reporter, not a name inside it', () => {
    const text = [
      'The Portline Gazette ran a long profile of a harbour worker on Saturday.',
      'Its reporter Ilsa Fenwright reports:',
      '"The first time she saw the pier, she was angry. She had been sent home after what she called a “rant,” a series of posts saying that Mayor Tobin Ashgrove should resign.',
      '"Mara thought the whole thing was outrageous. She was anxious, sure.',
    ].join('\n\n');
    expect(speakerOf(text, 'The first time she saw')).toBe('Ilsa Fenwright');
    expect(speakerOf(text, 'Mara thought')).toBe('Ilsa Fenwright');
    expect(speakerOf(text, 'rant')).not.toBe('Tobin Ashgrove');
  });

  it('give a passage "according to" an outlet to the outlet', () => {
    const text = [
      'Tobin Ashgrove spoke at the harbour on Monday.',
      'According to the Portline Gazette, “Mara thought the whole thing was outrageous and she left the room.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Mara thought')).toBe('Portline Gazette');
  });

  it('keeps a curly quote nested in a straight-quoted passage inside it', () => {
    const text = '"She called it a “rant,” a post that said Ashgrove should go. She left."';
    const spans = findQuoteSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toContain(
      'She called it a “rant,” a post that said Ashgrove should go. She left.',
    );
    expect(spans).toContain('rant');
  });
});

describe('a short quoted term an organisation reported', () => {
  it('goes to the person the sentence says used it', () => {
    const reported =
      'Marrowby Council leader Mara Quist described the plan as “aggressive”, the Portline Gazette reported.';
    expect(speakerOf(reported, 'aggressive')).toBe('Mara Quist');
    const according =
      'According to the Portline Gazette, in a speech at the Marrowby headquarters of the harbour board yesterday, its chair, Mara Quist, said that its “aggressive” rivals want the pier closed.';
    expect(speakerOf(according, 'aggressive')).toBe('Mara Quist');
  });

  it('stays with the organisation when no person used it', () => {
    const text = 'The ferry timetable was “chaotic”, the Portline Gazette reported on Friday.';
    expect(speakerOf(text, 'chaotic')).toBe('Portline Gazette');
  });
});

describe('labels, signatures and organisation names', () => {
  it('starts a quote after a transcript label inside it, and gives it to the label', () => {
    const text = [
      'The debate was held in Marrowby on Tuesday between Tobin Ashgrove and Mara Quist.',
      '“ASHGROVE: Well, the question really should be who pays for the harbour.”',
    ].join('\n\n');
    const quotes = analyzeText('Debate', text).quotes;
    expect(quotes.some((q) => q.text.startsWith('ASHGROVE'))).toBe(false);
    expect(quotes.find((q) => q.text.startsWith('Well, the question'))?.speaker).toBe(
      'Tobin Ashgrove',
    );
  });

  it('drops the closing full stop of a dash signature', () => {
    const text = [
      'The harbour is the heart of this town.',
      '“We will not let it close.” — Jane Doe.',
    ].join('\n\n');
    expect(speakerOf(text, 'We will not')).toBe('Jane Doe');
  });

  it('names an organisation speaker in full', () => {
    const text = [
      'The Joint Committee on Harbour Safety met on Friday in Marrowby.',
      '“The pier must close until it is repaired,” the Joint Committee on Harbour Safety said.',
    ].join('\n\n');
    expect(speakerOf(text, 'The pier must close')).toBe('Joint Committee on Harbour Safety');
    const owned =
      'Few would argue with that. But, as Parliament’s Joint Committee on Harbour Safety and Rescue has pointed out, the rules would also be used “to find the owner of every boat”.';
    expect(speakerOf(owned, 'to find the owner')).toBe(
      'Joint Committee on Harbour Safety and Rescue',
    );
  });

  it('does not grow an organisation name over a date or a venue', () => {
    const text = '“The timetable will change,” the Portline Gazette on Tuesday said.';
    expect(speakerOf(text, 'The timetable')).toBe('Portline Gazette');
    const dated = '“The pier is unsafe,” the Marrowby Harbour Council on Friday said.';
    expect(speakerOf(dated, 'The pier')).toBe('Marrowby Harbour Council');
  });
});

describe('quote spans', () => {
  it('nests a short curly quote in a curly quotation only when the outer one closes after it', () => {
    const nested = '“I would rather sail in what he calls “rough water” than stay in port.”';
    expect(findQuoteSpans(nested).map((s) => nested.slice(s.start, s.end))).toContain(
      'I would rather sail in what he calls “rough water” than stay in port.',
    );
    // Here the first quotation only lacks its closing mark: no quote nests in it.
    const unclosed = '“If the pier is closed, the town is closed. “We will not let it happen.”';
    expect(findQuoteSpans(unclosed)).toHaveLength(1);
  });
});
