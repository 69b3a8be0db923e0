import nlp from 'compromise';
import { stemmer } from 'stemmer';

/**
 * Words reduced to what a question and an article share: the Porter stemmer (the `stemmer`
 * package) after compromise's table of irregular past forms, so "spent" meets "spending" and
 * "lost" meets "losing". Both sides go through the same function, so a stem only needs to be
 * consistent, not a real word. ADR 0011 says why no synonym list is kept beside it.
 */

interface Irregulars {
  ex: Record<string, string>;
}

/** Irregular past and participle forms to their infinitive ("led" → "lead"), from compromise. */
const IRREGULAR: Readonly<Record<string, string>> = (() => {
  const models = (nlp.model() as { two: { models: Record<string, Irregulars> } }).two.models;
  return { ...models.fromParticiple?.ex, ...models.fromPast?.ex };
})();

/** Stems already computed: every question re-reads its candidate articles' words. */
const stems = new Map<string, string>();
/** A bound on that memory; past it the cache starts again (news vocabulary fits easily). */
const MAX_STEMS = 200_000;

export function stem(word: string): string {
  const lower = word.toLowerCase();
  let s = stems.get(lower);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    s = stemmer(IRREGULAR[lower] ?? lower);
    stems.set(lower, s);
  }
  return s;
}

/**
 * Words for leading something, which questions and articles use for one another ("Who heads
 * the agency?" — "its director general"). General English, not any article's vocabulary.
 */
const LEADING = [
  'head',
  'leader',
  'lead',
  'leadership',
  'chief',
  'ceo',
  'director',
  'boss',
  'run',
  'chair',
  'chairman',
  'chairwoman',
  'president',
  'commander',
  'charge',
];
const CANONICAL = new Map<string, string>(LEADING.map((w) => [stem(w), 'lead']));

/** The word's stem, with every word for leading folded onto one. */
export function concept(word: string): string {
  const s = stem(word);
  return CANONICAL.get(s) ?? s;
}

/** Is this concept the one for leading something ("heads", "chief", "in charge of")? */
export function isLeadingConcept(c: string): boolean {
  return c === 'lead';
}
