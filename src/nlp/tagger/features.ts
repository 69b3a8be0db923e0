import {
  LOCATIVE_PREPOSITIONS,
  ORG_CUES_AFTER,
  ORG_HEADS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from '../text/lexicon.ts';
import type { Token } from '../text/tokens.ts';
import { gazetteerMarks } from './gazetteer.ts';

/**
 * Observation features of each token of one sentence, as strings the model has weights for.
 * Everything comes from Token fields, so running text and wire text tokenised with spaces
 * (after tokenize() folds lone punctuation and "'s") give the same features. In an all-caps
 * sentence (a headline) the case says nothing, so case features get their own names there.
 */

/** "Quist" → "Xx", "HW5" → "Xd", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
export function shapeOf(word: string): string {
  return word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/gu, '$1');
}

function caseClass(word: string): string {
  if (!/\p{L}/u.test(word)) return /\p{N}/u.test(word) ? 'num' : 'sym';
  if (!/\p{Ll}/u.test(word)) return word.length === 1 ? 'X' : 'XX';
  if (/^\p{Lu}/u.test(word)) return /\p{Lu}/u.test(word.slice(1)) ? 'XxX' : 'Xx';
  return /\p{Lu}/u.test(word) ? 'xX' : 'x';
}

/** A headline: no lowercase letters in at least two words with letters. */
export function isAllCaps(tokens: readonly Token[]): boolean {
  let letters = 0;
  for (const t of tokens) {
    if (/\p{Ll}/u.test(t.word)) return false;
    if (/\p{Lu}/u.test(t.word)) letters++;
  }
  return letters >= 2;
}

/** Lowercase word with digits folded, so every year or score looks alike. */
function norm(t: Token): string {
  return t.lower.replace(/\p{N}/gu, '0');
}

const CONTEXT_TAGS = new Set([
  'ProperNoun',
  'Person',
  'FirstName',
  'LastName',
  'Honorific',
  'Place',
  'Country',
  'City',
  'Region',
  'Organization',
  'Determiner',
  'Preposition',
  'Verb',
  'PastTense',
  'Noun',
  'Plural',
  'Adjective',
  'Value',
  'Date',
  'Acronym',
  'Demonym',
  'Pronoun',
  'Conjunction',
]);

function capitalisedIn(t: Token | undefined, set: ReadonlySet<string>): boolean {
  return !!t && /^\p{Lu}/u.test(t.word) && set.has(t.lower);
}

/** Word lists learnt from the training text alongside the weights. */
export interface TaggerLexicon {
  /** Words seen in lowercase inside running text: capitalised, they likely start a sentence. */
  lowercase: ReadonlySet<string>;
}

/** One item of the context a token is read in: a word, or a punctuation mark between words. */
interface Item {
  norm: string;
  cls: string;
  token?: Token;
}

const NO_TAGS: ReadonlySet<string> = new Set();
const BEFORE: Item = { norm: '<s>', cls: '<s>' };
const AFTER: Item = { norm: '</s>', cls: '</s>' };

/** Punctuation as wire copy writes it: straight quotes, "--" for a dash. */
function marks(text: string): Item[] {
  const plain = text
    .replace(/\s+/gu, '')
    .replace(/[“”«»„]/gu, '"')
    .replace(/[‘’]/gu, "'")
    .replace(/[—–]/gu, '--');
  return (plain.match(/(.)\1*/gu) ?? []).map((m) => ({ norm: m, cls: 'p' }));
}

/**
 * The sentence as wire copy tokenises it: punctuation and a possessive "’s" stand between
 * words as items of their own, so "in Bergen, said" gives Bergen the neighbour ",", not
 * "said", whether the comma came attached (prose) or spaced (CoNLL).
 */
function contextOf(tokens: readonly Token[]): { items: Item[]; at: number[] } {
  const items: Item[] = [];
  const at: number[] = [];
  for (const t of tokens) {
    items.push(...marks(t.pre));
    at.push(items.length);
    items.push({ norm: norm(t), cls: caseClass(t.word), token: t });
    const post = t.possessive ? t.post.replace(/^\s*[’']s/u, '') : t.post;
    if (t.possessive) items.push({ norm: "'s", cls: 'p' });
    items.push(...marks(post));
  }
  return { items, at };
}

export function sentenceFeatures(tokens: readonly Token[], lexicon: TaggerLexicon): string[][] {
  const caps = isAllCaps(tokens);
  const mode = caps ? 'H' : '';
  const gaz = gazetteerMarks(tokens);
  const gazOf = new Map<Token, string>();
  tokens.forEach((t, i) => {
    const g = gaz[i];
    if (g) gazOf.set(t, g);
  });
  const { items, at } = contextOf(tokens);
  return tokens.map((t, i) => {
    const p = at[i]!;
    const prev = items[p - 1] ?? BEFORE;
    const prev2 = items[p - 2] ?? BEFORE;
    const next = items[p + 1] ?? AFTER;
    const next2 = items[p + 2] ?? AFTER;
    const w = norm(t);
    const shape = shapeOf(t.word);
    const cls = caseClass(t.word);
    const f: string[] = [
      'b',
      `w=${w}`,
      `${mode}s=${shape}`,
      `${mode}c=${cls}${i === 0 ? '^' : ''}`,
      `${mode}cw=${cls}|${w}`,
      `w-1=${prev.norm}`,
      `w+1=${next.norm}`,
      `w-2=${prev2.norm}`,
      `w+2=${next2.norm}`,
      `ww-1=${prev.norm}|${w}`,
      `ww+1=${w}|${next.norm}`,
      `${mode}s-1=${prev.cls}`,
      `${mode}s+1=${next.cls}`,
      `${mode}ss=${prev.cls}|${cls}|${next.cls}`,
    ];
    const lower = t.lower;
    for (let k = 1; k <= 4 && k < lower.length; k++) {
      f.push(`p${k}=${lower.slice(0, k)}`, `x${k}=${lower.slice(-k)}`);
    }
    if (lexicon.lowercase.has(lower)) f.push(`${mode}lc=${cls}${i === 0 ? '^' : ''}`);
    if (t.word.includes('-')) f.push('hy');
    if (t.word.includes('.')) f.push('dot');
    for (const tag of t.tags) f.push(`t=${tag}`);
    for (const tag of prev.token?.tags ?? NO_TAGS) if (CONTEXT_TAGS.has(tag)) f.push(`t-1=${tag}`);
    for (const tag of next.token?.tags ?? NO_TAGS) if (CONTEXT_TAGS.has(tag)) f.push(`t+1=${tag}`);
    // The rules' word lists, as evidence the model weighs rather than as decisions.
    if (TITLE_WORDS.has(lower.replace(/\.$/, ''))) f.push('ti');
    if (prev.token && TITLE_WORDS.has(prev.token.lower.replace(/\.$/, '')))
      f.push(`${mode}ti-1=${prev.cls}`);
    if (ORG_HEADS.has(lower)) f.push(`oh=${cls}`);
    if (capitalisedIn(next.token, ORG_HEADS) || capitalisedIn(next2.token, ORG_HEADS))
      f.push('oh+');
    if (next.token && ORG_CUES_AFTER.has(next.token.lower)) f.push('oc+1');
    if (next.token && SPEECH_VERBS.has(next.token.lower)) f.push('sv+1');
    if (prev.token && LOCATIVE_PREPOSITIONS.has(prev.token.lower))
      f.push(`lp-1=${prev.token.lower}`);
    const g = gaz[i];
    if (g) f.push(`g=${g}`);
    const gp = prev.token && gazOf.get(prev.token);
    if (gp) f.push(`g-1=${gp}`);
    const gn = next.token && gazOf.get(next.token);
    if (gn) f.push(`g+1=${gn}`);
    return f;
  });
}
