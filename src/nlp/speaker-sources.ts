import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { looseNameAt } from './speaker-names.ts';
import { ownedPersonAt } from './speaker-possessor.ts';
import { personTitledAt } from './speaker-titled.ts';
import type { Token } from './text/tokens.ts';

/**
 * "…,” according to Harbour Watch", "according to Velkor’s Ada Sharrow": the source named
 * right after "according to" at token v, be it a person, an organisation or a name the
 * recogniser missed. Null when v is no "according to" or no name follows it.
 */
export function accordingToSource(ctx: SpeakerContext, tokens: Token[], v: number): Speaker | null {
  if (tokens[v]?.lower !== 'according' || tokens[v + 1]?.lower !== 'to') return null;
  const i = v + 2;
  const owned = ownedPersonAt(ctx, tokens, i);
  if (owned !== null) return owned;
  const titled = personTitledAt(ctx, tokens, i);
  if (titled !== null) return titled;
  // "according to the Gazette": an article before an organisation's name.
  const at = tokens[i]?.lower === 'the' ? i + 1 : i;
  const m = ctx.speakerAt.get(tokens[at]?.start ?? -1);
  if (m) return m.place ? null : m.actor;
  return looseNameAt(ctx, tokens, at);
}
