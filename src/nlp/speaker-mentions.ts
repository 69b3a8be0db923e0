import { kindOfDescription } from './kind-nouns.ts';
import { latestSpeechAgent } from './speaker-agents.ts';
import type { SpeakerContext, SpeakerMention } from './speaker-context.ts';
import { isDemonym, isPersonNoun } from './speaker-descriptions.ts';
import { PERSON_PRONOUNS, ROLE_NOUNS } from './text/lexicon.ts';
import { firstIndexWhere } from './text/sorted.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * The speaker a single word stands for: a name's actor, or for "he"/"she" the person it
 * points back to; and a person an organisation's name only titles ("Harbour Board chair Mara
 * Quist": the board is not the speaker).
 */

/** How many sentences back a pronoun looks for a subject before settling for the nearest name. */
const PRONOUN_REACH = 3;
/** … and how many people back at most, which only a run-on "sentence" naming dozens reaches. */
const PRONOUN_LOOKBACK = 64;

/** Prepositions before an organisation that make it a venue ("said on Harbour Radio"), not a speaker. */
export const VENUE_PREPOSITIONS = new Set([
  'on',
  'to',
  'in',
  'at',
  'with',
  'for',
  'by',
  'from',
  'of',
]);

/**
 * The actor a token names or, for he/she, the last named person of a fitting gender.
 * `peopleOnly` leaves organisations out; an organisation after a preposition is never a speaker.
 */
export function speakerAt(
  ctx: SpeakerContext,
  t: Token,
  peopleOnly = false,
  prev?: Token,
  asSubject = false,
): number | null {
  // "said the Scot": a description, though the recogniser may have taken it for a name.
  const demonym = isDemonym(t) && afterThe(ctx.tokens, t);
  const named = demonym ? undefined : ctx.speakerAt.get(t.start);
  if (named) {
    if (named.place && !asSubject) return null;
    if (named.person) return named.actor;
    if (peopleOnly || (prev && VENUE_PREPOSITIONS.has(prev.lower))) return null;
    return named.actor;
  }
  // "said the artists": a group the article introduced with that noun ("artists Rask & Penning").
  if (!peopleOnly && t.tags.has('Plural') && /^\p{Ll}/u.test(t.word) && afterThe(ctx.tokens, t))
    return introducedAs(ctx, ctx.speakers, lastStartingBefore(ctx.speakers, t.start), t.lower);
  if (!peopleOnly && (t.lower === 'it' || isDescribed(ctx.tokens, t, 'organization')))
    return nearestOrganisation(ctx, t);
  const described = isDescribed(ctx.tokens, t, 'person');
  if (!PERSON_PRONOUNS.has(t.lower) && !described) return null;
  const wanted = described ? 'any' : t.lower === 'she' || t.lower === 'her' ? 'female' : 'male';
  const targets = ctx.pronounTargets[wanted];
  // "Quist's aide": the one described is someone named before the owner, not the owner.
  const limit = described ? describedFrom(ctx, t) : t.start;
  const from = lastStartingBefore(targets, limit);
  if (described) {
    const fitting = roleFits(ctx, targets, from, t);
    if (fitting !== null) return fitting;
    // "Quist's doctor" is most often someone new, unless a role says otherwise or the
    // sentence before was about someone else ("Renn spoke. … Quist's former aide said").
    if (ownerOf(ctx, t)?.person) return subjectOfSentenceBefore(targets, from, t.sentence);
  }
  // Prefer a recent subject (within the last few sentences) over any later mention, and the
  // one the sentence before had speaking over its subject.
  let nearest: SpeakerMention | undefined;
  if (!described) {
    const agent = latestSpeechAgent(ctx, targets, from, t.sentence);
    if (agent !== null) return agent;
  }
  let subject: SpeakerMention | undefined;
  for (let i = from; i >= 0 && from - i < PRONOUN_LOOKBACK; i--) {
    const p = targets[i]!;
    nearest ??= p;
    if (storyDistance(ctx, p.sentence, t.sentence) > PRONOUN_REACH) break;
    if (p.subject) {
      subject = p;
      break;
    }
  }
  // "He now faces a suit. He told reporters … he added": a run of sentences opened by the
  // same pronoun is about one person, whoever else they name in between.
  if (!described) {
    const opener = pronounOpenerBefore(ctx, t, subject?.sentence);
    if (opener) {
      const chained = speakerAt(ctx, opener, true);
      if (chained !== null) return chained;
    }
  }
  if (subject) return subject.actor;
  return nearest ? nearest.actor : null;
}

