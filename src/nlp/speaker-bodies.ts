import { isDemonym } from './speaker-descriptions.ts';
import { wordSet } from './text/lexicon.ts';
import { lookupPlace } from './text/places.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * A country's body described rather than named: "the Belmoran foreign ministry said", "said
 * the Tarsian Interior office statement". A reader names the speaker as written, "Belmoran
 * foreign ministry"; the country itself did not speak, and the capital in the dateline even
 * less.
 */

/** Nouns for a state's bodies, as they head such a description. */
const BODY_NOUNS = wordSet(
  'ministry office embassy consulate government army military police navy cabinet ' +
    'parliament court council agency department mission delegation',
);
/** Words between the demonym and the body noun: "foreign", "Interior", "defence". */
const MAX_BETWEEN = 2;

/** The description whose body noun is token i, as written from its demonym; null if none. */
export function describedBody(text: string, tokens: Token[], i: number): string | null {
  const head = tokens[i];
  if (!head || !BODY_NOUNS.has(head.lower)) return null;
  for (let k = i - 1; k >= 0 && i - k <= MAX_BETWEEN + 1; k--) {
    const t = tokens[k]!;
    if (t.sentence !== head.sentence || breaksAfter(t) || t.possessive) return null;
    // "Sri Lankan": a demonym of two words starts at the first.
    const two = tokens[k - 1];
    const first =
      two &&
      /^\p{Lu}/u.test(two.word) &&
      !two.tags.has('Determiner') &&
      lookupPlace(`${two.word} ${t.word}`)?.form === 'demonym'
        ? k - 1
        : k;
    if (first < k || isDemonym(t) || lookupPlace(t.word)?.form === 'demonym') {
      const before = tokens[first - 1]?.lower;
      return before === 'the' || before === 'a' ? text.slice(tokens[first]!.start, head.end) : null;
    }
    if (!/^\p{L}+$/u.test(t.word) || t.tags.has('Determiner')) return null;
  }
  return null;
}

/** A described body ending in the few tokens from `from` on (step +1) or back (step -1). */
export function describedBodyNear(
  text: string,
  tokens: Token[],
  from: number,
  step: 1 | -1,
  reach: number,
): string | null {
  for (let d = 0; d < reach; d++) {
    const i = from + d * step;
    const t = tokens[i];
    if (!t) return null;
    const body = describedBody(text, tokens, i);
    if (body !== null) return body;
    if (breaksAfter(t) && step === 1) return null;
  }
  return null;
}
