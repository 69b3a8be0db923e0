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

export function stem(word: string): string {
  const lower = word.toLowerCase();
  return stemmer(IRREGULAR[lower] ?? lower);
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
