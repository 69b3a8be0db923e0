import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mergeActors } from '../../src/briefing/actors.ts';
import { clusterCopies, clusterStories } from '../../src/briefing/stories.ts';
import type { StoredArticle } from '../../src/model/article.ts';
import { lookupPlace, placeKey } from '../../src/nlp/text/places.ts';
import { contentWords, overlap, wordCount } from '../../src/nlp/words.ts';
import { createStore } from '../../src/store/create.ts';
import { runCli, tempDir } from '../helpers/cli.ts';
import { describeWithShared, sharedDir } from '../helpers/shared.ts';

/**
 * A topic briefing across the 84 PolNeAR articles (2016 US election coverage from seven
 * outlets), plus near-duplicates made here: the top articles re-wrapped under another title
 * with one paragraph changed. Every expectation is computed from the data at test time.
 */

interface BriefJson {
  generatedAt: string;
  summary: Array<{ text: string; articleId: number; source: number; story: number }>;
  stories: Array<{
    n: number;
    title: string;
    sources: number[];
    articleIds: number[];
    firstSeen: string | null;
    isNew: boolean;
  }>;
  quotes: Array<{ text: string; speaker: string; articleId: number; source: number }>;
  actors: Array<{ name: string; type: string; aliases: string[] }>;
  sources: Array<{ n: number; articleId: number; origin: string }>;
}

const TOPIC = 'clinton-trump';
const TOPIC_WORDS = new RegExp(TOPIC.split('-').join('|'), 'i');
const COPIES = 3;

