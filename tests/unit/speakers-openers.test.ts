import { describe, expect, it } from 'vitest';
import { speakerOf } from '../helpers/speakers.ts';

// Invented text: a phrase opening the sentence names who was asked, told or visited; the
// clause after its comma says who spoke (#15).

describe('phrases that open a sentence', () => {
  it('skips a name in an opening "when told …" clause', () => {
    const text = [
      'Mara Quist spoke in Ashford on Monday.',
      'When told Quist was in the cabinet, Dan Axeby thought for a moment and said that “a quiet name helps a candidate.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a quiet name helps')).toBe('Dan Axeby');
  });

  it('skips the speech verb inside an opening participle phrase', () => {
    const text = [
      'Bram Torvell broke from his policy of not attacking Tobin Ashgrove.',
      'Asked by Ivo Stepan to respond to Ashgrove’s criticism, Torvell said, “Why should anyone trust a rumour?”',
    ].join('\n\n');
    expect(speakerOf(text, 'Why should anyone trust')).toBe('Bram Torvell');
  });

  it('does not take an adjective or a name ending in -ed or -ing for a participle', () => {
    const text = [
      'Famed fight doctor Ivo Tamm once said: “The pier opened in Ashford.”',
      'Dan Axeby spoke next.',
      'Bunting said the members would still meet, but said, “Our meetings need a new shape,” promising the club would return to its roots.',
    ].join('\n\n');
    expect(speakerOf(text, 'The pier opened')).toBe('Ivo Tamm');
    expect(speakerOf(text, 'Our meetings need')).toBe('Bunting');
  });

  it('reads a state after a town as part of the opening phrase', () => {
    const text = [
      'Mara Quist spoke in Ashford on Monday.',
      'Speaking at a town hall event in Salem, New Hampshire, Tobin Ashgrove went after Quist, calling her “a tired act.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a tired act')).toBe('Tobin Ashgrove');
  });
});

describe('clauses with subjects of their own', () => {
  it('gives a quote inside an opening subordinate clause to that clause’s speaker', () => {
    const text = [
      'After Mara Quist said that small towns might do better with “smaller quieter harbours,” Tobin Ashgrove said: “I do not like what she said.”',
      'When Quist called the plan “reckless,” Ashgrove laughed.',
    ].join('\n\n');
    expect(speakerOf(text, 'smaller quieter harbours')).toBe('Mara Quist');
    expect(speakerOf(text, 'I do not like')).toBe('Tobin Ashgrove');
    expect(speakerOf(text, 'reckless')).toBe('Mara Quist');
  });

  it('gives a quote in a “while …” clause to that clause’s named subject', () => {
    const text =
      'Harbour Gov. Ivo Tamm on Monday signed an order to block the ferry, while Mike Hale, the former Ashford mayor, proposed we “open the sluice gates tonight” and said the board should resign.';
    expect(speakerOf(text, 'open the sluice gates')).toBe('Mike Hale');
  });

  it('reads a name after a quoted word its clause calls something as the next clause’s subject', () => {
    const text =
      'And, in a clip that Judge Dan Axeby called “tasteless,” Bram Torvell expressed a desire to “sink the whole fleet.”';
    expect(speakerOf(text, 'tasteless')).toBe('Dan Axeby');
    expect(speakerOf(text, 'sink the whole fleet')).toBe('Bram Torvell');
  });
});

describe('a clause opened by "when" or "after" inside the sentence', () => {
  it('gives a quote in the clause to the clause’s own subject', () => {
    const text = [
      'Tobin Ashgrove leads the polls.',
      'The unease over Tobin Ashgrove was laid bare on Friday when Senate Leader Ada R. Wexley of Vermont deplored the "bitter" mood of the race and attacked the "tribal games" around it.',
    ].join('\n\n');
    expect(speakerOf(text, 'bitter')).toBe('Ada R. Wexley');
    expect(speakerOf(text, 'tribal games')).toBe('Ada R. Wexley');
  });

  it('lets a participle after a comma keep the clause', () => {
    const text = [
      'Dan Axeby writes a column.',
      '“Too much?” he wrote when Mara Quist closed the forum with a nod to a popular song, adding, “Goodnight, and keep the lights on.”',
    ].join('\n\n');
    expect(speakerOf(text, 'Goodnight, and keep')).toBe('Mara Quist');
  });

  it('ends the clause at its comma when the main clause follows', () => {
    const text = [
      'Mara Quist fell ill in May.',
      'In May, after Quist went into hospital, Dan Axeby wrote to her, calling her “a true friend of the pier.”',
    ].join('\n\n');
    expect(speakerOf(text, 'a true friend')).toBe('Dan Axeby');
  });
});

describe('a preposition ending in -ing', () => {
  it('opens a phrase, not a participle clause, so the verb after it keeps its subject', () => {
    const text = [
      'Tom Rask spoke to the radio on Sunday.',
      '"Either they settle this or the town will lose patience with both." During the broadcast Mr Rask also said his old deputy Dan Axeby would take a "leading part" in the campaign.',
    ].join('\n\n');
    expect(speakerOf(text, 'leading part')).toBe('Tom Rask');
  });
});
