import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';

// Invented text, in the shape of wire copy: titles before names, appositions, pronouns.
const ARTICLE = [
  'Norway’s fisheries regulator, the Fiskeri Authority, fined three trawler owners on Tuesday, its Director General, Ingrid Halvorsen, said.',
  '“We found nets that were twice the legal length,” Halvorsen told reporters in Bergen, adding that “the fines will rise next year.”',
  'Norwegian Prime Minister, Erik Sandvold, said he backed the regulator. “Rules that nobody enforces are only suggestions,” he said.',
  '“The boats will be inspected again in May,',
  '“and every owner has been told.” The UK and Britain’s fleet were not involved, officials in the United Kingdom said.',
].join('\n\n');

describe('analyzeText', () => {
  const a = analyzeText('Trawler owners fined', ARTICLE);
  const actor = (name: string) => a.actors.find((x) => x.name === name);

  it('finds people with their full names and roles from titles and appositions', () => {
    expect(actor('Ingrid Halvorsen')).toMatchObject({
      type: 'person',
      role: 'Director General of Fiskeri Authority',
    });
    expect(actor('Erik Sandvold')).toMatchObject({
      type: 'person',
      role: 'Norwegian Prime Minister',
    });
  });

  it('never makes a title into a person', () => {
    expect(a.actors.map((x) => x.name)).not.toContain('Director General');
    expect(a.actors.map((x) => x.name)).not.toContain('Prime Minister');
    expect(
      a.actors.filter((x) => x.type === 'person').every((x) => !/Minister|General/.test(x.name)),
    ).toBe(true);
  });

  it('folds a surname into the full name, and country names into one place', () => {
    expect(actor('Ingrid Halvorsen')?.aliases).toContain('Halvorsen');
    expect(a.actors.filter((x) => x.name === 'Halvorsen')).toHaveLength(0);
    const uk = actor('United Kingdom');
    expect(uk?.type).toBe('place');
    expect(uk?.aliases).toEqual(expect.arrayContaining(['UK', 'Britain']));
    expect(a.actors.filter((x) => /^(UK|Britain)$/.test(x.name))).toHaveLength(0);
  });

  it('strips possessives and punctuation from mentions', () => {
    for (const m of a.mentions) {
      expect(m.text).not.toMatch(/[’']s$|[,.;:]$/);
      expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('attributes quotes: after the quote, continued in the same sentence, and through pronouns', () => {
    const speakerOf = (start: string) => a.quotes.find((q) => q.text.startsWith(start))?.speaker;
    expect(speakerOf('We found nets')).toBe('Ingrid Halvorsen');
    expect(speakerOf('the fines will rise')).toBe('Ingrid Halvorsen');
    expect(speakerOf('Rules that nobody')).toBe('Erik Sandvold');
  });

  it('keeps the speaker for a quotation that runs on into the next paragraph', () => {
    const first = a.quotes.find((q) => q.text.startsWith('The boats will'));
    const rest = a.quotes.find((q) => q.text.startsWith('and every owner'));
    expect(first?.speaker).toBe('Erik Sandvold');
    expect(rest?.speaker).toBe('Erik Sandvold');
  });

  it('keeps every quote verbatim: its text is exactly the slice of the article', () => {
    expect(a.quotes.length).toBeGreaterThanOrEqual(4);
    for (const q of a.quotes) expect(ARTICLE.slice(q.start, q.end)).toBe(q.text);
  });

  it('ranks the lead sentence first in the summary', () => {
    expect(a.summary[0]).toBe(0);
  });
});

describe('analyzeText on people named only once by surname', () => {
  it('keeps distinct one-word names apart and names each actor', () => {
    const a = analyzeText(
      'x',
      'Officials in Oslo met Halvorsen on Monday. Later, Sandvold said the talks went well.',
    );
    const people = a.actors
      .filter((x) => x.type === 'person')
      .map((x) => x.name)
      .sort();
    expect(people).toEqual(['Halvorsen', 'Sandvold']);
    for (const m of a.mentions) expect(a.actors[m.actor]).toBeDefined();
  });
});

describe('analyzeText with two people of one surname', () => {
  it('gives a bare surname to the person last named as a subject, and a dateline state is a place', () => {
    const text = [
      'DULUTH, Minn., March 3 (Wire) — Former Governor Arne Lindgren praised the plan at a rally for his wife Karin Lindgren.',
      '“It is the best plan this state has seen,” Lindgren said.',
    ].join('\n\n');
    const a = analyzeText('Rally', text);
    expect(a.quotes[0]?.speaker).toBe('Arne Lindgren');
    expect(a.actors.find((x) => x.name === 'Minn')?.type ?? 'place').toBe('place');
    expect(a.actors.find((x) => x.name === 'Karin Lindgren')?.role ?? null).toBeNull();
  });
});
