import { stemmer } from 'stemmer';
import type { StoredArticle } from '../model/article.ts';
import { boundedMemo } from '../model/memo.ts';
import { contentWords } from '../nlp/words.ts';

/**
 * What an article is about, as a weighted bag of features, for telling whether two outlets'
 * own reports cover one event: the stems of its words (its headline and lead count most, as
 * that is where a report states its event) and the entities it names, keyed so that
 * "Mara Quist" in one outlet and "Quist" in another are one feature.
 */

export interface EventProfile {
  /** Feature → weight before the batch's rarity weighting; names are prefixed "@". */
  features: Map<string, number>;
  /** Publication time (ingest time when undated), in ms since the epoch. */
  time: number;
}

export interface ProfileWeights {
  title: number;
  /** Sentences of the lead: the opening of the body. */
  leadSentences: number;
  lead: number;
  /** Sentences read at all: a long article's tail is background, not its event. */
  bodySentences: number;
  body: number;
  /** Weight of a named entity, per log-scaled mention. */
  name: number;
}

export const PROFILE_WEIGHTS: ProfileWeights = {
  title: 3,
  leadSentences: 5,
  lead: 2,
  bodySentences: 12,
  body: 1,
  name: 1,
};

/**
 * Stems by word: stemming is pure, and a briefing stems the same few thousand words over and
 * over (every article's headline and lead).
 */
const stemOf = boundedMemo(stemmer, 50_000);

export function eventProfile(
  article: StoredArticle,
  weights: ProfileWeights = PROFILE_WEIGHTS,
  furniture: (sentence: string) => boolean = () => false,
): EventProfile {
  const raw = new Map<string, number>();
  const add = (text: string, weight: number): void => {
    if (weight <= 0) return;
    for (const word of contentWords(text)) {
      const stem = stemOf(word);
      raw.set(stem, (raw.get(stem) ?? 0) + weight);
    }
  };
  add(article.title, weights.title);
  const sentences = article.analysis.sentences;
  for (let i = 0; i < Math.min(sentences.length, weights.bodySentences); i++) {
    const text = sentences[i]!.text;
    if (!furniture(text)) add(text, i < weights.leadSentences ? weights.lead : weights.body);
  }
  const features = new Map<string, number>();
  // Repetition says less than presence: a word used ten times is not ten times the event.
  for (const [stem, w] of raw) features.set(stem, 1 + Math.log(w));
  for (const actor of weights.name > 0 ? article.analysis.actors : []) {
    const key = `@${nameKey(actor.name, actor.type)}`;
    const w = weights.name * (1 + Math.log(Math.max(1, actor.mentions)));
    features.set(key, Math.max(features.get(key) ?? 0, w));
  }
  return { features, time: Date.parse(article.publishedAt ?? article.ingestedAt) };
}

/**
 * One key per entity across outlets: a person by family name (outlets agree on it more than
 * on given names and titles), anything else by its whole lowercased name.
 */
export function nameKey(name: string, type: string): string {
  const lower = name.toLowerCase();
  if (type !== 'person') return lower;
  const words = lower.split(/\s+/).filter((w) => !/^(?:jr|sr|ii|iii|iv)\.?$/.test(w));
  return words.at(-1) ?? lower;
}
