import { describe, expect, it } from 'vitest';
import { closeMatches } from '../../src/briefing/similar.ts';
import { parseTopicFile, resolveTopic } from '../../src/briefing/topics.ts';

describe('topics', () => {
  it('expands an ad-hoc slug with country aliases and demonyms', () => {
    const t = resolveTopic('iran-uk', []);
    expect(t.defined).toBe(false);
    expect(t.terms.allOf).toHaveLength(2);
    expect(t.terms.allOf[0]).toEqual(expect.arrayContaining(['iran', 'iranian']));
    expect(t.terms.allOf[1]).toEqual(
      expect.arrayContaining(['uk', 'united kingdom', 'britain', 'british']),
    );
  });

  it('reads a multi-word country in a slug as one group', () => {
    const t = resolveTopic('north-korea-sanctions', []);
    expect(t.terms.allOf).toHaveLength(2);
    expect(t.terms.allOf[0]).toContain('north korea');
    expect(t.terms.allOf[1]).toEqual(['sanctions']);
  });

  it('prefers a defined topic over the ad-hoc reading', () => {
    const defined = parseTopicFile(
      'iran-uk',
      'iran-uk.json',
      JSON.stringify({ title: 'Iran–UK', allOf: [['iran']] }),
    );
    expect(resolveTopic('Iran-UK', [defined]).title).toBe('Iran–UK');
  });

  it('rejects slugs that are not names and topic files that are malformed, naming the file', () => {
    expect(() => resolveTopic('../../etc/passwd', [])).toThrow(/not a topic name/);
    expect(() => parseTopicFile('x', 'briefings/x.json', '{')).toThrow(
      /briefings\/x.json: not valid JSON/,
    );
    expect(() => parseTopicFile('x', 'briefings/x.json', '{"title":"X","allOf":[]}')).toThrow(
      /"allOf"/,
    );
  });

  it('suggests close matches for a misspelt topic', () => {
    expect(closeMatches('iran-ku', ['iran-uk', 'climate', 'ukraine-war'])[0]).toBe('iran-uk');
    expect(closeMatches('zzzz', ['iran-uk'])).toEqual([]);
  });
});

describe('topic files', () => {
  it('reads anyOf as one more group and expands aliases everywhere', () => {
    const t = parseTopicFile(
      'harbour',
      'harbour.json',
      JSON.stringify({
        title: 'Harbour',
        allOf: [['Marrowby']],
        anyOf: ['strike', 'walkout'],
        aliases: { walkout: ['walk-out'] },
        exclude: ['Ferry'],
      }),
    );
    expect(t.terms.allOf).toEqual([['marrowby'], ['strike', 'walkout', 'walk-out']]);
    expect(t.terms.noneOf).toEqual(['ferry']);
  });

  it('rejects a file with no words to match and bad aliases, naming the field', () => {
    expect(() => parseTopicFile('x', 'x.json', JSON.stringify({ title: 'X' }))).toThrow(
      /"allOf" or "anyOf"/,
    );
    expect(() =>
      parseTopicFile(
        'x',
        'x.json',
        JSON.stringify({ title: 'X', anyOf: ['a'], aliases: { a: 'b' } }),
      ),
    ).toThrow(/"aliases" "a" must map/);
  });
});