/** Sentences from `from` to `to` that say something outside quotes (all of them, unknown). */
function storyDistance(ctx: SpeakerContext, from: number, to: number): number {
  const before = ctx.narrativeBefore;
  const [a, b] = [before[from], before[to]];
  return a === undefined || b === undefined ? to - from : b - a;
}

const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so']);

/**
 * The latest sentence-opening "he"/"she" (the same word as t, outside quotes) after sentence
 * `after` (else within reach, sentences of quotation aside) and before t's own sentence.
 */
function pronounOpenerBefore(
  ctx: SpeakerContext,
  t: Token,
  after: number | undefined,
): Token | undefined {
  const { tokens } = ctx;
  for (let k = firstIndexWhere(tokens, (x) => x.start < t.start) - 1; k >= 0; k--) {
    const x = tokens[k]!;
    if (
      after !== undefined
        ? x.sentence <= after
        : storyDistance(ctx, x.sentence, t.sentence) > PRONOUN_REACH
    )
      return undefined;
    if (x.sentence === t.sentence || ctx.quoted[k]) continue;
    // "But he also believes …" opens its sentence as much as "He believes …" does.
    const opens =
      x.sentenceStart ||
      (!!tokens[k - 1]?.sentenceStart && OPENING_CONJUNCTIONS.has(tokens[k - 1]!.lower));
    if (opens && x.lower === t.lower) return x;
  }
  return undefined;
}

/**
 * "Belmora's chief rabbi Tomas Verlin … the rabbi said": the latest person within reach whose
 * role has the description's head noun.
 */
function roleFits(
  ctx: SpeakerContext,
  targets: SpeakerMention[],
  from: number,
  t: Token,
): number | null {
  for (let i = from; i >= 0 && from - i < PRONOUN_LOOKBACK; i--) {
    const p = targets[i]!;
    if (t.sentence - p.sentence > PRONOUN_REACH) break;
    const role = ctx.drafts[p.actor]?.role?.toLowerCase().split(/[\s-]+/u);
    if (role?.includes(t.lower)) return p.actor;
  }
  return null;
}

/** Is t the "old" of "24-year-old"? */
function aged(tokens: Token[], t: Token): boolean {
  if (t.lower !== 'old') return false;
  const year = tokens[firstIndexWhere(tokens, (x) => x.start < t.start) - 1];
  return year?.lower === 'year' && year.post === '-';
}

/** How far back "the" may open a description of someone: "the European cross-country champion". */
const DESCRIPTION_WORDS = 5;

/**
 * "The Oscar-nominated actor said", "said the world indoor champion": a definite description
 * headed by a noun for a person stands, like "he", for someone already named; "said the
 * magazine" for an organisation already named.
 */
function isDescribed(tokens: Token[], t: Token, kind: 'person' | 'organization'): boolean {
  if (t.tags.has('Plural')) return false;
  if (!/^\p{Ll}/u.test(t.word) && !(kind === 'person' && isDemonym(t))) return false;
  // "the 24-year-old told …" is a person as surely as "the actor".
  // The tagger calls "the company said" an actor too: a body's noun describes no person.
  const person =
    (ROLE_NOUNS.has(t.lower) || t.tags.has('Actor') || aged(tokens, t) || isPersonNoun(t)) &&
    kindOfDescription(t.lower) !== 'organization';
  if (kind === 'person' ? !person : kindOfDescription(t.lower) !== 'organization') return false;
  if (afterThe(tokens, t)) return true;
  // "Belmora's state agency" is no person, whatever the tagger says of "agency".
  return (
    kind === 'person' && kindOfDescription(t.lower) === undefined && ownerBefore(tokens, t) >= 0
  );
}

/** Where the people a description may mean end: before its owner ("Quist's aide"), if any. */
function describedFrom(ctx: SpeakerContext, t: Token): number {
  const owner = ctx.tokens[ownerBefore(ctx.tokens, t)];
  if (!owner) return t.start;
  return ctx.speakerEndingAt.get(owner.end)?.start ?? owner.start;
}

