import { firstIndexWhere } from './text/sorted.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * Where a sentence's main clause has its verb: a name after it is an object or a complement,
 * not who the sentence is about. Used for the "subject" of a sentence, which is what a later
 * "he" or a bare surname most likely points back to.
 */

/** Words that open a clause before the main one: "When …, Rask was quick to …". */
const SUBORDINATORS = new Set([
  'when',
  'while',
  'although',
  'though',
  'if',
  'after',
  'before',
  'as',
  'because',
  'since',
  'once',
  'until',
  'unless',
  'whereas',
]);

/**
 * Does a finite verb of the main clause come before token i in its sentence ("The former
 * champion was cleared of the murder of his wife, Mara Quist")? Then the name is its object,
 * not its subject. An opening clause ("When they arrived, Quist …") is skipped up to its comma.
 */
export function afterMainVerb(
  tokens: Token[],
  i: number,
  inQuote: (offset: number) => boolean = () => false,
): boolean {
  const sentence = tokens[i]?.sentence;
  const start = firstIndexWhere(tokens, (t) => t.sentence < (sentence ?? 0));
  let opening = SUBORDINATORS.has(tokens[start]?.lower ?? '');
  for (let k = start; k < i; k++) {
    const t = tokens[k]!;
    if (opening) {
      if (breaksAfter(t)) opening = false;
      continue;
    }
    if (inQuote(t.start) || !t.tags.has('Verb')) continue;
    if (t.tags.has('Gerund') || t.tags.has('Infinitive') || t.tags.has('Participle')) continue;
    if (/^\p{Lu}/u.test(t.word) && k > start) continue;
    return true;
  }
  return false;
}
