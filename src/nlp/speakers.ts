import type { Sentence } from '../model/analysis.ts';
import type { ActorDraft } from './actors.ts';
import type { Gender } from './person-gender.ts';
import type { QuoteSpan } from './quote-spans.ts';
import { personTitledAt, speakerAt, VENUE_PREPOSITIONS } from './speaker-mentions.ts';
import { dashAttribution, looseNameAt, looseNameBefore } from './speaker-names.ts';
import { speechPossessor } from './speaker-possessor.ts';
import { inOpeningSubordinate, isSpeechVerbAt, opensParticiplePhrase } from './speaker-verbs.ts';
import { TITLE_WORDS } from './text/lexicon.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * Who said a quote, read from the words around it: a cue after the quote in its sentence
 * (“…,” Quist revealed / he said / said Smith / ― Jane Roe), a cue before it (X said: “…”,
 * X stated … telling him that “…”, X’s claim that “…”), any attribution in the sentence, then
 * the sentence's subject. Pronouns resolve to a recent subject of a fitting gender.
 */
export interface SpeakerMention {
  start: number;
  end: number;
  actor: number;
  person: boolean;
  /** Countries and cities speak only as the subject of a speech verb ("Marrowby said …"). */
  place: boolean;
  sentence: number;
  /** Named inside a quotation: talked about, so never what a pronoun cue points back to. */
  quoted: boolean;
  /** The first person named in its sentence: what a later "he" most likely points back to. */
  subject: boolean;
  gender: Gender;
}

export interface SpeakerContext {
  tokens: Token[];
  /** Per token: does it lie inside a quotation? */
  quoted: boolean[];
  /** In order of their starts. */
  speakers: SpeakerMention[];
  speakerAt: Map<number, SpeakerMention>;
  /** The mention ending at an offset (the first in speakerAt's order). */
  speakerEndingAt: Map<number, SpeakerMention>;
  /** Person mentions a "she" (female) or a "he" (male) can point back to, in order. */
  pronounTargets: Record<'female' | 'male', SpeakerMention[]>;
  /** The first person actor with this last name, lowercase. */
  personByLastName: Map<string, number>;
  names: string[];
  quoteSpans: QuoteSpan[];
  /** Per paragraph: the actor named by a transcript label ("QUIST: …"), if any. */
  labels: Map<number, Speaker>;
  text: string;
  drafts: ActorDraft[];
}

/**
 * Attribution reads at most this many characters either side of a quote within its sentence:
 * far more than a news sentence holds, and it keeps a run-on "sentence" with thousands of
 * quotes from costing the square of its length.
 */
const CUE_REACH = 1000;

export function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function firstTokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tokens between two offsets that lie outside every quotation, in order. */
function cueTokens(ctx: SpeakerContext, from: number, to: number): Token[] {
  const out: Token[] = [];
  let depth = 0;
  for (let i = firstTokenAt(ctx.tokens, from); i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (t.end > to) break;
    // A parenthesis aside ("Mara Quist (D-Portline) said") is no part of the clause.
    if (t.pre.includes('(')) depth++;
    if (!ctx.quoted[i] && depth === 0) out.push(t);
    if (t.post.includes(')')) depth = Math.max(0, depth - 1);
  }
  return out;
}

/** An actor index, or a name the recogniser missed. */
export type Speaker = number | string;

export function attribute(
  ctx: SpeakerContext,
  sentences: Sentence[],
  q: QuoteSpan,
  s: Sentence,
): Speaker | null {
  const dashed = dashAttribution(ctx, q);
  if (dashed !== null) return dashed;
  // The cue after a quote belongs to the sentence the quote ends in ("… heads. … ,” said X").
  const endSentence = sentences[sentenceIndexAt(sentences, q.end)] ?? s;
  const end = Math.min(endSentence.end, q.end + CUE_REACH);
  const start = Math.max(s.start, q.start - CUE_REACH);
  const nextQuote = quoteStartingAfter(ctx.quoteSpans, q.end);
  const stop = nextQuote && nextQuote.start < end ? nextQuote.start : end;
  const after = cueTokens(ctx, q.end, stop).slice(0, 8);
  const fromAfter = speakerAfterQuote(ctx, after);
  const before = cueTokens(ctx, start, q.start);
  if (fromAfter !== null && !onlyReported(ctx, q, after, fromAfter)) return fromAfter;
  if (fromAfter !== null) return clauseSubjectPerson(ctx, before) ?? fromAfter;
  const possessor = speechPossessor(ctx.speakerEndingAt, before.slice(-10));
  if (possessor !== null) return possessor;
  const fromBefore = subjectOfSpeech(ctx, before);
  if (fromBefore !== null) return fromBefore;
  const fromSentence = subjectOfSpeech(ctx, cueTokens(ctx, start, end));
  if (fromSentence !== null) return fromSentence;
  return clauseSubject(ctx, before);
}

