import {
  LOCATIVE_PREPOSITIONS,
  ORG_CUES_AFTER,
  ORG_HEADS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from '../lexicon.ts';
import type { Token } from '../tokens.ts';
import { gazetteerMarks } from './gazetteer.ts';

/**
 * Observation features of each token of one sentence, as strings the model has weights for.
 * Everything comes from Token fields, so running text and wire text tokenised with spaces
 * (after tokenize() folds lone punctuation and "'s") give the same features. In an all-caps
 * sentence (a headline) the case says nothing, so case features get their own names there.
 */

/** "McCallum" → "XxXx", "MI5" → "Xd", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
export function shapeOf(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
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
function norm(t: Token | undefined): string {
  if (!t) return '<s>';
  return t.lower.replace(/\p{N}/gu, '0');
}

/** The punctuation after a token, reduced to what marks a boundary. */
function punctuation(text: string): string {
  return text
    .replace(/[\s’']/gu, '')
    .replace(/[“”«»]/gu, '"')
    .slice(0, 3);
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

export function sentenceFeatures(tokens: readonly Token[], lexicon: TaggerLexicon): string[][] {
  const caps = isAllCaps(tokens);
  const mode = caps ? 'H' : '';
  const gaz = gazetteerMarks(tokens);
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[i + 1];
    const next2 = tokens[i + 2];
    const w = norm(t);
    const shape = shapeOf(t.word);
    const cls = caseClass(t.word);
    const f: string[] = [
      'b',
      `w=${w}`,
      `${mode}s=${shape}`,
      `${mode}c=${cls}${i === 0 ? '^' : ''}`,
      `${mode}cw=${cls}|${w}`,
      `w-1=${norm(prev)}`,
      `w+1=${norm(next)}`,
      `w-2=${norm(prev2)}`,
      `w+2=${norm(next2)}`,
      `ww-1=${norm(prev)}|${w}`,
      `ww+1=${w}|${norm(next)}`,
      `${mode}s-1=${prev ? caseClass(prev.word) : '<s>'}`,
      `${mode}s+1=${next ? caseClass(next.word) : '</s>'}`,
      `${mode}ss=${prev ? caseClass(prev.word) : '<s>'}|${cls}|${next ? caseClass(next.word) : '</s>'}`,
      `po=${punctuation(t.post)}`,
      `pr=${punctuation(t.pre)}`,
    ];
    if (prev) f.push(`po-1=${punctuation(prev.post)}`);
    const lower = t.lower;
    for (let k = 1; k <= 4 && k < lower.length; k++) {
      f.push(`p${k}=${lower.slice(0, k)}`, `x${k}=${lower.slice(-k)}`);
    }
    if (lexicon.lowercase.has(lower)) f.push(`${mode}lc=${cls}${i === 0 ? '^' : ''}`);
    if (t.possessive) f.push('pos');
    if (prev?.possessive) f.push('pos-1');
    if (t.word.includes('-')) f.push('hy');
    if (t.word.includes('.')) f.push('dot');
    for (const tag of t.tags) f.push(`t=${tag}`);
    if (prev) for (const tag of prev.tags) if (CONTEXT_TAGS.has(tag)) f.push(`t-1=${tag}`);
    if (next) for (const tag of next.tags) if (CONTEXT_TAGS.has(tag)) f.push(`t+1=${tag}`);
    // The rules' word lists, as evidence the model weighs rather than as decisions.
    if (TITLE_WORDS.has(lower.replace(/\.$/, ''))) f.push('ti');
    if (prev && TITLE_WORDS.has(prev.lower.replace(/\.$/, '')))
      f.push(`${mode}ti-1=${caseClass(prev.word)}`);
    if (ORG_HEADS.has(lower)) f.push(`oh=${cls}`);
    if (capitalisedIn(next, ORG_HEADS) || capitalisedIn(next2, ORG_HEADS)) f.push('oh+');
    if (next && ORG_CUES_AFTER.has(next.lower)) f.push('oc+1');
    if (next && SPEECH_VERBS.has(next.lower)) f.push('sv+1');
    if (prev && LOCATIVE_PREPOSITIONS.has(prev.lower)) f.push(`lp-1=${prev.lower}`);
    const g = gaz[i];
    if (g) f.push(`g=${g}`);
    const gp = gaz[i - 1];
    if (gp) f.push(`g-1=${gp}`);
    const gn = gaz[i + 1];
    if (gn) f.push(`g+1=${gn}`);
    return f;
  });
}
