import { nameAfterVerb } from './speaker-clauses.ts';
import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/** Verbs that stand in an inserted cue; a writer sets only these off with a comma. */
const INSERTED_VERBS = new Set(['said', 'says', 'added', 'explained', 'noted', 'recalled']);

/**
 * An inserted cue, set off by a comma and naming a person right after its verb: "Quist
 * “drew well” in the primary, said professor Ora Beckwith"; "The puzzle of Quist, says Cato
 * Antrim, historian, is that …". Whoever else the sentence is about, the cue's person is the one
 * who said its quoted words. Null when the sentence holds no such cue.
 */
export function insertedCueSpeaker(ctx: SpeakerContext, tokens: Token[]): Speaker | null {
  for (let v = 1; v < tokens.length; v++) {
    if (!INSERTED_VERBS.has(tokens[v]!.lower) || !tokens[v - 1]!.post.includes(',')) continue;
    if (!nameEndsCue(tokens, v)) continue;
    const named = nameAfterVerb(ctx, tokens, v);
    if (named !== null && named !== undefined) return named;
  }
  return null;
}

/**
 * Does the cue at verb v end with the name after it ("…, said professor Ora Beckwith." or
 * "…, says Cato Antrim, historian …")? "…, said Quist “was involved”" and "…, said of Quist"
 * report what someone else said about the name instead.
 */
function nameEndsCue(tokens: Token[], v: number): boolean {
  if (breaksAfter(tokens[v]!)) return false;
  for (let j = v + 1; j < tokens.length && j <= v + NAME_REACH; j++) {
    const t = tokens[j]!;
    if (/^\p{Ll}/u.test(t.word) && t.tags.has('Preposition')) return false;
    if (breaksAfter(t)) return /^\p{Lu}/u.test(t.word) && /^[’']?s?[,.]/u.test(t.post);
  }
  return false;
}

/** Words a name and the title before it may take after the verb ("said Ashford University professor Ora Beckwith"). */
const NAME_REACH = 8;
