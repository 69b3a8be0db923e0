import type { StoredArticle } from '../model/article.ts';
import { plainWords } from '../nlp/words.ts';
import {
  type EventProfile,
  eventProfile,
  PROFILE_WEIGHTS,
  type ProfileWeights,
} from './event-profile.ts';

/**
 * Events: outlets that each wrote their own report of one happening share no sentence but
 * say the same things — the same names, the same rare words in their headlines and leads —
 * within a few days. Groups of articles (wire copies already joined, stories.ts) are merged
 * bottom-up while the closest two are, on average over their articles, alike enough and
 * close enough in time. Average linkage, not single: a chain of look-alikes (a debate, a poll
 * taken after it, a row about the poll) must not weld different events into one. Deterministic: ties
 * go to the lower indices.
 */

export interface EventOptions {
  /** The average cosine two groups need to be one event. */
  threshold: number;
  /** No event spans more than this many days between its first and last report. */
  windowDays: number;
  /**
   * Empty documents added to the batch when weighting features by rarity, so that in a
   * small batch (three reports of one event) the words they share still count.
   */
  prior: number;
  /**
   * And no two of its articles may be less alike than this: a round-up that carries two
   * events resembles both, but the two events' own reports do not resemble each other.
   */
  floor: number;
  /**
   * Two articles sharing fewer features than this are never alike, however high their
   * cosine: two one-line items about one place share its name and little else.
   */
  minShared: number;
  weights: ProfileWeights;
}

export const EVENT_OPTIONS: EventOptions = {
  threshold: 0.15,
  windowDays: 3,
  prior: 5,
  floor: 0.1,
  minShared: 5,
  weights: PROFILE_WEIGHTS,
};

const DAY_MS = 86_400_000;

/** Cosine similarity of every pair of articles, as an n × n table. */
export function eventSimilarities(
  profiles: readonly EventProfile[],
  prior: number = EVENT_OPTIONS.prior,
  minShared: number = EVENT_OPTIONS.minShared,
): Float64Array {
  const n = profiles.length;
  const df = new Map<string, number>();
  for (const p of profiles) for (const f of p.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  // Inverted lists of unit-length tf-idf vectors: only features two articles share touch the table.
  const postings = new Map<string, Array<[number, number]>>();
  profiles.forEach((p, i) => {
    const weighted: Array<[string, number]> = [];
    let norm = 0;
    for (const [f, w] of p.features) {
      const x = w * Math.log((n + prior + 1) / (df.get(f)! + 1));
      weighted.push([f, x]);
      norm += x * x;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [f, x] of weighted) {
      if (df.get(f)! < 2) continue;
      const list = postings.get(f) ?? [];
      if (list.length === 0) postings.set(f, list);
      list.push([i, x * scale]);
    }
  });
  const sim = new Float64Array(n * n);
  const shared = new Uint16Array(n * n);
  for (const list of postings.values())
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const [i, x] = list[a]!;
        const [j, y] = list[b]!;
        sim[i * n + j]! += x * y;
        shared[i * n + j]!++;
      }
  for (let i = 0; i < n; i++) {
    sim[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      if (shared[i * n + j]! < minShared) sim[i * n + j] = 0;
      sim[j * n + i] = sim[i * n + j]!;
    }
  }
  return sim;
}

/**
 * Merges groups of articles (indices into `articles`, each group in rank order) into events;
 * returns the events, each in rank order, ordered by their best-ranked article.
 */
export function mergeEvents(
  articles: readonly StoredArticle[],
  groups: readonly number[][],
  options: EventOptions = EVENT_OPTIONS,
): number[][] {
  const furniture = sharedSentences(articles, groups);
  const profiles = articles.map((a) => eventProfile(a, options.weights, furniture));
  const sim = eventSimilarities(profiles, options.prior, options.minShared);
  const n = articles.length;
  const clusters = groups.map((g) => ({
    members: [...g],
    first: Math.min(...g.map((i) => profiles[i]!.time)),
    last: Math.max(...g.map((i) => profiles[i]!.time)),
  }));
  const window = options.windowDays * DAY_MS;
  const linkage = (a: number[], b: number[]): number => {
    let total = 0;
    for (const i of a)
      for (const j of b) {
        const x = sim[i * n + j]!;
        if (x < options.floor) return 0;
        total += x;
      }
    return total / (a.length * b.length);
  };
  for (;;) {
    let best: [number, number] | null = null;
    let bestScore = options.threshold;
    for (let x = 0; x < clusters.length; x++)
      for (let y = x + 1; y < clusters.length; y++) {
        const cx = clusters[x]!;
        const cy = clusters[y]!;
        const span = Math.max(cx.last, cy.last) - Math.min(cx.first, cy.first);
        if (!(span <= window)) continue;
        const score = linkage(cx.members, cy.members);
        if (score >= bestScore && (best === null || score > bestScore)) {
          best = [x, y];
          bestScore = score;
        }
      }
    if (!best) break;
    const [x, y] = best;
    const cx = clusters[x]!;
    const cy = clusters.splice(y, 1)[0]!;
    cx.members = [...cx.members, ...cy.members].sort((i, j) => i - j);
    cx.first = Math.min(cx.first, cy.first);
    cx.last = Math.max(cx.last, cy.last);
  }
  return clusters.map((c) => c.members).sort((a, b) => a[0]! - b[0]!);
}

/**
 * Sentences that articles of different groups both print word for word: a syndication
 * notice, a newsletter's footer, a standing paragraph. They say who published, not what
 * happened, so they are no evidence of one event (copies within a group share everything).
 */
function sharedSentences(
  articles: readonly StoredArticle[],
  groups: readonly number[][],
): (text: string) => boolean {
  const groupOf = new Map<string, number>();
  const shared = new Set<string>();
  // Each sentence's words once: the profiles ask about the same sentences again.
  const keys = new Map<string, string>();
  const keyOf = (text: string): string => {
    let key = keys.get(text);
    if (key === undefined) {
      key = plainWords(text);
      keys.set(text, key);
    }
    return key;
  };
  groups.forEach((g, k) => {
    for (const i of g)
      for (const s of articles[i]!.analysis.sentences) {
        const key = keyOf(s.text);
        const seen = groupOf.get(key);
        if (seen === undefined) groupOf.set(key, k);
        else if (seen !== k) shared.add(key);
      }
  });
  return (text) => shared.size > 0 && shared.has(keyOf(text));
}
