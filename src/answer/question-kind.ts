import nlp from 'compromise';
import { ROLE_NOUNS, wordSet } from '../nlp/text/lexicon.ts';

/**
 * What kind of answer a question wants, read from its opening: the question word, and for
 * "which …"/"what …" the noun it asks about ("which hospital" wants a place, "which engineer"
 * a person, "by what margin" an amount).
 */

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

/** Nouns that make "which X" ask for a place: places, and venues one can be in. */
const PLACE_NOUNS = wordSet(
  'country countries city cities town state province region place village county capital ' +
    'nation park street neighbourhood neighborhood district continent island hospital prison ' +
    'jail stadium airport hotel venue church port',
);
const TIME_NOUNS = wordSet('year month day date time week decade century season hour');
const ORGANISATION_NOUNS = wordSet(
  'group company firm organisation organization agency party union body network newspaper ' +
    'paper magazine outlet team bank court committee site website charity channel station ' +
    'broadcaster publisher studio label club university college school institution ministry ' +
    'department business',
);
/** Nouns for a measure: "what share …", "by what margin …". */
const MEASURE_NOUNS = wordSet(
  'rate share percentage proportion amount price cost sum total salary budget margin fee fine ' +
    'speed distance height weight size',
);
/** Nouns for a person that are no role ("which man …"). */
export const PERSON_NOUNS = wordSet('person man woman people men women');
/**
 * People by what they do that compromise's lexicon does not mark as actors; its "Actor" tag
 * covers most occupations ("engineer", "novelist").
 */
const OCCUPATIONS = wordSet(
  'mp mps athlete player footballer sprinter runner model supermodel singer star celebrity ' +
    'politician lawmaker legislator official engineer pilot nurse soldier volunteer student ' +
    'musician chef miner fisherman firefighter',
);

const KIND_NOUNS = [PLACE_NOUNS, TIME_NOUNS, ORGANISATION_NOUNS, MEASURE_NOUNS];

interface Term {
  text: string;
  tags: string[];
}

/** The question's words as compromise tags them. */
function termsOf(q: string): Term[] {
  return (nlp(q).json() as Array<{ terms: Term[] }>)[0]?.terms ?? [];
}

/** Singular, lowercase: "months" → "month", "MPs" → "mp". */
function singular(word: string): string {
  const lower = word.toLowerCase();
  if (/ies$/u.test(lower)) return `${lower.slice(0, -3)}y`;
  return /[^s]s$/u.test(lower) ? lower.slice(0, -1) : lower;
}

/** What a "which …" question asks about: its noun, and the verb that says what was done. */
export interface AskedNoun {
  noun: string;
  /** Does the noun name a person ("engineer", "senator", "man")? */
  isPerson: boolean;
  /** The question's verb after the noun phrase ("designed", "join"), lowercase; null if none. */
  verb: string | null;
}

/**
 * The noun a "which …", "what …" or "whose …" asks about: the last noun of the phrase after
 * the question word ("which junior MP heckled …" → "mp", "what member of the panel …" →
 * "member"). Null when the question word has no noun after it ("what did …").
 */