/** Quoted words this short are a term someone used, which an outlet may only have reported. */
const SHORT_QUOTE_WORDS = 3;

/** "… called the plan “aggressive”, the Gazette reported": a short term an organisation reported. */
function onlyReported(ctx: SpeakerContext, q: QuoteSpan, after: Token[], who: Speaker): boolean {
  if (typeof who !== 'number' || ctx.drafts[who]?.type !== 'organization') return false;
  if (ctx.text.slice(q.start, q.end).split(/\s+/).length > SHORT_QUOTE_WORDS) return false;
  return after.slice(0, 6).some((t) => t.lower.startsWith('report'));
}

/** The person who is the subject of the clause before a quote, if it is a person. */
function clauseSubjectPerson(ctx: SpeakerContext, before: Token[]): Speaker | null {
  const who = subjectOfSpeech(ctx, before) ?? clauseSubject(ctx, before);
  return typeof who === 'number' && ctx.drafts[who]?.type === 'person' ? who : null;
}

/** The first quote starting after offset (quotes are in order and do not overlap). */
function quoteStartingAfter(spans: QuoteSpan[], offset: number): QuoteSpan | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return spans[lo];
}

/** Without a speech verb, the subject of the clause around a partial quote: "X called Y “…”". */
function clauseSubject(ctx: SpeakerContext, tokens: Token[]): Speaker | null {
  // A sentence that opens with a name (after any title) has it as its subject.
  const opening = tokens.findIndex((t) => !TITLE_WORDS.has(t.lower) && !t.tags.has('Determiner'));
  const first = tokens[opening];
  if (first) {
    const titled = personTitledAt(ctx, tokens, opening);
    if (titled !== null) return titled;
    const m = ctx.speakerAt.get(first.start);
    if (m && !m.place) return m.actor;
    const loose =
      opening === 0 || tokens[opening - 1]?.tags.has('Honorific')
        ? looseNameAt(ctx, tokens, opening)
        : null;
    if (loose !== null && tokens.slice(opening + 1, opening + 4).some(isVerb)) return loose;
  }
  for (let i = 0; i < tokens.length; i++) {
    const m = ctx.speakerAt.get(tokens[i]!.start);
    if (!m || (m.place && i > 0 && VENUE_PREPOSITIONS.has(tokens[i - 1]!.lower))) continue;
    const titled = personTitledAt(ctx, tokens, i);
    if (titled !== null) return titled;
    const next = tokens.slice(i + 1, i + 5).find((t) => t.start >= m.end);
    if (next && isVerb(next)) return m.actor;
  }
  return null;
}

function isVerb(t: Token): boolean {
  return t.tags.has('Verb') && !t.tags.has('Gerund');
}

