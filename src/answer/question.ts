import { ROLE_NOUNS, wordSet } from '../nlp/text/lexicon.ts';
import { lookupPlace } from '../nlp/text/places.ts';
import { contentWords } from '../nlp/words.ts';
import { normaliseForReading } from './reading.ts';

/** What kind of answer a question wants, read from its first words. */
export type QuestionKind =
  | 'who'
  | 'whoIs'
  | 'say'
  | 'howMany'
  | 'howMuch'
  | 'when'
  | 'where'
  | 'why'
  | 'whatIs'
  | 'other';

/**
 * For "who": a person ("Which officer …?"), an organisation ("Which group …?"), or either
 * ("Who …?" may be answered by a ministry as well as by a minister).
 */
export type Wanted = 'person' | 'organization' | 'either';

export interface Question {
  text: string;
  kind: QuestionKind;
  /** The words the answer sentence should share with the question. */
  words: string[];
  /** For "what did X say" and "who is X": the person or thing asked about, as written. */
  subject: string | null;
  /**
   * Capitalised words inside the question: names. An article that has none of them is not
   * about what was asked, however many other words it shares.
   */
  names: string[];
  /** For "who" questions: a person, an organisation ("Which company …"), or either. */
  wanted: Wanted;
  /** For "how many": the noun counted ("How many countries …" → "countries"), or null. */
  counted: string | null;
  /** For "how much": whether it asks a price or a sum of money ("What does a ticket cost?"). */
  asksMoney: boolean;
}

/** Negations say how the question is put, not what it is about. */
const NEGATIONS =
  "don't doesn't didn't isn't wasn't aren't weren't won't can't couldn't wouldn't shouldn't hasn't haven't hadn't";

/** Words that shape a question but say nothing about its subject. */
const QUESTION_WORDS = wordSet(
  'who what when where why how which many much long does did tell about know anything else ' +
    'happen happened ' +
    // The noun a "which …" or "what …" question asks about says its kind, not its subject.
    'year date name city country place group number big large far old ' +
    // "Who was the man …": the kind of answer, which the sentence names rather than says.
    'man woman person ' +
    `${NEGATIONS} ${NEGATIONS.replaceAll("'", '’')}`,
);

const SAY_VERBS = 'say|said|tell|told|claim|claimed|state|stated|announce|warn|promise|reveal';
const SAY = new RegExp(
  `^what\\s+(?:did|does|has|have|had|do)\\s+(.+?)\\s+(?:${SAY_VERBS})\\b\\s*(.*)$`,
  'iu',
);
const WHO_IS = /^(?:who|what)\s+(?:is|was|are|were)\s+(.+)$/iu;

/** Nouns that make "which X" ask for a place, a time, or an organisation. */
const PLACE_NOUNS =
  '(?:country|countries|city|cities|town|state|province|region|place|village|county|capital|nation|park|street|neighbou?rhood|district)s?';
const TIME_NOUNS = 'year|month|day|date|time|week|decade';
const ORGANISATION_NOUNS =
  'group|company|firm|organi[sz]ation|agency|party|union|body|network|newspaper|magazine|outlet|team|bank|court|committee';

/** A "how much" about money: what something costs, pays, earns or is worth. */
const ASKS_MONEY =
  /\b(?:cost|costs|spend|spent|pay|paid|price|prices|worth|money|charge|fee|fees|earn|earned|salary|budget|fund|funds|funding)\b/iu;

/** The openings of each kind of question, built once. */
const ASKS_WHEN = new RegExp(
  `^(?:when\\b|(?:(?:in|on|at|by|until|since)\\s+)?(?:what|which)\\s+(?:${TIME_NOUNS})\\b)`,
);
const ASKS_WHERE = new RegExp(
  `^(?:where\\b|(?:in\\s+|to\\s+|from\\s+)?(?:what|which)\\s+(?:${PLACE_NOUNS})\\b)`,
);
/** "Which group …": an organisation; a person by noun is ASKS_WHO_BY_ROLE's. */
const ASKS_WHO_BY_NOUN = new RegExp(`^(?:which|what)\\s+(?:\\w+\\s+)?(?:${ORGANISATION_NOUNS})\\b`);
/** Nouns for a person that are no role ("which man …"). */
const PERSON_NOUNS = wordSet('person man woman people men women');
const ASKS_ORGANISATION = new RegExp(
  `\\b(?:which|what)\\s+(?:\\w+\\s+)?(?:${ORGANISATION_NOUNS})\\b`,
  'i',
);
/**
 * The noun a "which …"/"what …" asks about, when it names a person: "which officer", "which
 * senior official", "what member of …". The first or second word after the question word.
 */