export function askedNoun(q: string): AskedNoun | null {
  const opening = openingOf(q);
  // Tagging costs more than the rest of the question's reading: only where a noun may follow.
  if (!/^(?:which|what|whose)\s/u.test(opening)) return null;
  const terms = termsOf(opening);
  if (!/^(?:which|what|whose)$/iu.test(terms[0]?.text ?? '')) return null;
  let head: Term | null = null;
  let k = 1;
  for (; k < terms.length; k++) {
    const t = terms[k]!;
    // "what date does …": compromise may tag a kind noun as a verb; the lists know better.
    const noun = t.tags.includes('Noun') || KIND_NOUNS.some((set) => set.has(singular(t.text)));
    // "ferry captain": a word tagged as a verb too ends the phrase only once a noun came.
    const modifier =
      t.tags.includes('Adjective') ||
      t.tags.includes('Value') ||
      (head === null && t.tags.includes('Infinitive') && !t.tags.includes('Auxiliary'));
    if (!noun && !modifier) break;
    if (noun) head = t;
    // "which company's business …" asks for a company: the possessor is what is asked.
    if (/[,?]$/u.test(t.text) || (noun && /[’']s$/u.test(t.text))) break;
  }
  if (!head) return null;
  const noun = singular(head.text.replace(/[^\p{L}\p{N}-]/gu, ''));
  const isPerson =
    ROLE_NOUNS.has(noun) ||
    PERSON_NOUNS.has(noun) ||
    OCCUPATIONS.has(noun) ||
    head.tags.includes('Actor');
  // "which club did Hale join": past the auxiliary and its subject to the verb.
  const verb = terms
    .slice(k)
    .find(
      (t) =>
        t.tags.includes('Verb') &&
        !t.tags.includes('Auxiliary') &&
        !t.tags.includes('Copula') &&
        !t.tags.includes('Modal'),
    );
  return { noun, isPerson, verb: verb ? verb.text.toLowerCase().replace(/[^\p{L}]/gu, '') : null };
}

/** The question proper: after "and", "so", a leading phrase and comma, or a preposition. */
function openingOf(q: string): string {
  return (
    q
      .toLowerCase()
      .replace(/^(?:and|so|but|ok|okay)\s*,?\s+/u, '')
      // "In his experiment, how many …": the question may follow an opening phrase.
      .replace(/^[^,?]*,\s*(?=(?:who|what|when|where|why|how|which|whose)\b)/u, '')
      // "For how many years …", "by what margin …", "in which weeks …".
      .replace(
        /^(?:for|by|in|on|at|over|to|from|during|until|since|with|after|before|into|of)\s+(?=(?:what|which|how|whose)\b)/u,
        '',
      )
  );
}

const KINDS: Array<[QuestionKind, RegExp]> = [
  [
    'howMany',
    /^how\s+many\b|^what\s+number\s+of\b|^what(?:'s|’s|\s+is|\s+was)\s+the\s+(?:total\s+)?number\s+of\b/u,
  ],
  ['howMuch', /^how\s+(?:much|big|large|long|far|high|old|deep|wide|tall|heavy|fast)\b/u],
  // "What does a ticket cost?", "what did the club pay for him?": a price.
  [
    'howMuch',
    /^what\s+(?:does|did|do|will|would)\b.*\b(?:cost|costs|pay|paid|charge|earn|fetch)\b/u,
  ],
  // "What is the budget for …": a measure named after a copula.
  [
    'howMuch',
    /^what(?:'s|’s|\s+is|\s+was|\s+are|\s+were)\s+the\s+(?:\w+\s+)?(?:rate|share|percentage|proportion|amount|price|cost|sum|total|salary|budget|margin|fee)\b/u,
  ],
  // "What time did she run in the final?": a race's time, a measure, not a time of day.
  [
    'howMuch',
    /^what\s+time\s+(?:did|does|do|has|had|will)\b.*\b(?:run|ran|finish|finished|clock|clocked|record|recorded|swim|swam|post|posted)\b/u,
  ],
  ['when', /^(?:since\s+)?when\b/u],
  ['where', /^where\b/u],
  [
    'why',
    /^why\b|^how\s+come\b|^what\s+(?:caused|made|led|inspired|prompted|drove|motivated)\b|^for\s+what\s+reason\b/u,
  ],
  [
    'who',
    /^who\b|^whom\b|^whose\b|^(?:what|which)\s+(?:is|was)\s+the\s+name\b|^what's\s+the\s+name\b/u,
  ],
];

/** The kind a "which N"/"what N" question asks for, by its noun; null when the noun says none. */
function kindOfNoun(asked: { noun: string; isPerson: boolean }): QuestionKind | null {
  const { noun } = asked;
  if (TIME_NOUNS.has(noun)) return 'when';
  if (PLACE_NOUNS.has(noun)) return 'where';
  if (MEASURE_NOUNS.has(noun)) return 'howMuch';
  if (noun === 'number') return 'howMany';
  if (asked.isPerson || ORGANISATION_NOUNS.has(noun)) return 'who';
  return null;
}

/** The kind of question, from its opening or else from the noun it asks about (askedNoun). */
export function kindOf(q: string, asked: AskedNoun | null): QuestionKind {
  const opening = openingOf(q);
  const found = KINDS.find(([, re]) => re.test(opening));
  if (found) return found[0];
  return (asked && kindOfNoun(asked)) ?? 'other';
}

export function wantedOf(asked: AskedNoun | null): Wanted {
  // "Which party chairman" asks for a person, "which party" for an organisation.
  if (asked?.isPerson) return 'person';
  return asked && ORGANISATION_NOUNS.has(asked.noun) ? 'organization' : 'either';
}
