import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { isDemonym } from './speaker-descriptions.ts';
import { VENUE_PREPOSITIONS } from './speaker-mentions.ts';
import { looseNameAt } from './speaker-names.ts';
import { ownedPersonAt } from './speaker-possessor.ts';
import { personTitledAt } from './speaker-titled.ts';
import {
  inOpeningSubordinate,
  isSpeechVerbAt,
  isVerb,
  opensParticiplePhrase,
} from './speaker-verbs.ts';
import { SUBORDINATORS, wordSet } from './text/lexicon.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * Where a clause puts its speaker: a name after the verb ("said Portline lawyer X"), before
 * an apposition, after a passive verb's "by", or the body that officials speak for.
 */

/**
 * "said Ashgrove", "said Portline harbour lawyer Mara Quist": the person after the verb and
 * any title before their name, even one the recogniser missed. A name that a verb follows
 * ("said Quist would …") starts a clause of its own and names no speaker: null. Undefined
 * when no name follows the verb.
 */
export function nameAfterVerb(
  ctx: SpeakerContext,
  tokens: Token[],
  v: number,
): Speaker | null | undefined {
  const owned = ownedPersonAt(ctx, tokens, v + 1);
  if (owned !== null) return owned;
  const titled = personTitledAt(ctx, tokens, v + 1);
  if (titled !== null) return titled;
  const apposed = describedThenNamed(ctx, tokens, v + 1);
  if (apposed !== null) return apposed;
  const loose = looseNameAt(ctx, tokens, v + 1);
  if (loose !== null) return startsClause(ctx, tokens, v + 1) ? null : loose;
  for (let j = v + 1; j < tokens.length && j <= v + TITLE_REACH; j++) {
    const t = tokens[j]!;
    // "said the Scot" describes someone named before; speakerAt resolves it.
    if (isDemonym(t) && tokens[j - 1]?.lower === 'the') break;
    // "said in an interview with Harbour Radio's Mara Quist": who is met is not who speaks.
    if (PLACE_PREPOSITIONS.has(t.lower)) break;
    // "said of Ashgrove": who is spoken of is not who speaks.
    if (j === v + 1 && (t.lower === 'of' || t.lower === 'about')) break;
    const m = ctx.speakerAt.get(t.start);
    if (m?.person) return startsClause(ctx, tokens, j) ? null : m.actor;
    if (breaksAfter(t) || (isVerb(t) && !t.tags.has('Adjective'))) break;
  }
  return undefined;
}

/**
 * "said the tourist, Ivo Tamm, 37": a description set off by a comma, then the name of the
 * one it describes. The person named, at token i's description; null if the tokens are not so.
 */
function describedThenNamed(ctx: SpeakerContext, tokens: Token[], i: number): number | null {
  // "the official, …", "Quist's introducer, actress …": an article or an owner opens it.
  const opener = tokens[i];
  if (opener?.lower !== 'the' && opener?.lower !== 'a' && !opener?.possessive) return null;
  for (let j = i + 1; j < tokens.length && j <= i + 4; j++) {
    const t = tokens[j]!;
    if (!/^\p{Ll}/u.test(t.word)) return null;
    if (breaksAfter(t)) {
      if (!t.post.includes(',')) return null;
      // "…, actress Mara Rask": a role word or two may stand before the name.
      for (let k = j + 1; k < tokens.length && k <= j + 3; k++) {
        const m = ctx.speakerAt.get(tokens[k]!.start);
        if (m) return m.person ? m.actor : null;
        if (!/^\p{Ll}/u.test(tokens[k]!.word)) return null;
      }
      return null;
    }
  }
  return null;
}

/** Prepositions of where and with whom, which end the phrase after a speech verb. */
const PLACE_PREPOSITIONS = new Set(['in', 'on', 'at', 'with', 'to', 'from']);

/** A title before a name after the verb is at most this many words ("said Portline harbour lawyer"). */
const TITLE_REACH = 7;

/** Does a verb follow the name at token i ("said Quist would resign")? */
function startsClause(ctx: SpeakerContext, tokens: Token[], i: number): boolean {
  const end = ctx.speakerAt.get(tokens[i]!.start)?.end ?? tokens[i]!.end;
  let k = i;
  while (tokens[k] && tokens[k]!.end < end) k++;
  const next = tokens[k + 1];
  return !!next && !breaksAfter(tokens[k]!) && next.tags.has('Verb') && !next.tags.has('Gerund');
}

/**
 * "Liam Venn, Harbour party chairman, said": a person named right before an apposition set
 * off by commas is the subject, whatever names the apposition holds.
 */
