import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/nlp/analyze.ts';
import { speakerOf } from '../helpers/speakers.ts';

// Issue #15: one organisation named several ways in one article is one actor, under its
// full name, and the quotes its short names said are the full name's. Invented text.
const orgs = (text: string) =>
  analyzeText('', text)
    .actors.filter((a) => a.type === 'organization')
    .map((a) => ({ name: a.name, aliases: a.aliases }));

describe('one organisation, one actor', () => {
  it('folds a company’s name without its kind word into the full name', () => {
    const text = [
      'Shares in Tarnwell Energy rose 6% after the firm said its new field was larger than thought.',
      'Tarnwell said drilling had given "very strong results".',
      'Tarnwell expects output to double by next year.',
    ].join('\n\n');
    expect(orgs(text)).toEqual([{ name: 'Tarnwell Energy', aliases: ['Tarnwell'] }]);
    expect(speakerOf(text, 'very strong results')).toBe('Tarnwell Energy');
  });

  it('takes an acronym in brackets as the name’s, whatever the order of its letters', () => {
    const text = [
      'Rebels of the Popular Liberation Army (EPL) raided a post, and Tarn Valley Television (TVTV) filmed it.',
      'The EPL said: "We will not stop."',
      'TVTV said it had kept its crew safe.',
    ].join('\n\n');
    const found = orgs(text);
    expect(found).toContainEqual({ name: 'Popular Liberation Army', aliases: ['EPL'] });
    expect(found).toContainEqual({ name: 'Tarn Valley Television', aliases: ['TVTV'] });
    expect(speakerOf(text, 'We will not stop')).toBe('Popular Liberation Army');
  });

  it('joins a name cut at its comma when the acronym after it spells the whole', () => {
    const text = [
      'The Office of Roads, Rail and Canals (ORRC) sets the rules.',
      'The ORRC said: "Every operator must file a plan."',
    ].join('\n\n');
    expect(orgs(text)).toEqual([{ name: 'Office of Roads, Rail and Canals', aliases: ['ORRC'] }]);
    expect(speakerOf(text, 'Every operator must')).toBe('Office of Roads, Rail and Canals');
  });

  it('keeps the acronym when the name before its bracket lacks its start', () => {
    const text = [
      'Citizens for Fairness and Openness in Tarn (CFOT) asked for the records.',
      'CFOT said: "The public has a right to see them."',
    ].join('\n\n');
    expect(speakerOf(text, 'The public has a right')).not.toBe('Openness in Tarn');
  });
});

describe('an acronym in wire-style brackets', () => {
  it('is defined by the name before it with spaces inside the brackets', () => {
    const text = [
      'The Asian Rowing Confederation ( ACR ) on Monday confirmed the ban.',
      'ACR said: "The club failed to turn up."',
    ].join('\n\n');
    expect(orgs(text)).toEqual([{ name: 'Asian Rowing Confederation', aliases: ['ACR'] }]);
    expect(speakerOf(text, 'The club failed')).toBe('Asian Rowing Confederation');
  });
});

describe('a short body name the tagger took for a person', () => {
  it('joins the department it shortens', () => {
    const text = [
      'The Harbour Department said on Friday that cargo rose.',
      '"Cargo was strong at every quay," Harbour said.',
    ].join('\n\n');
    expect(speakerOf(text, 'Cargo was strong')).toBe('Harbour Department');
  });
});
