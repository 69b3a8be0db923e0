import nlp from 'compromise';
import type { EntityType } from '../model/analysis.ts';
import { loadModel } from './tagger/model.ts';
import { wordSet } from './text/lexicon.ts';
import type { Token } from './text/tokens.ts';

/**
 * Spans the tagger proposes that no reader would call a name: a discourse adverb opening a
 * sentence ("Moreover, …"), a pronoun contraction ("I've"), a fragment cut at a symbol
 * ("Tools &"), a programming identifier ("ArrayLists"), a common noun written in capitals
 * ("TV"), a piece of legislation ("the Bill passed").
 */
export interface JunkCandidate {
  first: number;
  last: number;
  type: EntityType;
}

/**
 * General English sentence adverbs and connectives, for when compromise does not tag one as
 * an adverb (it calls "However" a conjunction). Written from English usage, not from data.
 */
const DISCOURSE_MARKERS = wordSet(
  'moreover furthermore additionally however meanwhile nevertheless nonetheless consequently ' +
    'therefore thus hence indeed instead likewise similarly otherwise overall ultimately ' +
    'besides accordingly notably importantly interestingly surprisingly incredibly ' +
    'unfortunately fortunately admittedly apparently evidently obviously regardless ' +
    'alternatively conversely subsequently previously initially eventually finally lastly ' +
    'firstly secondly thirdly honestly frankly basically essentially specifically',
);

/** Documents a legislature passes; alone ("the Bill", "the Act") they are no organisation. */
const LEGISLATION = wordSet('bill act motion amendment resolution ordinance statute');

const DETERMINERS = wordSet('the a an this that its his her their our');

