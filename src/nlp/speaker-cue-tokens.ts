import type { SpeakerContext } from './speaker-context.ts';
import { firstIndexWhere } from './text/sorted.ts';
import type { Token } from './text/tokens.ts';

/** The words a quote's cue is read from: its sentence's tokens, outside quotes and asides. */

function firstTokenAt(tokens: Token[], offset: number): number {
  return firstIndexWhere(tokens, (t) => t.start < offset);
}

/** Tokens between two offsets that lie outside every quotation, in order. */
export function cueTokens(ctx: SpeakerContext, from: number, to: number): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (let i = firstTokenAt(ctx.tokens, from); i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (t.end > to) break;
    // A parenthesis aside ("Mara Quist (D-Portline) said") is no part of the clause.
    if (t.pre.includes('(')) depth++;
    if (!ctx.quoted[i] && depth === 0) out.push(t);
    if (t.post.includes(')')) {
      depth = Math.max(0, depth - 1);
      // "Rask (D-Mo.), who …": the comma after the aside still ends the name's clause.
      const last = out.at(-1);
      if (depth === 0 && /\),/u.test(t.post) && last && last !== t)
        out[out.length - 1] = { ...last, post: `,${last.post}` };
    }
  }
  return out;
}
