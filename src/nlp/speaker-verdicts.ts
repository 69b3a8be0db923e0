import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { speakerAt } from './speaker-mentions.ts';
import { looseNameAt } from './speaker-names.ts';
import { wordSet } from './text/lexicon.ts';
import type { Token } from './text/tokens.ts';

/** Nouns for what someone thinks, as a quote is presented: "is the verdict of …". */
const VERDICT_NOUNS = wordSet(
  'assessment verdict view opinion judgement judgment conclusion advice message warning ' +
    'diagnosis prediction forecast summary',
);

/**
 * "“…,” is the blunt verdict of Ada Rook, …": a quote that is someone's assessment, named by
 * "of" after the noun. Null when the words after the quote are not of that shape.
 */
export function verdictOf(ctx: SpeakerContext, after: Token[]): Speaker | null {
  if (after[0]?.lower !== 'is' && after[0]?.lower !== 'was') return null;
  if (after[1]?.lower !== 'the') return null;
  const noun = after.findIndex((t, i) => i >= 2 && i <= 4 && VERDICT_NOUNS.has(t.lower));
  if (noun < 0 || after[noun + 1]?.lower !== 'of' || !after[noun + 2]) return null;
  return (
    speakerAt(ctx, after[noun + 2]!, false, undefined, true) ?? looseNameAt(ctx, after, noun + 2)
  );
}
