import {
  LOCATIVE_PREPOSITIONS,
  ORG_CUES_AFTER,
  ORG_HEADS,
  SPEECH_VERBS,
  TITLE_WORDS,
  wordSet,
} from './lexicon.ts';
import type { EntityType } from './model.ts';
import { lookupPlace } from './places.ts';
import { breaksAfter, breaksBefore, isCapitalised, type Token } from './tokens.ts';

/**
 * Finds names in tagged text: runs of capitalised tokens, with leading titles peeled off as
 * roles and sentence-initial common words dropped, each given a type. compromise alone tags
 * "Director General" as a person and misses organisations such as acronyms; these rules fix
 * what we measured it getting wrong.
 */
export interface NameSpan {
  /** Token index range [first, last] of the name itself. */
  first: number;
  last: number;
  text: string;
  start: number;
  end: number;
  type: EntityType;
  /** Token range of a title right before the name ("British Foreign Secretary"), if any. */
  title?: { first: number; last: number };
}

/** Connectors allowed inside a name when an organisation head precedes them. */
const CONNECTORS = wordSet('of for and & on de');

/** Words that are capitalised only because they start a sentence or a heading. */
const FUNCTION_TAGS = [
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'QuestionWord',
  'Verb',
  'Modal',
  'Copula',
];

export function findNames(tokens: Token[]): NameSpan[] {
  const names: NameSpan[] = [];
  for (const [first, last] of capitalisedRuns(tokens)) {
    const span = classify(tokens, first, last);
    if (span) names.push(span);
  }
  return names;
}

function isNameToken(t: Token): boolean {
  if (!isCapitalised(t.word) || /^\p{Lu}[\p{Ll}]+-\p{Ll}/u.test(t.word)) return false; // "UK-based" is no name
  if (/^\p{N}+$/u.test(t.word)) return false;
  return true;
}

/** Maximal runs of name tokens, split at punctuation and possessives. */
function capitalisedRuns(tokens: Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isNameToken(t)) {
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < tokens.length) {
      const cur = tokens[last]!;
      if (breaksAfter(cur) || cur.possessive) break;
      const next = tokens[last + 1]!;
      if (next.sentence !== cur.sentence || breaksBefore(next)) break;
      if (isNameToken(next)) {
        last++;
        continue;
      }
      const after = tokens[last + 2];
      const joinable = CONNECTORS.has(next.lower) && ORG_HEADS.has(cur.lower) && !breaksAfter(next);
      if (joinable && after && isNameToken(after) && after.sentence === cur.sentence) {
        last += 2;
        continue;
      }
      break;
    }
    runs.push([i, last]);
    i = last + 1;
  }
  return runs;
}

function hasTag(t: Token, ...tags: string[]): boolean {
  return tags.some((tag) => t.tags.has(tag));
}

function isTitleToken(t: Token): boolean {
  return TITLE_WORDS.has(t.lower.replace(/\.$/, '')) || hasTag(t, 'Honorific');
}

/** Type a run after trimming sentence-initial words and peeling a leading title. */
function classify(tokens: Token[], runFirst: number, runLast: number): NameSpan | undefined {
  let first = runFirst;
  // "According", "The", "Now": capitalised only because a sentence starts there.
  while (first <= runLast) {
    const t = tokens[first]!;
    const commonStart =
      (t.sentenceStart || breaksBefore(t)) &&
      hasTag(t, ...FUNCTION_TAGS) &&
      !hasTag(t, 'Person', 'Place', 'Organization');
    if (!commonStart && !(t.lower === 'the' && first === runFirst)) break;
    first++;
  }
  if (first > runLast) return undefined;

  const last = runLast;
  const words = tokens.slice(first, last + 1);
  const lastToken = tokens[last]!;
  const endsWithOrgHead = ORG_HEADS.has(lastToken.lower) && words.length > 1;

  let nameFirst = first;
  let title: NameSpan['title'];
  if (!endsWithOrgHead) {
    // Peel titles (and a demonym before them): "British Foreign Secretary James Cleverly".
    let k = first;
    while (
      k <= last &&
      (isTitleToken(tokens[k]!) ||
        (k === first && isDemonym(tokens[k]!) && k < last && isTitleToken(tokens[k + 1]!)))
    )
      k++;
    if (k > first) {
      if (k > last) return undefined; // the whole run is a title: a role, never a person
      title = { first, last: k - 1 };
      nameFirst = k;
    }
  }
  const name = tokens.slice(nameFirst, last + 1);
  const text = spanText(name);
  const type = typeOf(tokens, nameFirst, last, title !== undefined);
  if (!type) return undefined;
  const span: NameSpan = {
    first: nameFirst,
    last,
    text,
    start: name[0]!.start,
    end: lastToken.end,
    type,
  };
  if (title) span.title = title;
  return span;
}

