import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { isOwnerAt, speakerAt } from './speaker-mentions.ts';
import { personTitledAt } from './speaker-titled.ts';
import { isVerb } from './speaker-verbs.ts';
import { SUBORDINATORS, wordSet } from './text/lexicon.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * "Quist launched an attack on Ashgrove, calling him “…”", "Rask backed Quist on Monday,
 * saying it was time for “…”": after a comma, a participle of saying hands the quote to the
 * subject of the clause it hangs from, however many names that clause names after it (the
 * subject of its speech verb, when it has one: "…, Tamm stated that he had …, telling him “…”").
 */

const SAYING = wordSet(
  'saying calling adding noting writing arguing describing telling warning insisting claiming ' +
    'accusing declaring dubbing labeling labelling branding urging asking stating explaining ' +
    'tweeting vowing promising charging',
);

/** The tokens of the clause a ", saying …" cue hangs from, when the cue is one; else null. */
export function participleClause(before: Token[]): Token[] | null {
  for (let i = before.length - 1; i > 0; i--) {
    if (!SAYING.has(before[i]!.lower)) continue;
    const prev = before[i - 1]!;
    if (prev.post.includes(',')) return before.slice(0, i);
    // "…, addressing her as “Mara” and telling her “…”": the chain's first participle.
    if (prev.lower === 'and')
      for (let j = i - 2; j > 0; j--)
        if (PARTICIPLE.test(before[j]!.lower) && before[j - 1]!.post.includes(','))
          return before.slice(0, j);
  }
  return null;
}

function opensPhrase(t: Token): boolean {
  return t.tags.has('Preposition') || t.tags.has('Gerund') || SUBORDINATORS.has(t.lower);
}

/** An -ing form that may open a chain of participles ("addressing … and telling …"). */
const PARTICIPLE = /^\p{Ll}{3,}ing$/u;

/** The subject of a clause without a speech verb: its first speaker outside an opening phrase. */
export function mainClauseSubject(ctx: SpeakerContext, clause: Token[]): Speaker | null {
  let i = 0;
  // "In June, after Quist fell, Tamm …": opening phrases name no subject, however many.
  while (i < clause.length && opensPhrase(clause[i]!)) {
    while (i < clause.length && !clause[i]!.post.includes(',')) i++;
    i++;
    // "Speaking in Salem, New Hampshire, Quist …": a place after the town is still the phrase.
    const place = ctx.speakerAt.get(clause[i]?.start ?? -1);
    const placeEnd = place?.place ? clause.findIndex((t) => t.end === place.end) : -1;
    if (placeEnd >= 0 && clause[placeEnd]!.post.includes(',')) i = placeEnd + 1;
  }
  for (; i < clause.length; i++) {
    const t = clause[i]!;
    const titled = personTitledAt(ctx, clause, i);
    if (titled !== null) return titled;
    // "Slough's chairman …", "A message from Harwick …": an owner, or a name after a
    // preposition, is not who speaks.
    const skip = afterPreposition(clause, i) || isOwnerAt(ctx, clause, i);
    const who = skip ? null : speakerAt(ctx, t, false, clause[i - 1], true);
    if (who !== null) return who;
    if (isVerb(t) && /^\p{Ll}/u.test(t.word)) return null;
  }
  return null;
}

/** Is token i in a prepositional phrase ("from the West", "with Tarsby's mayor")? */
function afterPreposition(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k]!;
    if (t.tags.has('Preposition')) return true;
    if (!t.tags.has('Determiner') && !t.tags.has('Adjective')) return false;
  }
  return false;
}

/**
 * "…, with Senator Ivo Tamm telling reporters he saw Quist as “…”": the one named right before
 * the participle in a "with …" phrase speaks.
 */
export function withParticipleSpeaker(ctx: SpeakerContext, before: Token[]): Speaker | null {
  // "with Quist tweeting that … and asking, “…”": any participle of the chain may be the one.
  for (let i = before.length - 1; i > 0; i--) {
    if (!SAYING.has(before[i]!.lower)) continue;
    const m = ctx.speakerEndingAt.get(before[i - 1]!.end);
    if (!m?.person) continue;
    const start = before.findIndex((t) => t.start === m.start);
    for (let k = start - 1; k >= 0 && k >= start - 4; k--) {
      if (before[k]!.lower === 'with') return m.actor;
      if (breaksAfter(before[k]!)) break;
    }
    return null;
  }
  return null;
}
