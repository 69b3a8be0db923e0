import { wordSet } from '../nlp/text/lexicon.ts';
import { lookupPlace } from '../nlp/text/places.ts';
import { contentWords } from '../nlp/words.ts';
import {
  type AskedNoun,
  askedNoun,
  kindOf,
  PERSON_NOUNS,
  type QuestionKind,
  type Wanted,
  wantedOf,
} from './question-kind.ts';
import { normaliseForReading } from './reading.ts';

export type { QuestionKind, Wanted };

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
  /** "Besides Portline, which firm …": the names set aside, which are not the answer. */
  setAside: string[];
  /** For "who" questions: a person, an organisation ("Which company …"), or either. */
  wanted: Wanted;
  /** For "how many": the noun counted ("How many countries …" → "countries"), or null. */
  counted: string | null;
  /** For "how much": whether it asks a price or a sum of money ("What does a ticket cost?"). */
  asksMoney: boolean;
  /**
   * "Who is the ranking member of the panel?": a "who" that describes the one asked for with
   * nouns, not with what they did ("Who directed the play?").
   */
  describes: boolean;
  /**
   * For "Which engineer built …?": the noun for a person that the one asked for answers
   * to, and the question's verb; null for other questions and for "which man", "which person".
   */
  askedPerson: AskedNoun | null;
}

/** Negations say how the question is put, not what it is about. */
const NEGATIONS =
  "don't doesn't didn't isn't wasn't aren't weren't won't can't couldn't wouldn't shouldn't hasn't haven't hadn't";

/** Words that shape a question but say nothing about its subject. */
const QUESTION_WORDS = wordSet(
  'who what when where why how which many much long does did tell about know anything else ' +
    'happen happened ' +
    // The noun a "which …" or "what …" question asks about says its kind, not its subject.
    'year date name city country place group number big large far old besides ' +
    // "Who was the man …": the kind of answer, which the sentence names rather than says.
    'man woman person ' +
    // "Who thinks X could …": the asker's word for holding a view, which articles report as
    // what someone said or told, not as thinking.
    'think thinks thought believe believes believed reckon reckons reckoned ' +
    `${NEGATIONS} ${NEGATIONS.replaceAll("'", '’')}`,
);

/** Verbs for saying something, as a "what did X …" question puts them (base or past). */
const SAY_VERBS =
  'say|said|tell|told|claim|claimed|state|stated|announce|warn|promise|reveal|ask|asked|suggest|suggested|joke|joked|accuse|accused|write|wrote|tweet|tweeted|argue|argued|add|added|insist|insisted|admit|admitted|predict|predicted|reply|replied|respond|responded';
const SAY = new RegExp(
  `^what\\s+(?:did|does|has|have|had|do)\\s+(.+?)\\s+(?:${SAY_VERBS})\\b\\s*(.*)$`,
  'iu',
);
const WHO_IS = /^(?:who|what)\s+(?:is|was|are|were)\s+(.+)$/iu;

/** A "how much" about money: what something costs, pays, earns or is worth. */
const ASKS_MONEY =
  /\b(?:cost|costs|spend|spent|pay(?!\s+(?:rise|raise|increase|cut|freeze|gap))|paid|price|prices|worth|money|charge|fee|fees|earn|earned|salary|budget|fund|funds|funding)\b/iu;

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
  // "in the July to September quarter": months and days are dates, which articles put in
  // other words ("the three months to September"), not names the article must hold.
  return [...new Set(names)].filter((w) => !QUESTION_WORDS.has(w) && !CALENDAR.has(w));
}
const CALENDAR = wordSet(
  'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday',
);

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

/** "Which engineer …": the noun for a person asked about, unless it is only "man", "person". */
function personNoun(asked: AskedNoun | null): AskedNoun | null {
  return asked?.isPerson && !PERSON_NOUNS.has(asked.noun) ? asked : null;
}

const ASKS_WHERE_FROM =
  /\b(?:work|works|worked|live|lives|lived|based|come from|comes from|came from|hail from|hails from|from)\s*\??$/iu;
/**
 * "Which company makes …": a noun so general it only says the answer is an organisation,
 * which the answer names rather than says (as "group" in QUESTION_WORDS).
 */
const GENERIC_KINDS = wordSet('company companies firm firms organisation organization');
const SET_ASIDE = /^(?:besides|apart from|aside from|other than|except for)\s+[^,]{1,60},\s*/iu;
const ASKS_CAUSE = /^what\s+(?:caused|made|led|inspired|prompted|drove|motivated)\b/iu;

export function parseQuestion(raw: string): Question {
  const text = raw.trim();
  // "Besides Facebook, which company …": what is set aside is not what the answer must name.
  const aside = SET_ASIDE.exec(text)?.[0] ?? '';
  const asking = text.slice(aside.length);
  const read = normaliseForReading(asking, 'question');
  const asked = askedNoun(text);
  let kind = kindOf(text, asked);
  let subject: string | null = null;
  let rest = asking;
  let describes = false;
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
    describes = kind === 'who' && /(?:^|\s)\p{Ll}/u.test(subject);
    kind = describes ? 'who' : kind === 'who' ? 'whoIs' : 'whatIs';
    if (describes) subject = null;
  }
  // "What inspired X to …": the verb that asks for the cause is no word the answer shares.
  if (kind === 'why') rest = rest.replace(ASKS_CAUSE, '');
  // "Where does X work?": any sentence that places X answers ("X, an adviser in Calloway").
  if (kind === 'where') rest = rest.replace(ASKS_WHERE_FROM, '');
  const words = [
    ...new Set(
      contentWords(normaliseForReading(rest, 'question')).filter(
        (w) =>
          !QUESTION_WORDS.has(w) && !(kind === 'who' && w === asked?.noun && GENERIC_KINDS.has(w)),
      ),
    ),
  ];
  const counted = kind === 'howMany' ? countedNoun(text) : null;
  return {
    text,
    kind,
    words,
    subject,
    names: capitalisedNames(read),
    setAside: aside ? capitalisedNames(normaliseForReading(aside, 'question')) : [],
    wanted: wantedOf(asked),
    counted,
    asksMoney: kind === 'howMuch' && ASKS_MONEY.test(text),
    describes,
    askedPerson: kind === 'who' ? personNoun(asked) : null,
  };
}