function spanText(tokens: Token[]): string {
  return tokens
    .map((t, i) =>
      i === 0 ? t.word : `${tokens[i - 1]!.post.trim() ? tokens[i - 1]!.post : ' '}${t.word}`,
    )
    .join('')
    .replace(/\s+/g, ' ');
}

function isDemonym(t: Token): boolean {
  return hasTag(t, 'Demonym') || lookupPlace(t.word)?.form === 'demonym';
}

/** Common nouns that name a kind of place: "the port of X", "the city of X". */
const PLACE_NOUNS = wordSet(
  'port city town village region province state county island islands capital district ' +
    'republic kingdom suburb borough',
);

function typeOf(
  tokens: Token[],
  first: number,
  last: number,
  titled: boolean,
): EntityType | undefined {
  const words = tokens.slice(first, last + 1);
  const text = words.map((w) => w.word).join(' ');
  const place = lookupPlace(text);
  if (place?.form === 'demonym') return undefined; // "Iranian" describes; it names nothing
  if (place) return 'place';
  if (words.some((w) => hasTag(w, 'Date', 'Month', 'WeekDay', 'Holiday'))) return undefined;
  if (titled) return 'person';
  // A lone capitalised adjective ("Western countries") modifies a noun; it names nothing.
  if (words.every((w) => hasTag(w, 'Adjective') && !hasTag(w, 'Person', 'Place', 'Organization')))
    return undefined;
  const lastWord = tokens[last]!;
  const next = tokens[last + 1];
  const prev = tokens[first - 1];
  const modifiesNoun =
    !!next && !breaksAfter(lastWord) && /^\p{Ll}/u.test(next.word) && next.tags.has('Noun');
  // "Dock workers voted": a capitalised first word before a lowercase noun is that noun's modifier.
  if (
    words.length === 1 &&
    tokens[first]!.sentenceStart &&
    modifiesNoun &&
    !hasTag(lastWord, 'Person', 'Place')
  )
    return undefined;
  if (words.length > 1 && ORG_HEADS.has(lastWord.lower)) return 'organization';
  if (next && !breaksAfter(lastWord) && ORG_CUES_AFTER.has(next.lower)) return 'organization';
  if (words.some((w) => hasTag(w, 'Organization'))) return 'organization';
  if (words.some((w) => hasTag(w, 'FirstName', 'LastName', 'Person') && !isTitleToken(w)))
    return 'person';
  if (words.some((w) => hasTag(w, 'Place', 'City', 'Country', 'Region'))) return 'place';
  if (words.length === 1 && /^\p{Lu}[\p{Lu}\p{N}&.]+$/u.test(lastWord.word)) return 'organization'; // MI5, NATO
  if (next && !breaksAfter(lastWord) && SPEECH_VERBS.has(next.lower) && next.tags.has('Verb'))
    return 'person';
  if (prev && LOCATIVE_PREPOSITIONS.has(prev.lower) && !modifiesNoun) return 'place';
  const beforeOf = tokens[first - 2];
  if (prev?.lower === 'of' && beforeOf && PLACE_NOUNS.has(beforeOf.lower)) return 'place'; // "the port of X"
  if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w.word)))
    return 'person';
  return undefined;
}
