import { describe, expect, it } from 'vitest';
import { mergeActors } from '../../src/briefing/actors.ts';
import { assemble } from '../../src/briefing/build.ts';
import { clusterStories } from '../../src/briefing/stories.ts';
import type { Topic } from '../../src/briefing/topics.ts';
import type { StoredArticle } from '../../src/model/article.ts';
import { BRIEFING_LIMITS } from '../../src/model/briefing.ts';
import { contentWords, overlap, wordCount } from '../../src/nlp/words.ts';
import { storedArticle } from '../helpers/articles.ts';

/** Briefings across several stories and outlets, from invented (fictional) articles. */

const TOPIC: Topic = {
  slug: 'harbour',
  title: 'Harbour',
  description: null,
  // As a topic file would list them: the briefing keeps sentences whose paragraph names one.
  terms: { allOf: [['harbour', 'dock', 'strike', 'night shifts', 'ferry']] },
  window: '7d',
  defined: false,
};
const WINDOW = { since: null, until: '2026-03-20T00:00:00.000Z', label: 'all', fallback: false };
const NOW = new Date(WINDOW.until);

const TALKS = [
  'Negotiators for the Coastal Workers Union met the Marrowby Harbour Authority on Monday in Harwick for a first round of talks on the future of night shifts at the container terminal.',
  '“We will not sign anything that cuts a single night shift,” said Helen Okafor, general secretary of the union, as she arrived at the talks.',
  'The authority wants to close two of its four night shifts to save 14 million crowns a year, and says ships can be unloaded by day.',
  'The Northern Shipping Agents Association said its members had already moved three sailings to Eastholm because of the dispute.',
];
const VOTE = [
  'Dock workers in Marrowby rejected the harbour authority’s latest offer on Thursday and said they would strike from next week unless night shifts were restored.',
  'Okafor said the vote was the largest in the union’s history. “Our members will decide, and they will decide together,” Okafor said.',
  'The NSAA warned that fruit importers would lose money with every day of the strike.',
  '“Every day at anchor costs our clients money they will not get back,” said Priya Raman, a spokeswoman for the shipping agents.',
];
const FERRY = [
  'The island ferry between Port Ellery and Skarholm was cancelled for a third day on Friday as gales kept the harbour closed and left about two hundred travellers on the quay.',
  'The ferry company said it would add two extra crossings on Saturday once the wind dropped, and that tickets for the cancelled sailings would be refunded in full.',
  'Ms Okafor, who sits on the island council, said the council hall would stay open overnight for stranded passengers.',
];

const text = (ps: string[]): string => ps.join('\n\n');
/** The same wire copy as another outlet runs it: its own headline, straight quotes. */
const copyOf = (ps: string[]): string => text(ps).replace(/[“”]/g, '"');

/** Ranked as a selection would rank them: the vote, its copy, the talks, the ferry. */
function harbourArticles(): StoredArticle[] {
  return [
    storedArticle('Marrowby dockers reject offer', text(VOTE), {
      publishedAt: '2026-03-12T10:00:00Z',
      source: 'Harbour Wire',
    }),
    storedArticle('Dock strike looms after vote', copyOf(VOTE), {
      publishedAt: '2026-03-12T12:00:00Z',
      source: 'Valley Post',
    }),
    storedArticle('Night-shift talks open in Harwick', text(TALKS), {
      publishedAt: '2026-03-09T09:00:00Z',
      source: 'Marrowby Gazette',
    }),
    storedArticle('Gales keep Skarholm ferry in port', text(FERRY), {
      publishedAt: '2026-03-13T08:00:00Z',
      source: 'Island News',
    }),
  ];
}

