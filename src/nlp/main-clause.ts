import { isSpeechVerbAt } from './speaker-verbs.ts';
import { SUBORDINATORS } from './text/lexicon.ts';
import { firstIndexWhere } from './text/sorted.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * Where a sentence's main clause has its verb: a name after it is an object or a complement,
 * not who the sentence is about. Used for the "subject" of a sentence, which is what a later
 * "he" or a bare surname most likely points back to.
 */

/**
 * Does a finite verb of the main clause come before token i in its sentence ("The former
 * champion was cleared of the murder of his wife, Mara Quist")? Then the name is its object,
 * not its subject. Not counted: an opening clause or phrase up to its comma ("When they
 * arrived, Quist …", "Asked about it, Quist …"), quoted words, and speech verbs ("“…,” said
 * Quist" has Quist speaking).
 */
export function afterMainVerb(tokens: Token[], i: number): boolean {
  const sentence = tokens[i]?.sentence;
  const start = firstIndexWhere(tokens, (t) => t.sentence < (sentence ?? 0));
  const first = tokens[start];
  let opening =
    !!first &&
    (SUBORDINATORS.has(first.lower) || first.tags.has('Verb') || first.tags.has('Preposition'));
  let quoted = false;
  for (let k = start; k < i; k++) {
    const t = tokens[k]!;
    if (QUOTE_MARK.test(t.pre)) quoted = !quoted;
    const counts = !opening && !quoted && isFiniteVerb(tokens, k, start);
    if (QUOTE_MARK.test(t.post)) quoted = !quoted;
    if (opening && breaksAfter(t)) opening = false;
    if (counts) return true;
  }
  return false;
}

const QUOTE_MARK = /["“”]/u;

function isFiniteVerb(tokens: Token[], k: number, start: number): boolean {
  const t = tokens[k]!;
  if (!t.tags.has('Verb') || isSpeechVerbAt(tokens, k)) return false;
  if (t.tags.has('Gerund') || t.tags.has('Infinitive') || t.tags.has('Participle')) return false;
  return !(/^\p{Lu}/u.test(t.word) && k > start);
}
