import type { StoredArticle } from '../model/article.ts';
import { EVENT_OPTIONS, type EventOptions, mergeEvents } from './events.ts';
import { overlaps, type Resemblance, resemblanceOf, shingles } from './shingles.ts';

/**
 * Stories: one event is one story, however many outlets wrote it up. The same wire copy
 * carried by several outlets is joined first (shared shingles); then outlets' own reports of
 * one event are merged by what they are about (events.ts). Articles come ranked (most
 * important first), so each story's representative is its best-ranked article; stories are
 * then ranked by that article's rank and how many articles carry them. Deterministic: only
 * the articles and the input order matter.
 */

export interface Story {
  /** The story's articles: the representative (best-ranked) first, then in ranked order. */
  articles: StoredArticle[];
  /** Each article's position in the ranked input, parallel to `articles`. */
  ranks: number[];
}

/**
 * An article whose shingles lie at least this much inside its story's representative (or
 * the other way round) carries the same copy: a trimmed, re-headlined or lightly edited
 * version. Independent reports of one event share quoted phrases, not half their text (on
 * the 84 PolNeAR articles no two exceed 0.18); one changed paragraph in five leaves about 0.8.
 */
export const CONTAINED = 0.5;
/**
 * Two texts with this Jaccard share are near-copies of each other as wholes, so an article
 * may join a story through any member, not only the representative.
 */
export const SAME_COPY = 0.5;
/**
 * And a joining article must share at least this much with every member: a round-up that
 * carries two wire stories contains both, but the two have nothing in common, so it may
 * join one of them and never welds them into one story.
 */
export const LINKED = 0.2;
/** Fewer shared shingles than this (about two sentences) is never a duplicate, however short the texts. */
export const MIN_SHARED = 10;

export function clusterStories(
  articles: StoredArticle[],
  options: EventOptions = EVENT_OPTIONS,
): Story[] {
  return ranked(articles, mergeEvents(articles, copyGroups(articles), options));
}

/** Stories of wire copies only, as briefings grouped before events (the evaluation's baseline). */
export function clusterCopies(articles: StoredArticle[]): Story[] {
  return ranked(articles, copyGroups(articles));
}

function ranked(articles: StoredArticle[], groups: number[][]): Story[] {
  // Three outlets carrying a story outweigh one article ranked just above it; two at rank 1
  // tie with one at rank 0, and the better rank goes first.
  const weight = (story: number[]): number => (1 + Math.log2(story.length)) / (1 + story[0]!);
  return groups
    .sort((x, y) => weight(y) - weight(x) || x[0]! - y[0]!)
    .map((story) => ({ articles: story.map((i) => articles[i]!), ranks: story }));
}

/** Groups of articles carrying the same copy, each in rank order, by their first article. */
function copyGroups(articles: StoredArticle[]): number[][] {
  const { sizes, shared } = overlaps(articles.map((a) => shingles(a.text)));
  const n = articles.length;
  const pair = (i: number, j: number): Resemblance =>
    resemblanceOf(shared[i * n + j]!, sizes[i]!, sizes[j]!);

  const members: number[][] = [];
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestScore = 0;
    members.forEach((story, s) => {
      const score = affinity(i, story, pair);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    });
    if (best >= 0) members[best]!.push(i);
    else members.push([i]);
  }
  return members;
}

/**
 * How strongly an article belongs to a story: its containment with the representative, or
 * its Jaccard share with a near-copy member; 0 when neither qualifies or some member shares
 * next to nothing with it.
 */
function affinity(
  article: number,
  story: number[],
  pair: (i: number, j: number) => Resemblance,
): number {
  let score = 0;
  for (const [k, m] of story.entries()) {
    const r = pair(article, m);
    if (r.containment < LINKED) return 0;
    if (r.shared < MIN_SHARED) continue;
    if (k === 0 && r.containment >= CONTAINED) score = Math.max(score, r.containment);
    if (r.jaccard >= SAME_COPY) score = Math.max(score, r.jaccard);
  }
  return score;
}
