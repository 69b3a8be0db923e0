import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { looseNameBefore } from './speaker-names.ts';
import type { Token } from './text/tokens.ts';

/**
 * Relayed speech: "“…,” the Harbour Gazette quoted Mara Quist as saying". The paper or agency
 * only carries the words; the person it quotes said them.
 */

const RELAYING = new Set(['quoted', 'quotes', 'quoting', 'cited', 'cites', 'citing']);
const SAYING = new Set(['saying', 'telling', 'stating', 'having', 'writing']);
/** How many words the quoted person's name and title may take ("… General Director Ivo Tamm as"). */
const REACH = 10;

/** The person quoted "as saying" in the tokens, if they hold that construction. */
export function relayedSpeaker(ctx: SpeakerContext, tokens: Token[]): Speaker | null {
  const verb = tokens.findIndex((t) => RELAYING.has(t.lower));
  if (verb < 0) return null;
  for (let a = verb + 2; a < tokens.length && a <= verb + REACH; a++) {
    if (tokens[a]!.lower !== 'as' || !SAYING.has(tokens[a + 1]?.lower ?? '')) continue;
    // The last person named before "as": "… airport director Ivo Tamm as saying".
    for (let k = a - 1; k > verb; k--) {
      const m = ctx.speakerAt.get(tokens[k]!.start);
      if (m?.person) return m.actor;
    }
    return looseNameBefore(ctx, tokens, a);
  }
  return null;
}