export function subjectBeforeApposition(
  ctx: SpeakerContext,
  tokens: Token[],
  v: number,
): number | null {
  if (!tokens[v - 1]?.post.startsWith(',')) return null;
  let k = v - 1;
  while (k > 0 && v - k < APPOSITION_TOKENS && !/[,;:()]/.test(tokens[k - 1]!.post)) k--;
  const before = tokens[k - 1];
  if (!before?.post.startsWith(',')) return null;
  const m = ctx.speakerEndingAt.get(before.end);
  return m?.person ? m.actor : null;
}

/** An apposition longer than this is a clause of its own, not a role. */
const APPOSITION_TOKENS = 8;

/** People who speak for a body: "officials at", "a spokesman for", "lawyers for". */
const SPOKESPEOPLE = new Set([
  'officials',
  'official',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'representatives',
  'representative',
  'lawyers',
  'lawyer',
  'attorneys',
]);

/** Does the name at token i follow "officials at", "a spokeswoman for" …? */
export function speaksFor(tokens: Token[], i: number): boolean {
  const prep = tokens[i - 1]?.lower;
  const prev = tokens[i - 2] ?? tokens[i - 1];
  return (
    (prep === 'at' || prep === 'for' || prep === 'from' || prep === 'with') &&
    !!tokens[i - 2] &&
    SPOKESPEOPLE.has(prev!.lower)
  );
}

/** "Ashgrove was accused by Quist of …": the person after a passive verb's "by" acts. */
export function passiveAgent(ctx: SpeakerContext, tokens: Token[]): number | null {
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i]!.lower !== 'by') continue;
    const verb = tokens.slice(Math.max(0, i - 4), i).some((t) => t.tags.has('Passive'));
    const m = ctx.speakerAt.get(tokens[i + 1]!.start);
    if (verb && m?.person) return m.actor;
  }
  return null;
}

/**
 * "Ashgrove mocked Quist for saying …", "accused Quist of calling …": a speech verb's -ing
 * form after "for" or "of" is said by the person just before, not the sentence's subject.
 */
export function blamedFor(ctx: SpeakerContext, tokens: Token[], v: number): Speaker | null {
  const prep = tokens[v - 1]?.lower;
  if ((prep !== 'for' && prep !== 'of') || !tokens[v]!.lower.endsWith('ing')) return null;
  for (let i = v - 2; i >= Math.max(0, v - 4); i--) {
    const t = tokens[i]!;
    const m = ctx.speakerAt.get(t.start);
    if (m) return m.person ? m.actor : null;
    if (isVerb(t)) return null;
    const loose = looseNameAt(ctx, tokens, i);
    if (typeof loose === 'number') return loose;
  }
  return null;
}

/**
 * Is token i inside a relative clause set off by commas before the verb at v ("The actor,
 * whose films include Harbour Lights, said")? A name there is talked about, not speaking.
 */
export function inRelativeClause(tokens: Token[], i: number, v: number): boolean {
  let closed = false;
  for (let k = i; k < v && !closed; k++) closed = /^,/.test(tokens[k]!.post);
  if (!closed) return false;
  for (let k = i - 1; k >= 0; k--) {
    if (/^,/.test(tokens[k]!.post)) return RELATIVES.has(tokens[k + 1]?.lower ?? '');
  }
  return false;
}

const RELATIVES = new Set(['whose', 'which', 'who', 'whom']);

/** A person named in more words than the nearest-word scan reaches, ending right before the verb at v. */
export function longNameBefore(ctx: SpeakerContext, tokens: Token[], v: number): number | null {
  const m = ctx.speakerEndingAt.get(tokens[v - 1]?.end ?? -1);
  if (!m?.person) return null;
  const k = tokens.findIndex((t) => t.start === m.start);
  if (k < 0 || v - k <= 3 || inRelativeClause(tokens, k, v)) return null;
  return VENUE_PREPOSITIONS.has(tokens[k - 1]?.lower ?? '') ? null : m.actor;
}

/** Is token i inside a sentence-opening prepositional phrase ("During a June interview on Harbour Radio,")? */
export function inOpeningPhrase(tokens: Token[], i: number): boolean {
  const first = tokens[0];
  if (!first) return false;
  for (let k = 0; k < i; k++) if (breaksAfter(tokens[k]!)) return false;
  // "When told Quist was in the cabinet, Axeby said …": a subordinate clause or participle
  // phrase before the comma names who was told or asked about, not who speaks.
  if (SUBORDINATORS.has(first.lower) || opensParticiplePhrase(tokens, 0))
    return tokens.slice(i).some((t) => t.post.includes(','));
  if (!first.tags.has('Preposition') || first.lower === 'according') return false;
  // Without a comma, the phrase ends at the first name after its noun: "In a Gazette interview Quist".
  return !tokens
    .slice(1, i)
    .some((t) => t.tags.has('Noun') && !t.tags.has('ProperNoun') && /^\p{Ll}/u.test(t.word));
}

