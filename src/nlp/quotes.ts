import { type ActorDraft, canonicalName, type Gender } from './actors.ts';
import { PERSON_PRONOUNS, SPEECH_VERBS } from './lexicon.ts';
import type { Quote, Sentence } from './model.ts';
import type { NameSpan } from './names.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.ts';
import type { Token } from './tokens.ts';

/**
 * Direct quotes and who said them. In order of trust: a cue after the quote in its sentence
 * (“…,” McCallum revealed / he said / said Smith), a cue before it (X said: “…”, X stated …
 * telling him that “…”), any attribution in the sentence, then the speaker carried from the
 * paragraph (a quote that stands alone, or reopens a quotation from the paragraph before).
 * Pronouns resolve to the last named person of a fitting gender.
 */

/** Quotes shorter than this are scare quotes (“aggressive”), not statements. */
const MIN_QUOTE_WORDS = 3;

interface PersonMention {
  start: number;
  actor: number;
  gender: Gender;
}

interface Context {
  tokens: Token[];
  persons: PersonMention[];
  names: string[];
  quoteSpans: QuoteSpan[];
}

export function findQuotes(
  text: string,
  sentences: Sentence[],
  tokens: Token[],
  spans: NameSpan[],
  actorOf: number[],
  drafts: ActorDraft[],
): Quote[] {
  const persons: PersonMention[] = [];
  spans.forEach((s, k) => {
    const d = drafts[actorOf[k]!]!;
    if (d.type === 'person') persons.push({ start: s.start, actor: actorOf[k]!, gender: d.gender });
  });
  const ctx: Context = {
    tokens,
    persons,
    names: drafts.map(canonicalName),
    quoteSpans: findQuoteSpans(text),
  };

  const quotes: Quote[] = [];
  let carried: { paragraph: number; actor: number | null } = { paragraph: -1, actor: null };
  for (const q of ctx.quoteSpans) {
    const sentence = sentenceIndexAt(sentences, q.start);
    const s = sentences[sentence];
    if (!s) continue;
    let actor = attribute(ctx, q, s);
    const sameParagraph = carried.paragraph === s.paragraph;
    // A paragraph that opens with an unattributed quote continues the previous paragraph's
    // speaker: news style reopens a quotation, or follows a speaker with more of their words.
    const opensParagraph =
      s.start === sentences.find((x) => x.paragraph === s.paragraph)?.start &&
      q.start - s.start <= 1;
    const reopens = (q.continued || opensParagraph) && carried.paragraph === s.paragraph - 1;
    if (actor === null && (sameParagraph || reopens)) actor = carried.actor;
    if (actor === null) actor = attributeFromEarlierSentence(ctx, sentences, sentence);
    if (actor !== null) carried = { paragraph: s.paragraph, actor };
    const words = text.slice(q.start, q.end).split(/\s+/).filter(Boolean).length;
    if (words < MIN_QUOTE_WORDS) continue;
    quotes.push({
      text: text.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      speaker: actor === null ? null : (ctx.names[actor] ?? null),
      sentence,
    });
  }
  return quotes;
}

function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function insideAnyQuote(ctx: Context, offset: number): boolean {
  return ctx.quoteSpans.some((q) => offset >= q.start - 1 && offset <= q.end + 1);
}

/** Tokens of the sentence outside every quotation, in order. */
function cueTokens(ctx: Context, from: number, to: number): Token[] {
  return ctx.tokens.filter((t) => t.start >= from && t.end <= to && !insideAnyQuote(ctx, t.start));
}

function attribute(ctx: Context, q: QuoteSpan, s: Sentence): number | null {
  const nextQuote = ctx.quoteSpans.find((o) => o.start > q.end && o.start < s.end);
  const after = cueTokens(ctx, q.end, nextQuote ? nextQuote.start : s.end).slice(0, 8);
  const fromAfter = speakerAfterQuote(ctx, after);
  if (fromAfter !== null) return fromAfter;
  const before = cueTokens(ctx, s.start, q.start);
  const fromBefore = subjectOfSpeech(ctx, before);
  if (fromBefore !== null) return fromBefore;
  return subjectOfSpeech(ctx, cueTokens(ctx, s.start, s.end));
}

/** The speaker of reported speech in the sentence ("X said that …", "…, he said"), if any. */
function subjectOfSpeech(ctx: Context, tokens: Token[]): number | null {
  let firstVerb = true;
  for (let v = 0; v < tokens.length; v++) {
    const t = tokens[v]!;
    if (!SPEECH_VERBS.has(t.lower) || t.tags.has('Noun')) continue;
    if (firstVerb) {
      // The clause subject: the first person named before the first speech verb.
      for (let i = 0; i < v; i++) {
        const p = personAt(ctx, tokens[i]!);
        if (p !== null) return p;
      }
      firstVerb = false;
    }
    const near = speakerNearVerb(ctx, tokens, v);
    if (near !== null) return near;
  }
  return null;
}

/** A person name or pronoun within a few tokens of the speech verb at `verbAt`. */
function speakerNearVerb(ctx: Context, tokens: Token[], verbAt: number): number | null {
  const window = tokens.slice(Math.max(0, verbAt - 4), verbAt + 4);
  for (const t of window) {
    const p = personAt(ctx, t);
    if (p !== null) return p;
  }
  return null;
}

/** In the few tokens after a quote: "McCallum revealed", "he said", "said Smith". */
function speakerAfterQuote(ctx: Context, tokens: Token[]): number | null {
  const verbAt = tokens.findIndex((t, i) => i < 5 && SPEECH_VERBS.has(t.lower));
  return verbAt < 0 ? null : speakerNearVerb(ctx, tokens, verbAt);
}

/** The actor a token names or, for he/she, the last named person of a fitting gender. */
function personAt(ctx: Context, t: Token): number | null {
  const named = ctx.persons.find((p) => p.start === t.start);
  if (named) return named.actor;
  if (!PERSON_PRONOUNS.has(t.lower)) return null;
  const wanted: Gender = t.lower === 'she' || t.lower === 'her' ? 'female' : 'male';
  for (let i = ctx.persons.length - 1; i >= 0; i--) {
    const p = ctx.persons[i]!;
    if (p.start < t.start && (p.gender === wanted || p.gender === 'unknown')) return p.actor;
  }
  return null;
}

/** A stand-alone quote right after "… he said that …" in the same paragraph belongs to him. */
function attributeFromEarlierSentence(
  ctx: Context,
  sentences: Sentence[],
  index: number,
): number | null {
  const s = sentences[index]!;
  const prev = sentences[index - 1];
  if (!prev || prev.paragraph !== s.paragraph) return null;
  return subjectOfSpeech(ctx, cueTokens(ctx, prev.start, prev.end));
}
