import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';

// Invented articles in the shapes that gave junk actors: sentence adverbs, contractions,
// a section label cut at "&", code identifiers in tech copy, "TV", a parliamentary bill.
const names = (text: string): string[] => analyzeText('', text).actors.map((a) => a.name);

describe('junk actors', () => {
  it('gives no actor for a discourse adverb opening a sentence', () => {
    const text = [
      'Mara Quist said the port of Marrowby would close for a month.',
      'Moreover, the harbour office said repairs would begin in May.',
      'Incredibly, nobody had inspected the pier since the storm.',
      'Additionally, Portline said it would pay for the works.',
      'However, the fishermen of Marrowby were not convinced.',
      '"Absolutely."',
      'Furthermore, Quist promised a public meeting.',
    ].join('\n\n');
    const found = names(text);
    expect(found).toEqual(expect.arrayContaining(['Mara Quist', 'Marrowby']));
    for (const junk of ['Moreover', 'Incredibly', 'Additionally', 'However', 'Absolutely'])
      expect(found).not.toContain(junk);
    expect(found).not.toContain('Furthermore');
  });

  it('keeps names that end in "-ly" (a first name, a country)', () => {
    const found = names('Kelly Varga flew from Italy to Marrowby on Monday, Varga said.');
    expect(found).toEqual(expect.arrayContaining(['Kelly Varga', 'Italy']));
  });

  it('gives no actor for a pronoun contraction', () => {
    const text = [
      '"I\'ve lived in Marrowby for forty years," said Tomas Verlin.',
      '"I\'m not leaving, and we\'re not selling," Verlin said.',
      'I’ve never seen the harbour this empty, said Ilse Brandt of Portline.',
      "I've been to Marrowby, and I'm not leaving, said Brandt.",
    ].join('\n\n');
    const found = names(text);
    expect(found).toEqual(expect.arrayContaining(['Tomas Verlin', 'Ilse Brandt']));
    for (const name of found) expect(name).not.toMatch(/^(I|we)['’](ve|m|re)$/i);
  });

  it('gives no actor cut at a symbol, nor one made of markup', () => {
    const text = [
      'Tools & IT',
      'Portline said on Tuesday that its servers had been attacked from Marrowby.',
      'The post ended with a link, abC9x</link>, that nobody opened.',
    ].join('\n\n');
    for (const name of names(text)) {
      expect(name).toMatch(/^[\p{L}\p{N}].*[\p{L}\p{N}.]$/u);
      expect(name).not.toMatch(/[<>/]/);
    }
  });

  it('gives no actor for a code identifier in tech copy, but keeps one-word brands and Mc- names', () => {
    const text = [
      'The bug in Portline’s game server let a player fill memory with millions of ArrayLists and HashTables.',
      'A NullPointerException crashed the server, said Dana McArdle, who found the flaw.',
      'VoxPay, the payments firm, said its app was not affected.',
    ].join('\n\n');
    const found = names(text);
    for (const junk of ['ArrayLists', 'HashTables', 'NullPointerException'])
      expect(found).not.toContain(junk);
    expect(found).toEqual(expect.arrayContaining(['Dana McArdle', 'VoxPay']));
  });

  it('gives no actor for a common noun in capitals or a parliamentary bill', () => {
    const text = [
      'Harbour Minister Tomas Verlin went on TV on Monday to defend the Bill.',
      'The Bill passed its second reading in the Marrowby Assembly after the TV debate.',
      'Verlin said the Act would protect fishermen, and the CEO of Portline agreed.',
    ].join('\n\n');
    const found = names(text);
    for (const junk of ['TV', 'Bill', 'Act', 'CEO']) expect(found).not.toContain(junk);
    expect(found).toContain('Tomas Verlin');
  });

  it('keeps a broadcaster named with TV, and acronyms that name organisations', () => {
    const found = names(
      'Marrowby TV said on Monday that the KRVA board and NATO officials had met in Portline.',
    );
    expect(found).toEqual(expect.arrayContaining(['Marrowby TV', 'KRVA', 'NATO']));
  });

  it('gives no actor for a law named with modifiers, a plural abbreviation, or a plural noun opening a sentence', () => {
    const text = [
      'Bosses, reporters, editors and CEOs met Tomas Verlin in Marrowby on Monday.',
      'The British Bill was cited, and the new Harbour Safety Bill passed on Tuesday.',
      'The Equal Pay Amendment failed, and MPs went home.',
      'Banks said the port would stay open, and Tom Banks agreed.',
    ].join('\n\n');
    const found = names(text);
    for (const junk of [
      'Bosses',
      'CEOs',
      'Bill',
      'Harbour Safety Bill',
      'Equal Pay Amendment',
      'MPs',
    ])
      expect(found).not.toContain(junk);
    expect(found).toEqual(expect.arrayContaining(['Tomas Verlin', 'Tom Banks']));
  });

  it('keeps "Washington D.C." as the city, not another name of the country', () => {
    const analysis = analyzeText(
      '',
      'Washington D.C. has banned the rally. The United States said it regretted the ban.',
    );
    const country = analysis.actors.find((a) => a.name === 'United States');
    expect(country?.aliases ?? []).not.toContain('Washington D.C.');
    expect(analysis.actors.map((a) => a.name)).toContain('Washington D.C.');
  });
});

describe('abbreviated titles', () => {
  it('makes no actor of the words before a name that end in an abbreviated title', () => {
    const text =
      '“Nothing changes,” said Harbour Board spokesman Navy Capt. Ivo Tamm, who spoke first. Sen. Edda Rask Jr. (D-Portline) agreed.';
    const found = names(text);
    expect(found).toEqual(expect.arrayContaining(['Ivo Tamm']));
    expect(found).not.toContain('Navy Capt');
    expect(analyzeText('', text).quotes[0]?.speaker).toBe('Ivo Tamm');
  });
});