/** The subject among `targets` (from index `from` back) of the sentence right before `sentence`. */
function subjectOfSentenceBefore(
  targets: SpeakerMention[],
  from: number,
  sentence: number,
): number | null {
  for (let i = from; i >= 0; i--) {
    const p = targets[i]!;
    if (p.sentence < sentence - 1) break;
    if (p.sentence === sentence - 1 && p.subject) return p.actor;
  }
  return null;
}

/** The named owner of a description ending at t ("Quist" of "Quist's aide"), if any. */
function ownerOf(ctx: SpeakerContext, t: Token): SpeakerMention | undefined {
  const owner = ctx.tokens[ownerBefore(ctx.tokens, t)];
  return owner ? ctx.speakerEndingAt.get(owner.end) : undefined;
}

/**
 * The owner opening a short noun phrase ending at t ("Belmora's top cleric", "Quist's former
 * campaign strategist"), as a token index, or -1. The owner's mark opens it as "the" does; the
 * words between are lower-case modifiers, whatever the tagger calls them ("campaign" a verb).
 */
function ownerBefore(tokens: Token[], t: Token): number {
  const at = firstIndexWhere(tokens, (x) => x.start < t.start);
  for (let i = at - 1; i >= 0 && at - i <= DESCRIPTION_WORDS; i--) {
    const w = tokens[i]!;
    if (w.sentence !== t.sentence || /[,;:.!?"“”]/u.test(w.post.replace(/^[’']s/u, ''))) return -1;
    if (w.possessive) return headsPhrase(tokens, at) ? i : -1;
    if (!/^\p{Ll}/u.test(w.word) || w.tags.has('Determiner') || w.tags.has('Preposition'))
      return -1;
  }
  return -1;
}

/** Does token `at` end its noun phrase ("aide" of "Quist's aide said", not "official" of "official agency")? */
function headsPhrase(tokens: Token[], at: number): boolean {
  const next = tokens[at + 1];
  if (!next || breaksAfter(tokens[at]!) || !/^\p{Ll}/u.test(next.word)) return true;
  return next.tags.has('Verb') || next.tags.has('Adverb') || next.tags.has('Preposition');
}

/** Does "the" open a short noun phrase ending at t ("the Marrowby-born actor")? */
function afterThe(tokens: Token[], t: Token): boolean {
  const at = firstIndexWhere(tokens, (x) => x.start < t.start);
  for (let i = at - 1; i >= 0 && at - i <= DESCRIPTION_WORDS; i--) {
    const w = tokens[i]!;
    if (w.sentence !== t.sentence || /[,;:.!?"“”]/u.test(w.post)) return false;
    if (w.lower === 'the') return true;
    // "Marrowby-born" is one modifier, whatever compromise tags its halves.
    const modifier = w.tags.has('Adjective') || w.tags.has('Hyphenated');
    if (w.tags.has('Verb') && !modifier) return false;
    if (w.tags.has('Determiner') || w.tags.has('Preposition') || w.tags.has('Pronoun'))
      return false;
  }
  return false;
}

/**
 * "It said", "said the magazine": the organisation named last, within a few sentences; for
 * a description, first one the article introduced with the same noun ("US magazine Mobile
 * Tidings", "the Harbour Gazette newspaper"); for "it", a description resolved since then.
 */
function nearestOrganisation(ctx: SpeakerContext, t: Token): number | null {
  const targets = ctx.pronounTargets.organisation;
  const from = lastStartingBefore(targets, t.start);
  if (t.lower !== 'it') {
    const introduced = introducedAs(ctx, targets, from, t.lower);
    if (introduced !== null) {
      remember(ctx.describedOrganisations, {
        start: t.start,
        sentence: t.sentence,
        actor: introduced,
      });
      return introduced;
    }
  }
  let p: { start: number; sentence: number; actor: number } | undefined = targets[from];
  const described = ctx.describedOrganisations.filter((d) => d.start < t.start).at(-1);
  if (t.lower === 'it' && described && (!p || described.start > p.start)) p = described;
  return p && t.sentence - p.sentence <= PRONOUN_REACH ? p.actor : null;
}

/** The latest organisation mention (from index `from` back) written with `noun` beside it. */
function introducedAs(
  ctx: SpeakerContext,
  targets: SpeakerMention[],
  from: number,
  noun: string,
): number | null {
  const word = `(?:${noun}|${noun[0]!.toUpperCase()}${noun.slice(1)})`;
  const before = new RegExp(`(?<!\\p{L})${word}\\s+(?:\\p{Lu}[\\p{L}.&’'-]*\\s+)*$`, 'u');
  const after = new RegExp(
    `^(?:\\s+${word}|,\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}${word})(?!\\p{L})`,
    'u',
  );
  for (let i = from; i >= 0 && from - i < PRONOUN_LOOKBACK; i--) {
    const m = targets[i]!;
    if (m.place || m.quoted) continue;
    if (before.test(ctx.text.slice(Math.max(0, m.start - 40), m.start))) return m.actor;
    if (after.test(ctx.text.slice(m.end, m.end + 60))) return m.actor;
  }
  return null;
}

/** Adds a resolved description, keeping the list in order of starts. */
function remember(
  list: Array<{ start: number; sentence: number; actor: number }>,
  entry: { start: number; sentence: number; actor: number },
): void {
  if (list.some((d) => d.start === entry.start)) return;
  const at = list.findIndex((d) => d.start > entry.start);
  if (at < 0) list.push(entry);
  else list.splice(at, 0, entry);
}

/** Index of the last mention starting before offset, or -1 (mentions are in order). */
export function lastStartingBefore(mentions: SpeakerMention[], offset: number): number {
  return firstIndexWhere(mentions, (m) => m.start < offset) - 1;
}

/** Does the mention at token i end in an owner's mark ("Mara Quist’s husband")? */
export function isOwnerAt(ctx: SpeakerContext, tokens: Token[], i: number): boolean {
  const m = ctx.speakerAt.get(tokens[i]?.start ?? -1);
  if (!m) return false;
  for (let j = i; j < tokens.length && j < i + 6; j++)
    if (tokens[j]!.end >= m.end) return tokens[j]!.possessive;
  return false;
}

/**
 * Is the mention at token i the owner of who speaks ("Belmora's top cleric", "Belmora's
 * Channel Four", "Quist's lawyer Mara Rask")? A place or organisation owner does not speak
 * for the one it owns, only for its people ("Portline's officials"); a person owner only gives
 * way to a name after it: "Quist's group wrote" is near enough, and a person description
 * ("Quist's aide") is resolved before it.
 */
export function isBodyOwnerAt(ctx: SpeakerContext, tokens: Token[], i: number): boolean {
  const m = ctx.speakerAt.get(tokens[i]?.start ?? -1);
  if (!m || !isOwnerAt(ctx, tokens, i)) return false;
  let head: Token | undefined;
  for (let j = i + 1; j < tokens.length && j <= i + OWNED_WORDS; j++) {
    const t = tokens[j]!;
    if (t.start < m.end) continue;
    if (ctx.speakerAt.has(t.start)) return true;
    if (t.tags.has('Verb') && /^\p{Ll}/u.test(t.word) && !t.tags.has('Adjective')) break;
    head = t;
    if (breaksAfter(t)) break;
  }
  // "Portline's union leaders said": a body's people speak for it, as "officials at" do.
  return !m.person && !head?.tags.has('Plural');
}

/** How many words after an owner may stand before the owned one's name ("Quist's former lawyer"). */
const OWNED_WORDS = 6;

/** The person a sentence is about: the first named in it outside quotes (its subject). */
export function sentenceSubject(ctx: SpeakerContext, sentence: number, end: number): number | null {
  // "He finished third behind Tom Pell.": the pronoun, not the first name, is the subject.
  const opener = ctx.tokens[firstIndexWhere(ctx.tokens, (x) => x.sentence < sentence)];
  if (opener?.sentence === sentence && (opener.lower === 'he' || opener.lower === 'she'))
    return speakerAt(ctx, opener, true);
  for (let i = lastStartingBefore(ctx.speakers, end); i >= 0; i--) {
    const m = ctx.speakers[i]!;
    if (m.sentence !== sentence) {
      if (m.sentence < sentence) break;
      continue;
    }
    if (m.subject) return m.actor;
  }
  return null;
}
