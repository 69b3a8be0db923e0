import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { isShorterForm, nameWords } from '../../src/nlp/name-forms.ts';

// Issue #15: one person named several ways in one article is one actor, not several.
const people = (text: string) =>
  analyzeText('', text)
    .actors.filter((a) => a.type === 'person')
    .map((a) => ({ name: a.name, aliases: a.aliases }));

describe('one person, one actor', () => {
  it('folds a first name with a middle name, and first-and-last, into the fullest name', () => {
    const text = [
      'Tamsin Arowe Kettleby, 22, was called in to help her father, Oren Kettleby.',
      'Tamsin Arowe left university this year to study carving in Marrowby.',
      '“We need to listen,” says Tamsin Kettleby.',
      'Tamsin said the work had only begun.',
    ].join('\n\n');
    const found = people(text);
    const tamsin = found.filter((p) => p.name.startsWith('Tamsin'));
    expect(tamsin).toHaveLength(1);
    expect(tamsin[0]!.name).toBe('Tamsin Arowe Kettleby');
    expect(tamsin[0]!.aliases).toEqual(expect.arrayContaining(['Tamsin Arowe', 'Tamsin Kettleby']));
    expect(found.map((p) => p.name)).toContain('Oren Kettleby');
  });

  it('folds a surname with a particle or of two words, whatever its case, and either apostrophe', () => {
    const text = [
      'Mayor Anton de Brevik said the pier would reopen, and Commissioner Liam O’Tarran agreed.',
      'De Brevik spoke after Debra Hollis Vane, the harbour chair, asked for a vote.',
      "O'Tarran said the police would stay until Friday, and Hollis Vane thanked him.",
    ].join('\n\n');
    const names = people(text).map((p) => p.name);
    expect(names.filter((n) => /Brevik/i.test(n))).toEqual(['Anton de Brevik']);
    expect(names.filter((n) => /Tarran/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /Vane/.test(n))).toEqual(['Debra Hollis Vane']);
  });

  it('keeps two people apart: a generation suffix, or a short name that fits two full names', () => {
    const text = [
      'Carl Wendt Jr. runs the yard his father, Carl Wendt, founded.',
      'Ana Maria Soler and Ana Lucia Soler, her sister, own the ferry.',
      'Ana Soler declined to comment.',
    ].join('\n\n');
    const names = people(text).map((p) => p.name);
    expect(names).toContain('Carl Wendt');
    expect(names.some((n) => /^Carl Wendt Jr\.?$/.test(n))).toBe(true);
    expect(names).toEqual(expect.arrayContaining(['Ana Maria Soler', 'Ana Lucia Soler']));
  });

  it('gives "Mrs. X" to the woman of that surname and "Mr. X" to the man, not to the last one named', () => {
    const text = [
      'Tomas Ruiz and Elena Ruiz arrived in Marrowby on Monday.',
      'Tomas Ruiz spoke first about the pier.',
      '“The harbour is our future,” Mrs. Ruiz said.',
      '“We will rebuild it,” Mr. Ruiz said.',
    ].join('\n\n');
    const analysis = analyzeText('', text);
    const speakers = analysis.quotes.map((q) => q.speaker);
    expect(speakers).toEqual(['Elena Ruiz', 'Tomas Ruiz']);
    expect(analysis.actors.filter((a) => /Ruiz/.test(a.name))).toHaveLength(2);
  });

  it('compares words without case or apostrophe shape, in order', () => {
    expect(nameWords('Liam O’Tarran')).toEqual(nameWords("liam o'tarran"));
    expect(isShorterForm(['ana', 'soler'], ['ana', 'maria', 'soler'])).toBe(true);
    expect(isShorterForm(['soler', 'ana'], ['ana', 'maria', 'soler'])).toBe(false);
    expect(isShorterForm(['carl', 'wendt'], ['carl', 'wendt', 'jr.'])).toBe(false);
  });

  it('folds "Mr Kim" into a name written family name first, whatever gender the word suggests', () => {
    const text = [
      'Kim Jisu, an equity strategist at Harbour Trust, was asked about the plan.',
      '"In the end, the group will have to pay," said Mr Kim.',
    ].join('\n\n');
    expect(people(text)).toEqual([{ name: 'Kim Jisu', aliases: ['Kim'] }]);
  });
});