/**
 * "Pollsters agree - Ivo Tamm: “…”", "More from Tamm: “…”": a name set before a colon with no
 * verb of its own labels the quote that follows as that person's (or body's) words; so does
 * "As Tamm put it," before one.
 */
export function colonLabel(ctx: SpeakerContext, before: Token[]): Speaker | null {
  const last = before.at(-1);
  // "As Ivo Tamm, the party's No. 2, put it: “…”", "As the Gazette put it, “…”".
  if (last?.lower === 'it' && before.at(-2)?.lower === 'put' && /[:,]/u.test(last.post)) {
    const as = before.findLastIndex((t) => t.lower === 'as');
    const m = as < 0 ? undefined : ctx.speakerAt.get(before[as + 1]?.start ?? -1);
    if (m && !m.place) return m.actor;
    if (as >= 0 && !m) return looseNameAt(ctx, before, as + 1);
  }
  if (!last?.post.includes(':')) return null;
  const m = ctx.speakerEndingAt.get(last.end);
  if (!m || m.place) return null;
  for (let i = before.length - 2; i >= 0; i--) {
    const t = before[i]!;
    if (/[.–—\]-]/u.test(t.post)) break;
    if (t.start >= m.start) continue;
    if (isVerb(t) && /^\p{Ll}/u.test(t.word)) return null;
  }
  return m.actor;
}

/** Subordinators that open a clause with a subject of its own inside a sentence. */
const INNER_SUBORDINATORS = wordSet('when after before because since until once');

/**
 * "The worry grew on Monday when Senator Ada Rook lamented the “…”": a clause opened by a
 * subordinator mid-sentence, with a name of its own and a verb, is the quote's.
 */
function innerSubordinate(before: Token[], i: number): Token[] | null {
  if (!INNER_SUBORDINATORS.has(before[i]!.lower)) return null;
  const clause = before.slice(i + 1);
  // Like an opening one, the clause ends at its first comma or dash, unless a participle
  // of its subject goes on ("…, remarking, “…”").
  const ends = (t: Token, k: number): boolean =>
    /[,;:—–―]/u.test(t.post) && !clause[k + 1]?.tags.has('Gerund');
  if (clause.slice(0, -1).some(ends)) return null;
  // The subject's words (a name, "of Ohio") run up to the verb.
  let j = 0;
  while (clause[j] && (/^\p{Lu}/u.test(clause[j]!.word) || (j > 0 && clause[j]!.lower === 'of')))
    j++;
  const verb = clause[j];
  return j > 0 && verb && isVerb(verb) ? clause : null;
}

/** Conjunctions that start a clause with a subject of its own after a comma. */
const CONTRASTING = new Set(['while', 'whereas', 'but']);

/**
 * "Tamm suggested that …, while Quist said that the “…”": a quote's cue is the clause it
 * stands in, when a contrasting clause with a speech verb of its own holds it.
 */
export function ownClause(before: Token[]): Token[] {
  for (let i = before.length - 2; i > 0; i--) {
    const inner = innerSubordinate(before, i);
    if (inner) return inner;
    if (!CONTRASTING.has(before[i]!.lower) || !before[i - 1]!.post.includes(',')) continue;
    const clause = before.slice(i + 1);
    // "…, while Mike Hale, the former mayor, proposed we “…”": a named subject of its own.
    const named = /^\p{Lu}/u.test(clause[0]?.word ?? '') && clause.some(isVerb);
    return named || clause.some((_, k) => isSpeechVerbAt(clause, k)) ? clause : before;
  }
  return before;
}

/**
 * "After Quist said that towns might do better with “…”, Ashgrove said …": a quote inside a
 * sentence's opening subordinate clause is that clause's, read as if it stood alone (without
 * its subordinating word, whose clause attribution otherwise skips). Null when it is not.
 */
export function insideOpeningSubordinate(before: Token[]): Token[] | null {
  const subordinate = SUBORDINATORS.has(before[0]?.lower ?? '') && before.length >= 3;
  return subordinate && inOpeningSubordinate(before, before.length - 1) ? before.slice(1) : null;
}
