import type { StoredArticle } from '../model/article.ts';
import { plainWords, wordCount } from '../nlp/words.ts';
import { nameKey } from './event-profile.ts';
import { clusterStories, type Story } from './stories.ts';

/**
 * What a story is to an audience that was briefed before: new (none of its articles seen),
 * an update (a known event with a development in the unseen articles: someone who was not
 * in it before, a new voice quoted, or someone speaking again on a later day), or a repeat
 * (another outlet's report of what the audience already knows, which is not news).
 */

export type StoryNews =
  | { kind: 'new' }
  | { kind: 'update'; added: string[] }
  | { kind: 'repeat' }
  | { kind: 'seen' };

/** A name counts as part of the event only when the article makes something of it. */
const SALIENT_MENTIONS = 2;
/** At most this many newcomers are named in the update line. */
const NAMED = 3;

export function newsOf(story: Story, seen: ReadonlySet<number>): StoryNews {
  const known = story.articles.filter((a) => seen.has(a.id));
  const fresh = story.articles.filter((a) => !seen.has(a.id));
  if (known.length === 0) return { kind: 'new' };
  if (fresh.length === 0) return { kind: 'seen' };
  const before = new Set(known.flatMap(people));
  const added: string[] = [];
  const addedKeys = new Set<string>();
  const add = (key: string, name: string): void => {
    if (addedKeys.has(key)) return;
    addedKeys.add(key);
    added.push(name);
  };
  for (const article of fresh)
    for (const [key, name] of newcomers(article)) if (!before.has(key)) add(key, name);
  // Someone the reader has met who speaks again on a later day is a development too; on the
  // same day, another outlet's excerpt of the same remarks is not.
  const lastDay = Math.max(...known.map(dayOf));
  const told = known.map((a) => plainWords(a.text)).join(' ');
  for (const article of fresh) {
    if (dayOf(article) <= lastDay) continue;
    for (const q of article.analysis.quotes)
      if (q.speaker && wordCount(q.text) >= MIN_QUOTE_WORDS && !told.includes(plainWords(q.text)))
        add(speakerKey(article, q.speaker), q.speaker);
  }
  return added.length ? { kind: 'update', added: added.slice(0, NAMED) } : { kind: 'repeat' };
}

/** A quote shorter than this is a phrase, not something new said. */
const MIN_QUOTE_WORDS = 6;

/** The calendar day (UTC) an article was published on, or stored when undated. */
function dayOf(article: StoredArticle): number {
  return Math.floor(Date.parse(article.publishedAt ?? article.ingestedAt) / 86_400_000);
}

/** The keys of everyone an article names or quotes, salient or not: what the reader has met. */
function people(article: StoredArticle): string[] {
  const keys = article.analysis.actors.map((a) => nameKey(a.name, a.type));
  for (const q of article.analysis.quotes) if (q.speaker) keys.push(speakerKey(article, q.speaker));
  return keys;
}

/** Those an article brings in: its salient actors and everyone it quotes, by key and name. */
function newcomers(article: StoredArticle): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const a of article.analysis.actors)
    if (a.mentions >= SALIENT_MENTIONS && a.type !== 'place')
      out.push([nameKey(a.name, a.type), a.name]);
  for (const q of article.analysis.quotes)
    if (q.speaker) out.push([speakerKey(article, q.speaker), q.speaker]);
  return out;
}

function speakerKey(article: StoredArticle, speaker: string): string {
  const actor = article.analysis.actors.find((a) => a.name === speaker);
  return nameKey(speaker, actor?.type ?? 'person');
}

export interface NewsSince {
  /** The articles worth telling: of new events, or updating known ones; in rank order. */
  articles: StoredArticle[];
  /** Each updating article's news. */
  updates: Map<number, StoryNews>;
}

/**
 * What a digest tells of the selected articles: the unseen ones, except those that only
 * repeat an event the audience was told of (grouped with the seen ones to know).
 */
export function newsSince(
  articles: StoredArticle[],
  isSeen: (a: StoredArticle) => boolean,
): NewsSince {
  const seen = new Set(articles.filter(isSeen).map((a) => a.id));
  const keep = new Set<number>();
  const updates = new Map<number, StoryNews>();
  for (const story of clusterStories(articles)) {
    const news = newsOf(story, seen);
    if (news.kind === 'repeat' || news.kind === 'seen') continue;
    for (const a of story.articles) {
      if (seen.has(a.id)) continue;
      keep.add(a.id);
      if (news.kind === 'update') updates.set(a.id, news);
    }
  }
  return { articles: articles.filter((a) => keep.has(a.id)), updates };
}