/** The speaker of reported speech in the tokens ("X said that …", "…, he said"), if any. */
function subjectOfSpeech(ctx: SpeakerContext, tokens: Token[]): Speaker | null {
  let firstVerb = true;
  // "According to the Gazette, Quist said …": the source only reports what another says.
  let source: Speaker | null = null;
  for (let v = 0; v < tokens.length; v++) {
    const t = tokens[v]!;
    if (t.lower === 'according') {
      source ??= speakerNearVerb(ctx, tokens, v);
      continue;
    }
    if (!isSpeechVerbAt(tokens, v) || opensParticiplePhrase(tokens, v)) continue;
    if (inOpeningSubordinate(tokens, v)) continue;
    if (firstVerb) {
      // The clause subject: a person right before the verb ("…, Tomas Verlin, stated"),
      // else the first speaker named before it outside an opening phrase such as
      // "In a Gazette interview" or "At a dinner with the harbour board".
      for (let i = v - 1; i >= Math.max(0, v - 3); i--) {
        const p = speakerAt(ctx, tokens[i]!, true, tokens[i - 1]);
        if (p !== null) return p;
      }
      const loose = looseNameBefore(ctx, tokens, v);
      if (loose !== null) return loose;
      for (const people of [true, false]) {
        for (let i = 0; i < v; i++) {
          if (inOpeningPhrase(tokens, i)) continue;
          const p = speakerAt(ctx, tokens[i]!, people, tokens[i - 1], true);
          if (p !== null) return p;
        }
      }
      firstVerb = false;
    }
    const near = speakerNearVerb(ctx, tokens, v);
    if (near !== null) return near;
  }
  return source;
}

/** Is token i inside a sentence-opening prepositional phrase ("During a June interview on Harbour Radio,")? */
function inOpeningPhrase(tokens: Token[], i: number): boolean {
  const first = tokens[0];
  if (!first?.tags.has('Preposition') || first.lower === 'according') return false;
  for (let k = 0; k < i; k++) if (breaksAfter(tokens[k]!)) return false;
  // Without a comma, the phrase ends at the first name after its noun: "In a Gazette interview Quist".
  return !tokens
    .slice(1, i)
    .some((t) => t.tags.has('Noun') && !t.tags.has('ProperNoun') && /^\p{Ll}/u.test(t.word));
}

/** A name or pronoun within a few tokens of the speech verb at `verbAt`: people first, nearest first. */
function speakerNearVerb(ctx: SpeakerContext, tokens: Token[], verbAt: number): Speaker | null {
  // "said Ashgrove": a name right after the verb, even one the recogniser missed.
  const loose = looseNameAt(ctx, tokens, verbAt + 1);
  if (loose !== null) return loose;
  for (const people of [true, false]) {
    for (let d = 1; d <= 4; d++) {
      for (const i of [verbAt + d, verbAt - d]) {
        const t = tokens[i];
        if (!t) continue;
        const p = speakerAt(ctx, t, people, tokens[i - 1]);
        if (p !== null) return p;
      }
    }
  }
  return null;
}

/** Right after a quote: "Quist revealed", "he said", "said Smith", "Ashgrove writes". */
function speakerAfterQuote(ctx: SpeakerContext, tokens: Token[]): Speaker | null {
  const first = tokens[0];
  const named = first
    ? (personTitledAt(ctx, tokens, 0) ??
      speakerAt(ctx, first, false, undefined, true) ??
      looseNameAt(ctx, tokens, 0))
    : null;
  if (first && named !== null) {
    // "…,” NAME/he VERB": whoever stands right after the quote, before a verb, said it.
    const next = tokens.find((t) => t.start > first.start && !/^\p{Lu}/u.test(t.word));
    if (next && isVerb(next)) return named;
  }
  const verbAt = tokens.findIndex((_, i) => i < 4 && isSpeechVerbAt(tokens, i));
  return verbAt < 0 ? null : speakerNearVerb(ctx, tokens, verbAt);
}

/**
 * A stand-alone quote right after "… he said that …" in the same paragraph belongs to him; a
 * paragraph that opens with a quote after one ending "The Gazette's reporter writes:" is hers.
 */
export function attributeFromEarlierSentence(
  ctx: SpeakerContext,
  sentences: Sentence[],
  index: number,
  opensParagraph = false,
): Speaker | null {
  const s = sentences[index]!;
  const prev = sentences[index - 1];
  if (!prev) return null;
  const introduces =
    opensParagraph &&
    prev.paragraph === s.paragraph - 1 &&
    ctx.text.slice(prev.start, prev.end).trimEnd().endsWith(':');
  if (prev.paragraph !== s.paragraph && !introduces) return null;
  const tokens = cueTokens(ctx, Math.max(prev.start, prev.end - CUE_REACH), prev.end);
  return subjectOfSpeech(ctx, tokens) ?? (introduces ? clauseSubject(ctx, tokens) : null);
}