function asksForPersonByNoun(q: string): boolean {
  const m = /\b(?:which|what)\s+(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/iu.exec(q);
  if (!m) return false;
  // "Which former party chairman": the noun may come third.
  return [m[1], m[2], m[3]].some((w) => {
    const noun = w?.toLowerCase().replace(/s$/u, '');
    return !!noun && (ROLE_NOUNS.has(noun) || PERSON_NOUNS.has(noun));
  });
}
const ASKS_WHO_BY_ROLE = {
  test: (q: string): boolean => /^(?:which|what)\b/u.test(q) && asksForPersonByNoun(q),
};
const KINDS: Array<[QuestionKind, { test(q: string): boolean }]> = [
  ['howMany', /^how\s+many\b|^what\s+number\s+of\b/],
  ['howMuch', /^how\s+(?:much|big|large|long|far|high|old)\b/],
  // "What does a ticket cost?", "what did the club pay for him?": a price.
  [
    'howMuch',
    /^what\s+(?:does|did|do|will|would)\b.*\b(?:cost|costs|pay|paid|charge|earn|fetch)\b/,
  ],
  // "What poverty rate …", "what share of …": a measure.
  [
    'howMuch',
    /^(?:what|which)\s+(?:\w+\s+)?(?:rate|share|percentage|proportion|amount|price|cost|sum|total|salary|budget)\b/,
  ],
  ['when', ASKS_WHEN],
  ['where', ASKS_WHERE],
  ['why', /^why\b|^what\s+(?:caused|made|led)\b|^for\s+what\s+reason\b/],
  ['who', /^who\b|^whom\b|^(?:what|which)\s+(?:is|was)\s+the\s+name\b|^what's\s+the\s+name\b/],
  ['who', ASKS_WHO_BY_NOUN],
  ['who', ASKS_WHO_BY_ROLE],
];

function kindOf(q: string): QuestionKind {
  // "In his experiment, how many …": the question proper may follow an opening phrase.
  const lower = q.toLowerCase().replace(/^(?:and|so|but|ok|okay)\s*,?\s+/, '');
  const opening = lower.replace(/^[^,?]*,\s*(?=(?:who|what|when|where|why|how|which)\b)/, '');
  const found = KINDS.find(([, re]) => re.test(opening) || re.test(lower));
  return found ? found[0] : 'other';
}

function wantedOf(q: string): Wanted {
  // "Which party chairman" asks for a person, "which party" for an organisation.
  if (asksForPersonByNoun(q)) return 'person';
  return ASKS_ORGANISATION.test(q) ? 'organization' : 'either';
}

/** Strips "the", trailing "about it" and the question mark from a named subject. */
function cleanSubject(s: string): string {
  return (
    s
      .replace(/[?.!]+$/u, '')
      .replace(/\s+about\s+.*$/iu, '')
      // "What does Portline itself say": the reflexive only stresses who.
      .replace(/\s+(?:itself|himself|herself|themselves)$/iu, '')
      .replace(/^(?:the|a|an)\s+/iu, '')
      .trim()
  );
}

function capitalisedNames(q: string): string[] {
  const names: string[] = [];
  // The first word is capitalised because it starts the question, not because it is a name.
  const words = q.match(/[\p{L}\p{N}]+(?:[’'][\p{L}]+)?/gu) ?? [];
  words.slice(1).forEach((w) => {
    // "American", "Belmoran": an adjective the article may say as "US" or not at all.
    if (/^\p{Lu}/u.test(w) && lookupPlace(w)?.form !== 'demonym') names.push(...contentWords(w));
  });
  return [...new Set(names)].filter((w) => !QUESTION_WORDS.has(w));
}

/**
 * "How many countries …", "how many capital gains brackets would …": the noun counted, the last
 * word before the verb that follows it (or the first word when no auxiliary comes soon).
 */
const COUNTED =
  /\bhow\s+many\s+(?:of\s+(?:the|their|its)\s+)?((?:[\p{L}\p{N}-]+\s+){0,3}?)([\p{L}\p{N}-]+)\s+(?:did|does|do|are|were|is|was|would|will|have|has|had|can|could|should|might)\b/iu;
const FIRST_AFTER_HOW_MANY = /\bhow\s+many\s+(?:of\s+(?:the|their|its)\s+)?([\p{L}-]+)/iu;

function countedNoun(text: string): string | null {
  const m = COUNTED.exec(text);
  // "How many weeks of maternity pay were …": the noun before "of" is counted.
  const phrase = m
    ? `${m[1]}${m[2]}`
        .split(/\s+of\s+/u)[0]!
        .trim()
        .split(/\s+/u)
    : null;
  const noun = phrase?.at(-1) ?? FIRST_AFTER_HOW_MANY.exec(text)?.[1];
  return noun?.toLowerCase() ?? null;
}

export function parseQuestion(raw: string): Question {
  const text = raw.trim();
  const read = normaliseForReading(text, 'question');
  let kind = kindOf(text);
  let subject: string | null = null;
  let rest = text;
  const say = SAY.exec(text);
  const whoIs = WHO_IS.exec(text);
  if (say) {
    kind = 'say';
    subject = cleanSubject(say[1]!);
    rest = `${subject} ${say[2] ?? ''}`;
  } else if (whoIs && (kind === 'who' || kind === 'other')) {
    subject = cleanSubject(whoIs[1]!);
    // "Who is the ranking member of the panel?" describes someone to find, like "who leads";
    // "Who is Mara Quist?" names someone to describe.
    const describes = kind === 'who' && /(?:^|\s)\p{Ll}/u.test(subject);
    kind = describes ? 'who' : kind === 'who' ? 'whoIs' : 'whatIs';
    if (describes) subject = null;
  }
  const words = [
    ...new Set(
      contentWords(normaliseForReading(rest, 'question')).filter((w) => !QUESTION_WORDS.has(w)),
    ),
  ];
  const counted = kind === 'howMany' ? countedNoun(text) : null;
  return {
    text,
    kind,
    words,
    subject,
    names: capitalisedNames(read),
    wanted: wantedOf(text),
    counted,
    asksMoney: kind === 'howMuch' && ASKS_MONEY.test(text),
  };
}