describeWithShared('topic briefing across many PolNeAR articles', () => {
  const corpus = join(sharedDir, 'eval/quotes/polnear-dev/text');
  const tmp = tempDir();
  const db = join(tmp.dir, 'polnear.db');
  const copyDir = join(tmp.dir, 'copies');
  let before: BriefJson;
  let after: BriefJson;
  /** [original article id, copy article id]. */
  const pairs: Array<[number, number]> = [];
  const articles = new Map<number, StoredArticle>();

  const brief = async (format = 'json') => {
    const out = await runCli(['brief', TOPIC, '--since', 'all', '--format', format, '--db', db]);
    expect(out.code, out.stderr).toBe(0);
    return out.stdout;
  };

  beforeAll(async () => {
    const ingested = await runCli(['ingest', corpus, '--db', db]);
    expect(ingested.code, ingested.stderr).toBe(0);
    before = JSON.parse(await brief()) as BriefJson;

    // Near-duplicates of the top articles: another title, the same date in the file name,
    // one paragraph replaced.
    mkdirSync(copyDir);
    const made: Array<{ original: number; file: string }> = [];
    for (const s of before.sources) {
      if (made.length === COPIES) break;
      const [, ...body] = readFileSync(s.origin, 'utf8')
        .trim()
        .split(/\n\s*\n/);
      // A middle paragraph without the topic's words, so the copy still matches the topic.
      const middle = body.map((_, i) => i).filter((i) => i > 0 && i < body.length - 1);
      const changed = middle.find((i) => !TOPIC_WORDS.test(body[i]!));
      if (body.length < 5 || changed === undefined) continue;
      body[changed] =
        'Our correspondent adds that campaign officials declined to comment on the matter when reached by telephone on Friday evening.';
      const date = /_(\d{4}-\d{2}-\d{2})_/.exec(basename(s.origin))?.[1];
      const file = join(copyDir, `wire-copy_${date}_${made.length}.txt`);
      writeFileSync(file, [`Wire report ${made.length + 1}`, ...body].join('\n\n'));
      made.push({ original: s.articleId, file });
    }
    expect(made).toHaveLength(COPIES);
    const out = await runCli(['ingest', copyDir, '--db', db, '--json']);
    expect(out.code, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout) as { items: Array<{ input: string; articleId: number }> };
    for (const m of made)
      pairs.push([m.original, report.items.find((i) => i.input === m.file)!.articleId]);
    after = JSON.parse(await brief()) as BriefJson;

    const stores = await createStore(db);
    try {
      const ids = [...before.sources, ...after.sources].map((s) => s.articleId);
      for (const a of await stores.articles.getArticles([...new Set(ids)])) articles.set(a.id, a);
    } finally {
      await stores.close();
    }
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('joins no two independent PolNeAR articles as copies of one text', () => {
    expect(before.sources.length).toBeGreaterThan(20);
    const copies = clusterCopies(before.sources.map((s) => articles.get(s.articleId)!));
    // By what they are about, some may be one event; by copied text, none is another's copy.
    expect(copies).toHaveLength(before.sources.length);
  });

  it('collapses each re-wrapped copy into its original story, adding no story', () => {
    for (const [original, copy] of pairs) {
      const story = after.stories.find((s) => s.articleIds.includes(original));
      expect(story?.articleIds).toContain(copy);
      expect(story?.sources.length).toBeGreaterThanOrEqual(2);
    }
    expect(after.stories.length).toBeLessThanOrEqual(after.sources.length - COPIES);
    for (const s of after.stories) {
      const numbers = s.articleIds.map((id) => after.sources.find((x) => x.articleId === id)?.n);
      expect(numbers).toEqual(s.sources);
    }
  });

  it('shows the stories and their outlets in text and markdown', async () => {
    const text = await brief('text');
    expect(text).toMatch(/^Stories$/m);
    expect(
      text.match(/ — \d+ sources( \[\d+\])+ · first reported \d{4}-\d\d-\d\d$/gm)?.length,
    ).toBeGreaterThanOrEqual(COPIES);
    expect(await brief('markdown')).toMatch(/^## Stories$/m);
  });

  it('summarises the main stories, one sentence each, citing several articles', () => {
    const { summary } = after;
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(5);
    expect(summary.reduce((n, s) => n + wordCount(s.text), 0)).toBeLessThanOrEqual(120);
    expect(new Set(summary.map((s) => s.articleId)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(summary.map((s) => s.story)).size).toBe(summary.length);
    for (const s of summary) {
      expect(articles.get(s.articleId)!.text).toContain(s.text);
      expect(after.sources[s.source - 1]?.articleId).toBe(s.articleId);
      expect(after.stories[s.story - 1]?.articleIds).toContain(s.articleId);
    }
  });

  it('never repeats itself in the summary', () => {
    const bags = after.summary.map((s) => new Set(contentWords(s.text)));
    for (let i = 0; i < bags.length; i++)
      for (let j = i + 1; j < bags.length; j++)
        expect(overlap(bags[i]!, bags[j]!)).toBeLessThan(0.5);
  });

  it('quotes verbatim from the cited article, never the same words twice', () => {
    expect(after.quotes.length).toBeGreaterThan(0);
    for (const q of after.quotes) {
      expect(articles.get(q.articleId)!.text).toContain(q.text);
      expect(after.sources[q.source - 1]?.articleId).toBe(q.articleId);
    }
    const texts = after.quotes.map((q) => q.text);
    for (const a of texts) for (const b of texts) if (a !== b) expect(a).not.toContain(b);
    expect(new Set(texts).size).toBe(texts.length);
  });

  /** Every actor the briefing's articles name, merged: not only the eight shown. */
  const allActors = () => {
    const list = after.sources.map((s) => articles.get(s.articleId)!);
    const storyOf: number[] = [];
    clusterStories(list).forEach((s, n) => {
      for (const r of s.ranks) storyOf[r] = n;
    });
    return { list, actors: mergeActors(list, storyOf).top(Number.MAX_SAFE_INTEGER) };
  };

  it('merges people across articles: no actor is just the surname of a person actor', () => {
    const { actors } = allActors();
    const surnames = new Set(
      actors
        .filter((a) => a.type === 'person' && a.name.includes(' '))
        .map((a) => a.name.split(' ').at(-1)!.toLowerCase()),
    );
    const bare = actors.filter(
      (a) => a.type !== 'place' && !a.name.includes(' ') && surnames.has(a.name.toLowerCase()),
    );
    expect(bare.map((a) => a.name)).toEqual([]);
    // The merge is real: some person is named by surname alone in one article and in full in another.
    expect(actors.some((a) => a.type === 'person' && a.articles > 10)).toBe(true);
  });

  it('merges places by country, one actor per country, and keeps capitals as cities', () => {
    const { list, actors } = allActors();
    const countries = actors
      .filter((a) => a.type === 'place')
      .map((a) => lookupPlace(a.name))
      .filter((p) => p !== undefined && p.form !== 'capital')
      .map((p) => p!.country);
    expect(countries.length).toBeGreaterThan(3);
    expect(new Set(countries).size).toBe(countries.length);
    const capitals = new Set(
      list.flatMap((a) =>
        a.analysis.actors
          .filter((x) => x.type === 'place' && lookupPlace(x.name)?.form === 'capital')
          .map((x) => x.name),
      ),
    );
    for (const capital of capitals) {
      const city = actors.find((a) => a.type === 'place' && placeKey(a.name) === placeKey(capital));
      expect(city, capital).toBeDefined();
    }
  });

  it('shows each actor once in the briefing', () => {
    const names = after.actors.map((a) => a.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const a of after.actors)
      for (const b of after.actors)
        if (a !== b)
          expect(b.aliases.map((x) => x.toLowerCase())).not.toContain(a.name.toLowerCase());
  });

  it('gives the same JSON on every run but for the briefing id and generatedAt', async () => {
    const again = JSON.parse(await brief()) as BriefJson;
    expect({ ...again, id: 0, generatedAt: '' }).toEqual({ ...after, id: 0, generatedAt: '' });
  });
});
