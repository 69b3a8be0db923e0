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
 * A past form compromise's lexicon knows but its irregular table lacks ("shot", "written")
 * to its infinitive by compromise's own rules; any other word as it is.
 */
function infinitive(lower: string): string {
  const irregular = IRREGULAR[lower];
  if (irregular) return irregular;
  // "suing", "dying": a gerund the lexicon knows, which Porter would cut to "su", "dy".
  if (tagged(lower, 'Gerund')) return VERBS.toInfinitive(lower, MODEL, 'Gerund') || lower;
  // "written" goes back through the participle's rules, "shot" through the past tense's.
  if (tagged(lower, 'Participle')) return VERBS.toInfinitive(lower, MODEL, 'Participle') || lower;
  return tagged(lower, 'PastTense')
    ? VERBS.toInfinitive(lower, MODEL, 'PastTense') || lower
    : lower;
}

/** Is the word a verb's base form in compromise's lexicon ("promote", "mark")? */
export function isBaseVerb(word: string): boolean {
  return tagged(word.toLowerCase(), 'Infinitive');
}

/**
 * British spellings read as American ones, so "criticised" meets "criticized" and "criticism",
 * "labour" meets "labor", "centre" meets "center". Both sides of a comparison pass through
 * here, so a word wrongly respelled ("promise" → "promize") still meets itself.
 */
function americanSpelling(lower: string): string {
  if (lower.length < 5) return lower;
  return lower
    .replace(/(?<=\p{L}{3})is(e|ed|es|ing|ation|ations|er|ers)$/u, 'iz$1')
    .replace(/(?<=\p{L}{3})ys(e|ed|es|ing)$/u, 'yz$1')
    .replace(/(?<=\p{L}{3})our(s|ed|ing|ite|ites|able)?$/u, 'or$1')
    .replace(/(?<=\p{L}{2})([tb])re(s)?$/u, '$1er$2');
}

/**
 * Nouns for an act whose verb the stemmer cannot reach: "growth" is what grows, a "sale" is
 * what is sold, a "failure" is failing. General English, few and irregular; the "-ure"
 * nouns only where compromise knows the verb ("closure" → "close", not "nature" → "nat").
 */
const IRREGULAR_NOUNS: Readonly<Record<string, string>> = {
  growth: 'grow',
  sale: 'sell',
  sales: 'sell',
  loss: 'lose',
  losses: 'lose',
  choice: 'choose',
  choices: 'choose',
  proof: 'prove',
};
function verbOfNoun(lower: string): string {
  const irregular = IRREGULAR_NOUNS[lower];
  if (irregular) return irregular;
  const ure = /^(\p{L}{3,})ures?$/u.exec(lower)?.[1];
  if (!ure) return lower;
  return [ure, `${ure}e`].find((v) => isBaseVerb(v)) ?? lower;
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
    s = stemmer(infinitive(verbOfNoun(americanSpelling(lower))));
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
  'premier',
  'mayor',
  'governor',
  'ruler',
];
/** Words for speaking for someone: "Who speaks for the campaign?" — "campaign spokesman". */
const SPEAKING = ['speak', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople'];
/** Titles as news copy shortens them before a name ("Sen. Ana Ruiz"): read as the title. */
const TITLE_ABBREVIATIONS: ReadonlyArray<[string, string]> = [
  ['sen', 'senator'],
  ['rep', 'representative'],
  ['gov', 'governor'],
  ['gen', 'general'],
  ['prof', 'professor'],
  ['dr', 'doctor'],
  ['pres', 'president'],
  ['capt', 'captain'],
  ['sgt', 'sergeant'],
  ['lt', 'lieutenant'],
  ['col', 'colonel'],
  ['cmdr', 'commander'],
  ['adm', 'admiral'],
];
/** Words for lives lost, which news uses for one another ("killed" — "left 14 dead" — "death toll"). */
const DYING = ['die', 'dead', 'death', 'kill', 'fatal', 'fatality'];
const CANONICAL = new Map<string, string>([
  ...LEADING.map((w): [string, string] => [stem(w), 'lead']),
  ...SPEAKING.map((w): [string, string] => [stem(w), 'speak']),
  ...DYING.map((w): [string, string] => [stem(w), 'die']),
]);
/** An abbreviated title's concept: its full title's ("pres" leads, as "president" does). */
const ABBREVIATED = new Map(
  TITLE_ABBREVIATIONS.map(([short, full]): [string, string] => [
    short,
    CANONICAL.get(stem(full)) ?? stem(full),
  ]),
);

/**
 * "owner" → "own", "designers" → "design", "creator" → "create": a noun for whoever does
 * something, when compromise knows the verb, so "Who owns the club?" meets "the club's
 * owner". Null for any other word, and for adjectives ("former", "better").
 */
function agentVerb(lower: string): string | null {
  const w = lower.replace(/(?<=[eo]r)s$/u, '');
  if (!/(?:er|or)$/u.test(w) || tagged(w, 'Adjective', 'Comparative')) return null;
  const root = w.slice(0, -2);
  // "winner" → "win", "writer" → "write", "creator" → "create", "editor" → "edit".
  const undoubled = /([b-df-hj-np-tv-z])\1$/u.test(root) ? root.slice(0, -1) : root;
  const candidates = [undoubled, w.slice(0, -1), `${root}e`, root].filter(
    (v) => v.length >= 3 && !TOO_LIGHT.has(v),
  );
  const base = candidates.find((v) => isBaseVerb(v) || IRREGULAR_VERBS.has(v));
  if (base) return stem(base);
  // "own" — "owned": a verb the lexicon knows by its past form, stemmed as that form is.
  for (const v of candidates)
    for (const past of [`${v}d`, `${v}ed`, `${v}${v.at(-1)}ed`])
      if (tagged(past, 'PastTense')) return stem(past);
  return null;
}

/** Infinitives of compromise's irregular verbs ("win", "sell"), which its lexicon may tag as nouns. */
const IRREGULAR_VERBS: ReadonlySet<string> = new Set(Object.values(IRREGULAR));

/** Verbs too light to name what a doer does: a "letter" lets nothing, a "maker" is vague. */
const TOO_LIGHT = new Set('let get put set make take give keep use go come do have'.split(' '));

/** Concepts already computed, as stems are. */
const concepts = new Map<string, string>();

/**
 * The word's stem, with every word for leading folded onto one, and for speaking for, and a
 * noun for a doer onto its verb (unless that verb is one for leading: a "runner" runs nothing).
 */
export function concept(word: string): string {
  const lower = word.toLowerCase();
  let c = concepts.get(lower);
  if (c === undefined) {
    if (concepts.size >= MAX_STEMS) concepts.clear();
    const s = ABBREVIATED.get(lower) ?? stem(lower);
    const agent = CANONICAL.has(s) ? null : agentVerb(lower);
    c = CANONICAL.get(s) ?? (agent !== null && !CANONICAL.has(agent) ? agent : s);
    concepts.set(lower, c);
  }
  return c;
}

/**
 * Are the two words one title, an abbreviation read as its full form ("Sen." and "senator")?
 * Stricter than sharing a concept: "president" and "chairman" both lead, but are not one title.
 */
export function sameTitle(a: string, b: string): boolean {
  const full = (w: string): string => {
    const lower = w.toLowerCase();
    const long = TITLE_ABBREVIATIONS.find(([short]) => short === lower)?.[1];
    return stem(long ?? lower);
  };
  return full(a) === full(b);
}

/** Is this concept the one for leading something ("heads", "chief", "in charge of")? */

export function isLeadingConcept(c: string): boolean {
  return c === 'lead';
}
