import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';

// Issue #15: one name cut in two by the tagger is one actor ("Harbour Safety" for a Joint
// Committee on Harbour Safety). Invented names.
const names = (text: string) => analyzeText('', text).actors.map((a) => `${a.name} · ${a.type}`);

describe('names the tagger cut in two', () => {
  it('keeps an organisation head noun with its "on/for/of" complement', () => {
    expect(names('The Joint Committee on Harbour Safety and Security met on Monday.')).toContain(
      'Joint Committee on Harbour Safety and Security · organization',
    );
    expect(names('The Centre for Coastal Studies said so.')).toContain(
      'Centre for Coastal Studies · organization',
    );
  });

  it('joins a name before an organisation, but not across a possessive', () => {
    expect(names('The House Harbour Committee met on Monday.')).toEqual([
      'House Harbour Committee · organization',
    ]);
    expect(names("Ashby University's Centre for Coastal Studies met.")).toEqual(
      expect.arrayContaining([
        'Ashby University · organization',
        'Centre for Coastal Studies · organization',
      ]),
    );
  });

  it('keeps a middle initial and a hyphened first name in a person’s name', () => {
    expect(names('Ana K. Ruiz spoke first.')).toEqual(['Ana K. Ruiz · person']);
    expect(names('Jean-Luc Marrow spoke first.')).toEqual(['Jean-Luc Marrow · person']);
  });
});
