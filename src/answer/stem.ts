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
interface Model {
  one: { lexicon: Record<string, string | string[]> };
  two: { models: Record<string, Irregulars> };
}
interface VerbMethods {
  toInfinitive(word: string, model: object, tense: string): string;
}
const MODEL = nlp.model() as Model;
const VERBS = (nlp.methods() as { two: { transform: { verb: VerbMethods } } }).two.transform.verb;

/** Irregular past and participle forms to their infinitive ("led" → "lead"), from compromise. */
const IRREGULAR: Readonly<Record<string, string>> = {
  ...MODEL.two.models.fromParticiple?.ex,
  ...MODEL.two.models.fromPast?.ex,
};

/** Does compromise's lexicon give the (lowercase) word one of these tags? */
function tagged(lower: string, ...wanted: string[]): boolean {
  const tags = MODEL.one.lexicon[lower];
  return Array.isArray(tags) ? tags.some((t) => wanted.includes(t)) : wanted.includes(tags ?? '');
}

/**
 * A past form compromise's lexicon knows but its irregular table lacks ("shot", "fought")
 * to its infinitive by compromise's own rules; any other word as it is.
 */
function infinitive(lower: string): string {
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  return tagged(lower, 'PastTense', 'Participle')
    ? VERBS.toInfinitive(lower, MODEL, 'PastTense') || lower
    : lower;
}

/** Is the word a verb's base form in compromise's lexicon ("promote", "mark")? */
export function isBaseVerb(word: string): boolean {
  return tagged(word.toLowerCase(), 'Infinitive');
}

/** Stems already computed: every question re-reads its candidate articles' words. */
const stems = new Map<string, string>();
/** A bound on that memory; past it the cache starts again (news vocabulary fits easily). */
const MAX_STEMS = 200_000;

export function stem(word: string): string {
  const lower = word.toLowerCase();
  let s = stems.get(lower);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    s = stemmer(infinitive(lower));
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
/** Words for speaking for someone: "Who speaks for the campaign?" — "campaign spokesman". */
const SPEAKING = ['speak', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople'];
const CANONICAL = new Map<string, string>([
  ...LEADING.map((w): [string, string] => [stem(w), 'lead']),
  ...SPEAKING.map((w): [string, string] => [stem(w), 'speak']),
]);

/** The word's stem, with every word for leading folded onto one, and for speaking for. */
export function concept(word: string): string {
  const s = stem(word);
  return CANONICAL.get(s) ?? s;
}

/** Is this concept the one for leading something ("heads", "chief", "in charge of")? */
export function isLeadingConcept(c: string): boolean {
  return c === 'lead';
}
