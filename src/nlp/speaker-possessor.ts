import { isSpeechVerbAt, opensParticiplePhrase } from './speaker-verbs.ts';
import type { Token } from './text/tokens.ts';

/** Nouns for something said: whose claim, whose words. */
const SPEECH_NOUNS = new Set([
  'claim',
  'claims',
  'statement',
  'statements',
  'remark',
  'remarks',
  'comment',
  'comments',
  'assertion',
  'words',
  'tweet',
  'tweets',
  'promise',
  'pledge',
  'warning',
  'accusation',
  'message',
  'speech',
  'argument',
  'suggestion',
  'description',
  'insistence',
  'boast',
  'vow',
  'quip',
  'answer',
  'response',
  'reply',
  'testimony',
  'charge',
]);

/**
 * "Tobin Ashgrove’s claim that “…”": the owner of the words said them, unless a speech verb
 * comes between ("Asked about Ashgrove’s claim that …, Quist said “…”": Quist's words).
 */
export function speechPossessor(
  speakerEndingAt: ReadonlyMap<number, { actor: number; place: boolean }>,
  tokens: Token[],
  quoteOpensLower = false,
): number | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (isSpeechVerbAt(tokens, i) && !opensParticiplePhrase(tokens, i)) return null;
    if (!SPEECH_NOUNS.has(t.lower)) continue;
    // "Rask called Quist's remarks a “new low”": words between the noun and the quote make
    // the quote something said about the remarks, not the remarks.
    const between = tokens.slice(i + 1);
    if (!between.every((w) => w.lower === 'that' || w.lower === 'was' || w.lower === 'is'))
      continue;
    // "… that Quist's comments “show bias”": the quote says what the comments do, in the
    // words of whoever is reporting them, not the comments themselves.
    if (i === tokens.length - 1 && quoteOpensLower) continue;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const owner = tokens[k]!;
      if (!owner.possessive) continue;
      const m = speakerEndingAt.get(owner.end);
      if (m && !m.place) return m.actor;
    }
  }
  return null;
}
