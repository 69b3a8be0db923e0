import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';

// Issue #15: organisations typed as places or people. The type follows the evidence a
// reader uses: what the article calls the name, the name's own last word, the words around
// it. Invented names the tagger has never seen.
const typeOf = (text: string, name: string) =>
  analyzeText('', text).actors.find((a) => a.name === name)?.type;

describe('organisation, place or person, from the evidence around a name', () => {
  it.each([
    ['Velkor, the Ohio-based toolmaker, cut 300 jobs on Monday.', 'Velkor', 'organization'],
    [
      'Police blamed the outage on a shadowy hacking group known as Grey Heron.',
      'Grey Heron',
      'organization',
    ],
    ['Shares of Velkor fell 4 % after the report.', 'Velkor', 'organization'],
    ['Shares in Velkor fell 4 % after the report.', 'Velkor', 'organization'],
    ['Tom Pell, an economist at Quillon, said prices would rise.', 'Quillon', 'organization'],
    ["Quillon's chief executive said prices would rise.", 'Quillon', 'organization'],
    ['Marlow’s business model relies on selling data.', 'Marlow', 'organization'],
    ['Ashcombe’s revenues fell by a third last year.', 'Ashcombe', 'organization'],

    [
      'The firm owns Velkor, Tandem, and dozens of other internet companies.',
      'Tandem',
      'organization',
    ],
    ['Regulators fined companies such as Orbex and Quillon last year.', 'Orbex', 'organization'],
    ['Rebels took Dunmore, the capital, on Monday.', 'Dunmore', 'place'],
    ['Tom Pell visited Kellmoor Island in May.', 'Kellmoor Island', 'place'],
    ['Tom Pell sued Kellmoor Holdings in May.', 'Kellmoor Holdings', 'organization'],
    ['Tom Pell sued Kellmoor Shipping in May.', 'Kellmoor Shipping', 'organization'],
    ['Drennick, which won the contract, denied any wrongdoing.', 'Drennick', 'organization'],
    // "which" says only that it is no person: a place stays a place.
    ['Aleppo, which has been under siege for months, was bombed again.', 'Aleppo', 'place'],
    ['Police closed the Tarrow neighbourhood after the blast.', 'Tarrow', 'place'],
    ['President Tobin said the border would stay open.', 'Tobin', 'person'],
  ])('%j → %s is %s', (text, name, type) => {
    expect(typeOf(text, name)).toBe(type);
  });

  it('keeps a country a place whatever the cues', () => {
    expect(typeOf('Shares of France rose, the report joked.', 'France')).toBe('place');
  });
});

describe('a personal honorific', () => {
  it('makes the name after it a person; "the club said" describes the body, not a person', () => {
    const text =
      'Harbour United has agreed to give tycoon Mal Grosvik access to its books. Mr Grosvik presented detailed proposals. "Every serious bid gets a hearing from us," the club said.';
    const analysis = analyzeText('', text);
    expect(analysis.actors.find((a) => a.name.endsWith('Grosvik'))?.type).toBe('person');
    expect(analysis.actors.some((a) => a.name === 'Mr Grosvik' && a.type !== 'person')).toBe(false);
    expect(analysis.quotes.find((q) => q.text.startsWith('Every serious bid'))?.speaker).toBe(
      'Harbour United',
    );
  });
});