/** Characters no name's word holds ("id</b>", "a=b"); "A&E", "Jean-Luc", "O’Neill", "Acme.com" pass. */
const NOT_IN_NAMES = /[^\p{L}\p{M}\p{N}.'’&-]/u;

/** "Mc", "Mac", "De", "La", "O'" before a capital are how surnames are spelled, not code. */
const NAME_PREFIX = /^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|O['’])\p{Lu}/u;

/** "D-Ohio", "R-Texas": a US lawmaker's party and state, never a name of its own. */
const PARTY_TAG = /^[DRI]-\p{Lu}[\p{L}.]*$/u;

export function isJunkName(tokens: Token[], span: JunkCandidate): boolean {
  const first = tokens[span.first]!;
  const last = tokens[span.last]!;
  if (!hasLetterOrDigit(first.word) || !hasLetterOrDigit(last.word)) return true;
  for (let i = span.first; i <= span.last; i++) {
    const t = tokens[i]!;
    if (NOT_IN_NAMES.test(t.word) || isPronounContraction(t) || isCodeIdentifier(t)) return true;
  }
  // "the Data Retention Bill", "the Equal Pay Amendment": a law is no actor.
  if (span.first !== span.last) return span.type !== 'person' && LAW_ENDINGS.has(last.lower);
  return (
    PARTY_TAG.test(first.word) ||
    PLURAL_ACRONYM.test(first.word) ||
    isPluralCommonNoun(tokens, span.first) ||
    isDiscourseAdverb(first) ||
    isCapitalisedCommonNoun(tokens, span.first) ||
    isLegislation(tokens, span)
  );
}

function hasLetterOrDigit(word: string): boolean {
  return /^[\p{L}\p{N}]/u.test(word) && /[\p{L}\p{N}.]$/u.test(word);
}

/** "I've", "We're", "They'll": a pronoun with a verb clipped onto it. */
function isPronounContraction(t: Token): boolean {
  return /^(?:i|you|we|they|he|she|it|that|there|who|what)['’](?:ve|m|re|ll|d|s)$/u.test(t.lower);
}

/** An adverb or connective used as one: the word alone, opening a sentence or set off by a comma. */
function isDiscourseAdverb(t: Token): boolean {
  if (t.tags.has('Person') || t.tags.has('Place') || t.tags.has('Organization')) return false;
  const marker = DISCOURSE_MARKERS.has(t.lower);
  // "-ly" names ("Kelly", "Italy") are no adverb to compromise and never seen in lowercase.
  const adverb =
    /ly$/u.test(t.lower) &&
    (t.tags.has('Adverb') || isCommonWord(t.lower) || isAdverbAlone(t.lower));
  return (marker || adverb) && (t.sentenceStart || t.post.trim().startsWith(','));
}

/**
 * "TV", "CEO" in running text: compromise's lexicon lists the word as a common noun. A
 * headline in capitals ("HILL WINS IN CINCINNATI") is left to the tagger: there every word
 * is in capitals, names too.
 */
function isCapitalisedCommonNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!/^\p{Lu}{2,}$/u.test(t.word)) return false;
  if (!COMMON_NOUN_TAGS.has(compromiseLexicon()[t.lower] ?? '')) return false;
  return inRunningText(tokens, i);
}

/** Words either side looked at for a lowercase one: enough to tell a headline from prose. */
const RUNNING_TEXT_REACH = 12;

function inRunningText(tokens: Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  const from = Math.max(0, i - RUNNING_TEXT_REACH);
  const to = Math.min(tokens.length - 1, i + RUNNING_TEXT_REACH);
  for (let k = from; k <= to; k++)
    if (tokens[k]!.sentence === sentence && /\p{Ll}/u.test(tokens[k]!.word)) return true;
  return false;
}

const COMMON_NOUN_TAGS = wordSet('Singular Plural Noun Actor Uncountable');

let lexicon: Readonly<Record<string, string>> | undefined;

/** compromise's word list: lowercase word to its main tag. */
function compromiseLexicon(): Readonly<Record<string, string>> {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
  return lexicon;
}

/** "the Bill", "the British Bill", "this new Bill": a law named by its kind after a determiner. */
function isLegislation(tokens: Token[], span: JunkCandidate): boolean {
  const t = tokens[span.first]!;
  if (span.type === 'person' || !LEGISLATION.has(t.lower)) return false;
  for (let i = span.first - 1; i >= 0 && span.first - i <= 3; i--) {
    const prev = tokens[i]!;
    if (prev.sentence !== t.sentence) return false;
    if (DETERMINERS.has(prev.lower)) return true;
    if (!prev.tags.has('Adjective') && !prev.tags.has('Demonym') && !/^\p{Lu}/u.test(prev.word))
      return false;
  }
  return false;
}

/** "CEOs", "MPs", "NGOs": a plural of an abbreviation names many, not one actor. */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
const LAW_ENDINGS = wordSet('bill act amendment');

/**
 * "Bosses, journalists and editors met": a plural common noun opening a sentence is no name,
 * unless the article also writes it capitalised mid-sentence ("Banks" the surname).
 */
function isPluralCommonNoun(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (tokens[i - 1]?.sentence === t.sentence || !/^\p{Lu}\p{Ll}+s$/u.test(t.word)) return false;
  const singular =
    t.lower.endsWith('es') && COMMON_NOUN_TAGS.has(compromiseLexicon()[t.lower.slice(0, -2)] ?? '')
      ? t.lower.slice(0, -2)
      : t.lower.slice(0, -1);
  if (!COMMON_NOUN_TAGS.has(compromiseLexicon()[singular] ?? '')) return false;
  return !midSentenceWords(tokens).has(t.word);
}

/** Words an article writes inside a sentence (not first), per token list: built once, not per name. */
const midSentence = new WeakMap<Token[], Set<string>>();
function midSentenceWords(tokens: Token[]): Set<string> {
  let words = midSentence.get(tokens);
  if (!words) {
    words = new Set(
      tokens.filter((o, k) => tokens[k - 1]?.sentence === o.sentence).map((o) => o.word),
    );
    midSentence.set(tokens, words);
  }
  return words;
}

/**
 * A programming identifier: words run together with inner capitals ("HashMap") and a mark of
 * code — an underscore or a bracket right after it, three or more humps that are all common
 * words ("NullPointerException"), or a plural of a common word at its end ("ArrayLists").
 * One-word brand names ("VoxPay", "GlenBarrowKline") end in no common plural or hold a word
 * that is no common word, and surnames ("McArdle", "DeLuca") have a prefix: they stay names.
 */
function isCodeIdentifier(t: Token): boolean {
  const w = t.word;
  if (!/\p{Ll}\p{Lu}/u.test(w) || NAME_PREFIX.test(w)) return false;
  if (w.includes('_') || /^[(<]/.test(t.post)) return true;
  const humps = (w.match(/\p{Lu}+\p{Ll}*|\p{Ll}+/gu) ?? []).map((h) => h.toLowerCase());
  if (humps.length >= 3 && humps.every(isCommonWord)) return true;
  const tail = humps.at(-1) ?? '';
  return (
    humps.length >= 2 && tail.length > 3 && tail.endsWith('s') && isCommonWord(tail.slice(0, -1))
  );
}

/** Words whose out-of-context reading is remembered; few words end in "-ly". */
const ADVERB_CACHE_WORDS = 10_000;
const adverbAlone = new Map<string, boolean>();

/** compromise's reading of the lowercase word out of context ("absolutely": an adverb). */
function isAdverbAlone(lower: string): boolean {
  let adverb = adverbAlone.get(lower);
  if (adverb === undefined) {
    if (adverbAlone.size >= ADVERB_CACHE_WORDS) adverbAlone.clear(); // a server runs for weeks
    adverb = nlp(lower).has('#Adverb');
    adverbAlone.set(lower, adverb);
  }
  return adverb;
}

function isCommonWord(lower: string): boolean {
  return loadModel().lexicon.lowercase.has(lower);
}
