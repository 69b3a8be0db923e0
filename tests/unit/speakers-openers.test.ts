import { describe, expect, it } from 'vitest';
import { speakerOf } from '../helpers/speakers.ts';

// Invented text: a phrase opening the sentence names who was asked, told or visited; the
// clause after its comma says who spoke (#15).

describe('phrases that open a sentence', () => {
  it('skips a name in an opening "when told …" clause', () => {
    const text = [
      'Mara Quist spoke in Ashford on Monday.',
      'When told Quist was in the cabinet, Dan Axeby thought for a moment and said that “it is an advantage not to be famous.”',
    ].join('\n\n');
    expect(speakerOf(text, 'it is an advantage')).toBe('Dan Axeby');
  });

  it('skips the speech verb inside an opening participle phrase', () => {
    const text = [
      'Ben Tarson broke from his policy of not attacking Tobin Ashgrove.',
      'Asked by Ivo Stepan to respond to Ashgrove’s criticism, Tarson said, “What does it say about people who jump?”',
    ].join('\n\n');
    expect(speakerOf(text, 'What does it say')).toBe('Ben Tarson');
  });

  it('does not take an adjective or a name ending in -ed or -ing for a participle', () => {
    const text = [
      'Famed fight doctor Ivo Tamm once said: “Clay was born in Ashford.”',
      'Dan Axeby spoke next.',
      'Boreing said the members would still meet, but said, “It is time we change how we do it,” promising the club would return to its roots.',
    ].join('\n\n');
    expect(speakerOf(text, 'Clay was born')).toBe('Ivo Tamm');
    expect(speakerOf(text, 'It is time we change')).toBe('Boreing');
  });

  it('reads a state after a town as part of the opening phrase', () => {
    const text = [
      'Mara Quist spoke in Ashford on Monday.',
      'Speaking at a town hall event in Salem, New Hampshire, Tobin Ashgrove went after Quist, calling her “a total stiff.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a total stiff')).toBe('Tobin Ashgrove');
  });
});

describe('clauses with subjects of their own', () => {
  it('gives a quote inside an opening subordinate clause to that clause’s speaker', () => {
    const text = [
      'After Mara Quist said that small towns might do better with “less advanced ports,” Tobin Ashgrove said: “I do not like what she said.”',
      'When Quist called the plan “reckless,” Ashgrove laughed.',
    ].join('\n\n');
    expect(speakerOf(text, 'less advanced ports')).toBe('Mara Quist');
    expect(speakerOf(text, 'I do not like')).toBe('Tobin Ashgrove');
    expect(speakerOf(text, 'reckless')).toBe('Mara Quist');
  });

  it('gives a quote in a “while …” clause to that clause’s named subject', () => {
    const text =
      'Harbour Gov. Ivo Tamm on Monday signed an order to block the ferry, while Mike Hale, the former Ashford mayor, proposed we “wake up and smell the salt” and said the board should resign.';
    expect(speakerOf(text, 'wake up and smell')).toBe('Mike Hale');
  });

  it('reads a name after a quoted word its clause calls something as the next clause’s subject', () => {
    const text =
      'And, in a clip that Judge Dan Axeby called “distasteful,” Ben Tarson expressed a desire to “sink the whole fleet.”';
    expect(speakerOf(text, 'distasteful')).toBe('Dan Axeby');
    expect(speakerOf(text, 'sink the whole fleet')).toBe('Ben Tarson');
  });
});