describe('assemble: a briefing across stories', () => {
  const articles = harbourArticles();
  const b = assemble(TOPIC, articles, WINDOW, [], NOW);

  it('shows the wire copy as one story with two sources, numbered story by story', () => {
    expect(b.stories.map((s) => s.articleIds)).toEqual([
      [articles[0]!.id, articles[1]!.id],
      [articles[2]!.id],
      [articles[3]!.id],
    ]);
    expect(b.stories.map((s) => s.sources)).toEqual([[1, 2], [3], [4]]);
    expect(b.sources.map((s) => s.articleId)).toEqual(b.stories.flatMap((s) => s.articleIds));
    expect(b.stories[0]).toMatchObject({
      n: 1,
      title: 'Marrowby dockers reject offer',
      firstSeen: '2026-03-12T10:00:00Z',
      isNew: false,
    });
  });

  it('summarises every story once before any story twice, within the multi-story budget', () => {
    // Told story by story; a second sentence for a story only once every story has one.
    const stories = b.summary.map((s) => s.story);
    expect(stories).toEqual([...stories].sort());
    expect(new Set(stories)).toEqual(new Set([1, 2, 3]));
    expect(stories.length).toBeGreaterThan(3);
    expect(b.summary.length).toBeLessThanOrEqual(BRIEFING_LIMITS.multiStorySentences);
    const words = b.summary.reduce((n, s) => n + wordCount(s.text), 0);
    expect(words).toBeLessThanOrEqual(BRIEFING_LIMITS.multiStoryWords);
    const bags = b.summary.map((s) => new Set(contentWords(s.text)));
    for (let i = 0; i < bags.length; i++)
      for (let j = i + 1; j < bags.length; j++)
        expect(overlap(bags[i]!, bags[j]!)).toBeLessThan(0.5);
    for (const s of b.summary) {
      const article = articles.find((a) => a.id === s.articleId)!;
      expect(article.text).toContain(s.text);
      expect(b.sources[s.source - 1]!.articleId).toBe(s.articleId);
      expect(b.stories[s.story - 1]!.articleIds).toContain(s.articleId);
    }
  });

  it('keeps one story to 3 sentences and 90 words, however many outlets carry it', () => {
    const one = assemble(TOPIC, articles.slice(0, 2), WINDOW, [], NOW);
    expect(one.stories).toHaveLength(1);
    expect(one.summary.length).toBeLessThanOrEqual(BRIEFING_LIMITS.summarySentences);
    expect(one.summary.reduce((n, s) => n + wordCount(s.text), 0)).toBeLessThanOrEqual(90);
  });

  it('quotes each speaker once before any twice, and a wire quote only once', () => {
    const texts = b.quotes.map((q) => q.text.replace(/["“”]/g, ''));
    expect(new Set(texts).size).toBe(texts.length);
    const speakers = b.quotes.map((q) => q.speaker);
    expect(new Set(speakers.slice(0, 2)).size).toBe(2);
    expect(speakers).toContain('Helen Okafor');
    for (const q of b.quotes) {
      expect(articles.find((a) => a.id === q.articleId)!.text).toContain(q.text);
      expect(b.sources[q.source - 1]!.articleId).toBe(q.articleId);
    }
    // Okafor is quoted in two stories: her second quote, if any, is from the other one.
    const hers = b.quotes.filter((q) => q.speaker === 'Helen Okafor');
    const storyOf = (id: number) => b.stories.find((s) => s.articleIds.includes(id))!.n;
    expect(new Set(hers.map((q) => storyOf(q.articleId))).size).toBe(hers.length);
  });

  it('merges actors across articles: surname, title, acronym, country', () => {
    const byName = new Map(b.actors.map((a) => [a.name, a]));
    const okafor = byName.get('Helen Okafor');
    expect(okafor).toMatchObject({ type: 'person', articles: 4 });
    expect(b.actors.some((a) => a.name === 'Okafor' || a.name === 'Ms Okafor')).toBe(false);
    expect(b.quotes.every((q) => q.speaker !== 'Okafor')).toBe(true);
  });

  it('marks stories the audience has not seen as new, and lists them first', () => {
    const seen = new Set([articles[0]!.id]);
    const again = assemble(TOPIC, articles, WINDOW, [], NOW, { seen });
    expect(again.stories.map((s) => [s.title, s.isNew])).toEqual([
      ['Night-shift talks open in Harwick', true],
      ['Gales keep Skarholm ferry in port', true],
      ['Marrowby dockers reject offer', false],
    ]);
    expect(again.stories.map((s) => s.sources)).toEqual([[1], [2], [3, 4]]);
  });

  it('is deterministic: the same articles give the same briefing', () => {
    const strip = (x: typeof b) => ({
      ...x,
      sources: x.sources.map((s) => ({ ...s, articleId: 0, origin: '' })),
      stories: x.stories.map((s) => ({ ...s, articleIds: [] })),
      summary: x.summary.map((s) => ({ ...s, articleId: 0 })),
      quotes: x.quotes.map((q) => ({ ...q, articleId: 0 })),
    });
    expect(strip(assemble(TOPIC, harbourArticles(), WINDOW, [], NOW))).toEqual(strip(b));
  });
});

describe('mergeActors', () => {
  const storyOf = (articles: StoredArticle[]): number[] => {
    const out: number[] = [];
    clusterStories(articles).forEach((s, n) => {
      for (const r of s.ranks) out[r] = n;
    });
    return out;
  };

  it('names a person by full name however each article spells them', () => {
    const articles = harbourArticles();
    const actors = mergeActors(articles, storyOf(articles)).top(50);
    const okafor = actors.filter((a) => /okafor/i.test(a.name));
    expect(okafor.map((a) => a.name)).toEqual(['Helen Okafor']);
    expect(okafor[0]!.aliases).toEqual(expect.arrayContaining(['Okafor']));
  });

  it('joins an organisation and its acronym', () => {
    const articles = harbourArticles();
    const actors = mergeActors(articles, storyOf(articles)).top(50);
    const agents = actors.filter((a) => /shipping agents|nsaa/i.test(a.name));
    expect(agents.map((a) => a.name)).toEqual(['Northern Shipping Agents Association']);
    expect(agents[0]!.aliases).toContain('NSAA');
  });

  it('gives the role the most recent article gives, not the best-ranked one', () => {
    const older = storedArticle(
      'Talks open',
      'Helen Okafor, general secretary of the Coastal Workers Union, opened the talks in Harwick on Monday.',
      { publishedAt: '2026-03-01T00:00:00Z' },
    );
    const newer = storedArticle(
      'Union elects chair',
      'Helen Okafor, chair of the Marrowby Trades Council, said the dockers had her full support.',
      { publishedAt: '2026-03-08T00:00:00Z' },
    );
    for (const ranked of [
      [older, newer],
      [newer, older],
    ]) {
      const actors = mergeActors(ranked, [0, 1]).top(10);
      expect(actors.find((a) => a.name === 'Helen Okafor')?.role).toMatch(/Trades Council/);
    }
  });

  it('merges a country however named, and keeps its capital a city', () => {
    const a = storedArticle(
      'Exports',
      'Ministers in Britain said exports to the UK had doubled since the new terminal opened.',
    );
    const b = storedArticle(
      'Ports',
      'The United Kingdom and Norway signed a port agreement in London on Tuesday.',
    );
    const actors = mergeActors([a, b], [0, 1]).top(20);
    const uk = actors.filter((x) => ['United Kingdom', 'Britain', 'UK'].includes(x.name));
    expect(uk.map((x) => x.name)).toEqual(['United Kingdom']);
    expect(uk[0]!.aliases).toEqual(expect.arrayContaining(['Britain', 'UK']));
    expect(actors.find((x) => x.name === 'London')?.type).toBe('place');
  });

  it('ranks by the number of stories, not of outlets repeating one story', () => {
    const articles = harbourArticles();
    const actors = mergeActors(articles, storyOf(articles)).top(50);
    const rank = (name: string) => actors.findIndex((a) => a.name === name);
    // Priya Raman is in two articles of one story; Helen Okafor in all three stories.
    expect(rank('Helen Okafor')).toBeLessThan(rank('Priya Raman'));
    expect(actors[rank('Priya Raman')]!.articles).toBe(2);
  });
});
