import type { SpeakerContext } from './speaker-context.ts';
import { isOwnerAt } from './speaker-mentions.ts';
import { isSpeechVerbAt, isVerb, opensParticiplePhrase } from './speaker-verbs.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

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

/** Title words that may stand between an owner and the person it owns ("top foreign policy aide"). */
const OWNED_REACH = 5;

/**
 * "Velkor’s Ada Sharrow said", "said Quist’s top aide Jon Rask": when the name at token i
 * ends in an owner's mark and a person is named within a few title words after it, that
 * person is who speaks, not the owner. Null when token i is no owner of a named person.
 */
export function ownedPersonAt(ctx: SpeakerContext, tokens: Token[], i: number): number | null {
  const m = ctx.speakerAt.get(tokens[i]?.start ?? -1);
  if (!m || !isOwnerAt(ctx, tokens, i)) return null;
  for (let k = i + 1, seen = 0; k < tokens.length && seen < OWNED_REACH; k++) {
    const t = tokens[k]!;
    if (t.start < m.end) continue;
    seen++;
    const owned = ctx.speakerAt.get(t.start);
    if (owned) return owned.person ? owned.actor : null;
    if (breaksAfter(t) || (isVerb(t) && /^\p{Ll}/u.test(t.word))) return null;
  }
  return null;
}
