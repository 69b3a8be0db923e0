import { describe, expect, it } from 'vitest';
import { assemble, buildBriefing } from '../../src/briefing/build.ts';
import { topicality } from '../../src/briefing/on-topic.ts';
import { selectArticles } from '../../src/briefing/select.ts';
import { normaliseSlug, resolveTopic } from '../../src/briefing/topics.ts';
import { prepareArticle } from '../../src/ingest/prepare.ts';
import { coverageOf } from '../../src/model/briefing.ts';
import { renderBriefing } from '../../src/render/text.ts';
import { createStore } from '../../src/store/create.ts';
import { storedArticle } from '../helpers/articles.ts';

const article = (title: string, text: string, publishedAt: string | null) =>
  prepareArticle(`test:${title}`, { title, text, publishedAt, source: null, url: null });

const NOW = new Date('2026-06-01T09:00:00Z');

/** Three Portline ferry stories: two about the ferry, a newer one that names it in passing. */
const ferryArticles = () => [
  article(
    'Portline ferry fares rise',
    'Portline ferry fares rose again. The ferry operator said Portline ferry users would pay more. Ferry unions objected.',
    '2025-03-01T10:00:00Z',
  ),
  // Newer, but matches only in passing: a Marrowby bakery story that names a ferry once.
  article(
    'Marrowby bakery opens',
    'A bakery opened in Marrowby. Its owner, Mara Quist, once worked on a ferry out of Portline.',
    '2025-05-20T10:00:00Z',
  ),
  article(
    'Portline ferry strike',
    'The Portline ferry crews went on strike. Ferry sailings from Portline stopped. The ferry company met the crews.',
    '2025-01-10T10:00:00Z',
  ),
];

describe('an empty window falls back to the most relevant matches, recency second', () => {
  const ferryPort = ferryArticles();

  it('puts the articles about the topic ahead of a newer one that only mentions it', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles(ferryPort);
    const { articles, fallback } = await selectArticles(
      stores.articles,
      resolveTopic('portline-ferry', []),
      '2026-05-25T00:00:00.000Z',
    );
    expect(fallback).toBe(true);
    expect(articles.map((a) => a.title).at(-1)).toBe('Marrowby bakery opens');
    await stores.close();
  });

  it('orders equally relevant matches newest first', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles([
      article('Quay report one', 'Harbour tolls in Portline rose in May.', '2024-01-01T00:00:00Z'),
      article('Quay report two', 'Harbour tolls in Portline rose in June.', '2025-01-01T00:00:00Z'),
    ]);
    const { articles } = await selectArticles(
      stores.articles,
      resolveTopic('harbour-tolls', []),
      '2026-01-01T00:00:00.000Z',
    );
    expect(articles.map((a) => a.title)).toEqual(['Quay report two', 'Quay report one']);
    await stores.close();
  });

  it('says in the briefing that it covers the most relevant earlier articles', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles(ferryPort);
    const b = await buildBriefing(stores, [], { topic: 'portline-ferry', since: '7d', now: NOW });
    expect(b.window.fallback).toBe(true);
    expect(b.notes[0]).toBe(
      'No article in the last 7 days; this briefing covers the 3 most relevant matching articles from before then, the newest first where equally relevant.',
    );
    expect(b.notes[0]).not.toMatch(/recent/);
    expect(coverageOf(b.window)).toBe('most relevant (none in the last 7 days)');
    expect(b.sources.at(-1)?.title).toBe('Marrowby bakery opens');
    await stores.close();
  });
});

describe('the fallback note', () => {
  it('names a lone match as the only one', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles([ferryArticles()[0]!]);
    const b = await buildBriefing(stores, [], { topic: 'portline-ferry', since: '24h', now: NOW });
    expect(b.notes[0]).toBe(
      'No article in the last 24 hours; this briefing covers the only matching article, from before then.',
    );
    await stores.close();
  });
});

describe('topic titles and slugs', () => {
  it('capitalises words, not every short word', () => {
    expect(resolveTopic('gun-laws', []).title).toBe('Gun · Laws');
    expect(resolveTopic('tax-art-fee', []).title).toBe('Tax · Art · Fee');
  });

  it('writes known acronyms and letter-digit codes in capitals', () => {
    expect(resolveTopic('eu-tax', []).title).toBe('EU · Tax');
    expect(resolveTopic('nato-budget', []).title).toBe('NATO · Budget');
    expect(resolveTopic('g7-summit', []).title).toBe('G7 · Summit');
  });

  it('accepts an accented slug, searching it unaccented and titling it as typed', () => {
    expect(normaliseSlug('café')).toBe('cafe');
    expect(normaliseSlug('Zürich Café')).toBe('zurich-cafe');
    const topic = resolveTopic('café-prices', []);
    expect(topic.slug).toBe('cafe-prices');
    expect(topic.title).toBe('Café · Prices');
    expect(topic.terms.allOf).toEqual([['cafe'], ['prices']]);
  });

  it('briefs an accented slug on articles written with or without the accent', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles([
      article(
        'Marrowby café closes',
        'The Marrowby café closed on Friday.',
        '2026-05-30T10:00:00Z',
      ),
      article(
        'Portline cafe opens',
        'A cafe opened in Portline on Saturday.',
        '2026-05-31T10:00:00Z',
      ),
    ]);
    const b = await buildBriefing(stores, [], { topic: 'café', now: NOW });
    expect(b.topic).toBe('cafe');
    expect(b.sources).toHaveLength(2);
    await stores.close();
  });

  it('still refuses a slug with no letters or digits', () => {
    expect(() => normaliseSlug('\u0301')).toThrow(/not a topic name/);
  });
});

