import type { SpeakerContext, SpeakerMention } from './speaker-context.ts';
import { isSpeechVerbAt } from './speaker-verbs.ts';
import { firstIndexWhere } from './text/sorted.ts';

/**
 * Who was just speaking: "Renn replaced Ivo Tamm, who told officers that peace was near. “…,”
 * he said." A reader takes "he" for Tamm, the one the sentence before had talking, not for
 * its subject Renn, who did something else.
 */

/** How many sentences back the speaking sentence may be: the quote's own run of sentences. */
const MAX_DISTANCE = 3;

/** Words between a name and its speech verb: "Tamm, who told", "Tamm also said". */
const BETWEEN = new Set(['who', 'also', 'then', 'later', 'again', 'has', 'had', 'have']);

/** Is the mention the one doing the speech verb right after it ("Tamm, who told …", "Tamm said …")? */
function speaksNext(ctx: SpeakerContext, m: SpeakerMention): boolean {
  const tokens = ctx.tokens;
  const at = firstIndexWhere(tokens, (x) => x.start < m.end);
  for (let i = at; i < tokens.length && i < at + 3; i++) {
    const t = tokens[i]!;
    if (t.sentence !== m.sentence || ctx.quoted[i]) return false;
    if (isSpeechVerbAt(tokens, i)) return true;
    if (!BETWEEN.has(t.lower)) return false;
  }
  return false;
}

/**
 * Among `targets` (the people a pronoun may mean, in order, from index `from` back), the
 * latest agent of a speech verb in the last sentence before `before` that names one of them
 * (quoted sentences between name no one), when that sentence's subject is not one itself
 * ("Quist said Renn told her …" still has Quist speaking); null when there is none.
 */
export function latestSpeechAgent(
  ctx: SpeakerContext,
  targets: SpeakerMention[],
  from: number,
  before: number,
): number | null {
  let agent: SpeakerMention | undefined;
  let sentence = -1;
  for (let i = from; i >= 0; i--) {
    const p = targets[i]!;
    if (p.sentence >= before) continue;
    if (sentence < 0) sentence = p.sentence;
    if (p.sentence < sentence || before - sentence > MAX_DISTANCE) break;
    const speaks = speaksNext(ctx, p);
    if (p.subject && speaks) return null;
    if (speaks) agent ??= p;
    if (p.subject) break;
  }
  return agent ? agent.actor : null;
}
