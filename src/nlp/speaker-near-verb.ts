import { describedBodyNear } from './speaker-bodies.ts';
import { nameAfterVerb } from './speaker-clauses.ts';
import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { documentSourceAfter } from './speaker-documents.ts';
import { isBodyOwnerAt, speakerAt } from './speaker-mentions.ts';
import { accordingToSource } from './speaker-sources.ts';
import type { Token } from './text/tokens.ts';

const TOLD = new Set(['told', 'tells', 'tell', 'telling']);

/** A name or pronoun within a few tokens of the speech verb at `verbAt`: people first, nearest first. */
export function speakerNearVerb(
  ctx: SpeakerContext,
  tokens: Token[],
  verbAt: number,
): Speaker | null {
  const source = accordingToSource(ctx, tokens, verbAt);
  if (source !== null) return source;
  // "…,” the coach told Harbour Radio": who is told listens; the speaker stands before.
  const told = TOLD.has(tokens[verbAt]?.lower ?? '');
  // "said the Belmoran foreign ministry", "said a commentary in the Harbour Gazette".
  const described = told
    ? null
    : (describedBodyNear(ctx.text, tokens, verbAt + 1, 1, 6) ??
      documentSourceAfter(ctx, tokens, verbAt));
  if (described !== null) return described;
  // "said Ashgrove": a name right after the verb, even one the recogniser missed.
  const inverted = told ? undefined : nameAfterVerb(ctx, tokens, verbAt);
  if (inverted !== undefined) return inverted;
  for (const people of [true, false]) {
    for (let d = 1; d <= 4; d++) {
      for (const i of [verbAt + d, verbAt - d]) {
        const t = tokens[i];
        if (!t || (i > verbAt && (told || embeddedSubject(ctx, tokens, i)))) continue;
        if (isBodyOwnerAt(ctx, tokens, i)) continue;
        const p = speakerAt(ctx, t, people, tokens[i - 1]);
        if (p !== null) return p;
      }
    }
  }
  return null;
}

/**
 * "says he will …", "said the board had …", "said Quist would …": a pronoun, description or
 * name after the verb, starting a clause of its own, names no speaker.
 */
function embeddedSubject(ctx: SpeakerContext, tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!PRONOUNS_AFTER_VERB.has(t.lower) && !t.tags.has('Noun')) return false;
  // The word after the whole name: "said Mara Quist would".
  const end = ctx.speakerAt.get(t.start)?.end ?? t.end;
  let k = i + 1;
  while (tokens[k] && tokens[k]!.start < end) k++;
  const next = tokens[k];
  return (
    !!next?.tags.has('Verb') && !next.tags.has('Gerund') && !/[,;:—–]/u.test(tokens[k - 1]!.post)
  );
}

const PRONOUNS_AFTER_VERB = new Set(['he', 'she', 'it', 'they']);