describe('undated articles', () => {
  it('are described as undated, not as published in the window', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles([
      article('Portline pier repairs', 'Repairs to the Portline pier began.', null),
      article('Portline pier reopens', 'The Portline pier reopened to walkers.', null),
    ]);
    const b = await buildBriefing(stores, [], { topic: 'portline-pier', since: '7d' });
    expect(b.window.undated).toBe(true);
    expect(coverageOf(b.window)).toBe('undated, ingested in the last 7 days');
    expect(renderBriefing(b, 'text')).toContain(
      '2 articles · undated, ingested in the last 7 days',
    );
    expect(b.notes).toContain(
      'None of these articles carries a publication date; the window was applied to when they were ingested.',
    );
    const all = await buildBriefing(stores, [], { topic: 'portline-pier', since: 'all' });
    expect(coverageOf(all.window)).toBe('all time, undated');
    await stores.close();
  });

  it('leave the window as it is when any covered article is dated', async () => {
    const stores = await createStore(':memory:');
    await stores.articles.putArticles([
      article('Portline pier repairs', 'Repairs to the Portline pier began.', null),
      article('Portline pier reopens', 'The Portline pier reopened.', new Date().toISOString()),
    ]);
    const b = await buildBriefing(stores, [], { topic: 'portline-pier', since: '7d' });
    expect(b.window.undated).toBe(false);
    expect(coverageOf(b.window)).toBe('the last 7 days');
    expect(b.notes.join(' ')).not.toMatch(/publication date/);
    await stores.close();
  });

  it('say undated in the fallback too', () => {
    const window = { since: null, until: '', label: '24h', fallback: true, undated: true };
    expect(coverageOf(window)).toBe('most relevant, undated (none ingested in the last 24 hours)');
  });
});

describe('quotes and summary sentences are about the topic', () => {
  const ferryTopic = resolveTopic('portline-ferry', []);
  const window = { since: null, until: NOW.toISOString(), label: 'all', fallback: false };
  // A council round-up that reaches the ferry only in its fourth paragraph. Its most prominent
  // speaker, Dov Arkwright, talks about pensions, and its lead is about pensions too.
  const roundUp = () =>
    storedArticle(
      'Marrowby council round-up',
      [
        'Veterans marched through Marrowby on Sunday to demand that the council restore their pension top-ups.',
        '“Every one of these veterans has waited far too long for the money the council promised them,” said Dov Arkwright, the council leader.',
        'Dov Arkwright said the pension top-ups would return in the spring budget. Arkwright added that the council had found the money.',
        'Separately, the Portline ferry will run two extra sailings a day from June, the operator said.',
        '“The extra ferry sailings will carry commuters from Portline to Marrowby before eight o’clock,” said Mara Quist, who runs the ferry company.',
      ].join('\n\n'),
      { publishedAt: '2026-05-30T10:00:00Z' },
    );

  it('leaves out quotes whose paragraph names none of the topic’s terms when others do', () => {
    const b = assemble(ferryTopic, [roundUp()], window, [], NOW);
    expect(b.quotes.map((q) => q.speaker)).toEqual(['Mara Quist']);
    expect(b.quotes.some((q) => /veterans/.test(q.text))).toBe(false);
  });

  it('leaves out summary sentences whose paragraph names none of the topic’s terms', () => {
    const b = assemble(ferryTopic, [roundUp()], window, [], NOW);
    expect(b.summary.length).toBeGreaterThan(0);
    for (const s of b.summary) expect(s.text).toMatch(/ferry|Portline/i);
  });

  it('keeps an article’s own sentences and quotes when none names the topic', () => {
    // Matched on its title alone: its text is still the story it was selected for.
    const b = assemble(resolveTopic('pension-march', []), [roundUp()], window, [], NOW);
    expect(b.summary.length).toBeGreaterThan(0);
    expect(b.quotes.length).toBeGreaterThan(0);
  });

  it('matches terms as whole words, any case, accents ignored', () => {
    const about = topicality({ allOf: [['cafe'], ['harbour tolls']] });
    const analysis = storedArticle(
      'Marrowby',
      'The CAFÉ by the quay raised prices.\n\nHarbour tolls rose.\n\nThe cafeteria and the harbour toll booth closed.',
    ).analysis;
    expect(analysis.sentences.map((_, i) => about.ofSentence(analysis, i))).toEqual([0.5, 0.5, 0]);
  });
});
