import { SPEECH_VERBS, SUBORDINATORS } from './text/lexicon.ts';
import type { Token } from './text/tokens.ts';

/**
 * Is the speech word at `i` used as a verb? Many speech words are nouns too ("a tweet",
 * "her comments", "the warning"), and a noun names no one's saying: a word right after a
 * determiner, an adjective or an owner ("Quist’s remarks") is a noun, and so is a bare form
 * the tagger calls a noun ("tweet", "claim"). An inflected form it calls a noun ("Ashgrove
 * saying", "the narrator asks") is a verb all the same: the tagger often gets those wrong.
 */
export function isSpeechVerbAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !SPEECH_VERBS.has(t.lower)) return false;
  const prev = tokens[i - 1];
  // "North East Says No": a capitalised word inside a name is part of the name.
  const inName = !!prev && /^\p{Lu}/u.test(prev.word) && /^ $/.test(prev.post);
  if (/^\p{Lu}/u.test(t.word) && !t.sentenceStart && inName) return false;
  if (
    prev &&
    (prev.possessive ||
      prev.tags.has('Determiner') ||
      prev.tags.has('Possessive') ||
      (prev.tags.has('Adjective') && !prev.tags.has('Adverb')))
  )
    return false;
  if (t.tags.has('Noun') && !t.tags.has('Verb')) return /(?:s|ed|ing)$/u.test(t.lower);
  return true;
}

/**
 * A participle opening the sentence ("Asked about the pier, Quist said …", "Claiming the
 * vote was rigged, Ashgrove told …") begins a phrase whose subject comes after it: it says
 * nothing about who speaks, and a name inside that phrase is what was asked about.
 */
export function opensParticiplePhrase(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (i !== 0 || !t?.sentenceStart) return false;
  // "Famed doctor Ivo Tamm said": an adjective is no participle; nor is a name that a verb
  // follows ("Bunting said").
  if (t.tags.has('Adjective')) return false;
  // "During the interview Quist said": a preposition that only looks like a participle.
  if (t.tags.has('Preposition') || t.lower === 'during') return false;
  const next = tokens[1];
  if (next && (next.tags.has('PastTense') || next.tags.has('PresentTense'))) return false;
  return /(?:ed|ing)$/u.test(t.lower) || t.lower === 'told';
}

/**
 * Is token i inside a subordinate clause opening the sentence ("When Ashgrove noted the
 * cost ― as the board had ― Quist said …")? Its speech verb is not the main clause's; the
 * clause ends at the first comma or dash.
 */
export function inOpeningSubordinate(tokens: readonly Token[], i: number): boolean {
  const first = tokens[0];
  if (!first?.sentenceStart) return false;
  // "Asked by Stepan to respond to Ashgrove, Torvell said …": an opening participle phrase too.
  if (!SUBORDINATORS.has(first.lower) && !opensParticiplePhrase(tokens, 0)) return false;
  for (let k = 0; k < i; k++) if (/[,;:—–―]/u.test(tokens[k]!.post)) return false;
  return true;
}

export function isVerb(t: Token): boolean {
  return t.tags.has('Verb') && !t.tags.has('Gerund');
}
