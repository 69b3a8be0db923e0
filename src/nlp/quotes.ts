import type { Quote, Sentence } from '../model/analysis.ts';
import { LIMITS } from '../model/limits.ts';
import type { ActorDraft } from './actor-draft.ts';
import { canonicalName, inDateline } from './actors.ts';
import { afterMainVerb } from './main-clause.ts';
import type { NameSpan } from './name-span.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.ts';
import { documentsByPeople } from './speaker-documents.ts';
import { speakerIndexes } from './speaker-index.ts';
import { fullOrganisationName } from './speaker-org.ts';
import { inAny, signOffLines } from './speaker-signoff.ts';
import { statementIssuer } from './speaker-statements.ts';
import { embeddedTerm, namesSomething } from './speaker-terms.ts';
import {
  attribute,
  attributeFromEarlierSentence,
  type Speaker,
  type SpeakerContext,
  type SpeakerMention,
  sentenceIndexAt,
  speakerOfSentence,
} from './speakers.ts';
import { breaksAfter, type Token } from './text/tokens.ts';

/**
 * Direct quotes and who said them: the quoted passages (quote-spans.ts), each attributed by
 * speakers.ts, or given the speaker carried from its paragraph (a quote that stands alone, or
 * reopens a quotation from the paragraph before), or the speaker a transcript label names.
 */
/** Quotes shorter than this are left out; one-word scare quotes still count as quoted speech. */
const MIN_QUOTE_WORDS = 1;
/** A US party letter and a state: "D-Ore", "R-N.Y.", "I-Vt". */
const PARTY_TAG = /^[DRI]-\p{Lu}[\p{L}.]*$/u;

export function findQuotes(
  text: string,
  sentences: Sentence[],
  tokens: Token[],
  spans: NameSpan[],
  actorOf: number[],
  drafts: ActorDraft[],
): Quote[] {
  const speakers: SpeakerMention[] = [];
  const sentenceOfToken = new Map(tokens.map((t) => [t.start, t.sentence]));
  const subjects = new Set<number>();
  const quoteSpans = findQuoteSpans(text);
  const inQuote = insideQuotes(outermost(quoteSpans));
  const signOffs = signOffLines(text);
  spans.forEach((s, k) => {
    // A party tag ("Mara Quist (D-Ore.)", "Quist, R-Portline,") names no one.
    if (PARTY_TAG.test(text.slice(s.start, s.end))) return;
    if (inAny(signOffs, s.start)) return;
    // "MARROWBY, June 4 -": a dateline says where the story was filed; it never speaks.
    if (inDateline(tokens, s.first)) return;
    const d = drafts[actorOf[k]!]!;
    const sentence = sentenceOfToken.get(s.start) ?? -1;
    // A name inside quoted words is talked about, not talking: never a pronoun's antecedent.
    const quoted = inQuote(s.start);
    // The first person named in a sentence, outside its quotes, is most often its subject.
    const subject =
      d.type === 'person' &&
      !quoted &&
      !subjects.has(sentence) &&
      !inOpeningPhrase(tokens, s.first) &&
      !afterPronoun(tokens, s.first, inQuote) &&
      // "Moore's film may have …": an owner is not what the sentence is about.
      !tokens[s.last]?.possessive &&
      !afterMainVerb(tokens, s.first);
    if (subject) subjects.add(sentence);
    speakers.push({
      quoted,
      start: s.start,
      end: s.end,
      actor: actorOf[k]!,
      person: d.type === 'person',
      place: d.type === 'place',
      gender: d.gender,
      sentence,
      subject,
    });
  });
  const names = drafts.map(canonicalName);
  const indexes = speakerIndexes(speakers, drafts, names);
  const quoted = markQuoted(tokens, quoteSpans);
  const ctx: SpeakerContext = {
    tokens,
    quoted,
    speakers,
    ...indexes,
    describedOrganisations: documentsByPeople({ tokens, quoted, speakerAt: indexes.speakerAt }),
    names,
    quoteSpans,
    narrativeBefore: narrativeBefore(tokens, quoted, sentences.length),
    labels: transcriptLabels(text, sentences, indexes.personByLastName),
    text,
    drafts,
  };

  const paragraphStart = firstSentenceStarts(sentences);
  const quotes: Quote[] = [];
  let carried: { paragraph: number; sentence: number; actor: Speaker | null } = {
    paragraph: -1,
    sentence: -1,
    actor: null,
  };
  for (let k = 0; k < quoteSpans.length; k++) {
    const found = quoteSpans[k]!;
    const sentence = sentenceIndexAt(sentences, found.start);
    const s = sentences[sentence];
    if (!s) continue;
    // A transcript label inside the quote ("“QUIST: Well, …”") names the speaker, and is no
    // part of what was said.
    const label = labelInQuote(text, found, indexes.personByLastName);
    const q = label ? { ...found, start: label.start } : found;
    const naming = namesSomething(text, q);
    let actor: Speaker | null = naming
      ? null
      : (label?.speaker ??
        ctx.labels.get(s.paragraph) ??
        statementIssuer(text, sentences, sentence, (k) => speakerOfSentence(ctx, sentences, k)) ??
        attribute(ctx, sentences, q, s));
    // A term in running text takes a speaker only from its own sentence.
    const term = naming || embeddedTerm(text, q);
    // “Never.” “Not while I run the port,” said Quist: one speaker for quotes side by side.
    if (actor === null && !term) actor = attributeAhead(ctx, sentences, quoteSpans, k);
    // "“Perpetual motion!” Rep. Ivo Tamm said of …": a cue the splitter put in a sentence of its own.
    if (actor === null && !term && /[!?]["”]?\s*$/u.test(text.slice(q.end - 1, q.end + 1)))
      actor = cueAfterExclamation(ctx, sentences, q);
    const sameParagraph = carried.paragraph === s.paragraph;
    // A paragraph that opens with an unattributed quote continues the previous paragraph's
    // speaker: news style reopens a quotation, or follows a speaker with more of their words.
    const opensParagraph = s.start === paragraphStart.get(s.paragraph) && q.start - s.start <= 1;
    const reopens = (q.continued || opensParagraph) && carried.paragraph === s.paragraph - 1;
    // "X said: “…” Y said that … “…”": a speech cue in the sentence right before is nearer
    // than the speaker carried from further back.
    if (actor === null && !term && sameParagraph && carried.sentence < sentence - 1)
      actor = speakerOfSentence(ctx, sentences, sentence - 1);
    if (actor === null && !term && (sameParagraph || reopens)) actor = carried.actor;
    if (actor === null && !term)
      actor = attributeFromEarlierSentence(ctx, sentences, sentence, opensParagraph);
    // A run of quote paragraphs with its cue on the last: “…” ¶ “…,” said Quist.
    if (actor === null && !term && (opensParagraph || opensLine(text, q)))
      actor = attributeAhead(ctx, sentences, quoteSpans, k, true);
    if (actor !== null) carried = { paragraph: s.paragraph, sentence, actor };
    // Too long to show (a whole pasted chapter between two marks): attributed, so the
    // speaker carries on, but not a quote.
    if (q.end - q.start > LIMITS.quoteChars) continue;
    const words = text.slice(q.start, q.end).split(/\s+/).filter(Boolean).length;
    if (words < MIN_QUOTE_WORDS) continue;
    const speaker =
      actor === null
        ? null
        : typeof actor === 'string'
          ? actor
          : speakerName(text, sentences, q, s, actor, drafts, names);
    quotes.push({
      text: text.slice(q.start, q.end),
      start: q.start,
      end: q.end,
      speaker,
      sentence,
    });
  }
  return quotes;
}

/** Per sentence, the number of sentences before it with a word outside quotes. */
function narrativeBefore(tokens: Token[], quoted: boolean[], sentences: number): number[] {
  const narrative = new Array<boolean>(sentences).fill(false);
  tokens.forEach((t, i) => {
    if (!quoted[i] && t.sentence >= 0) narrative[t.sentence] = true;
  });
  const before: number[] = [];
  let n = 0;
  for (let s = 0; s < sentences; s++) {
    before.push(n);
    if (narrative[s]) n++;
  }
  return before;
}

/** The speaker of the sentence right after a quote ending in "!" or "?", when it opens there. */
function cueAfterExclamation(
  ctx: SpeakerContext,
  sentences: Sentence[],
  q: QuoteSpan,
): Speaker | null {
  const index = sentenceIndexAt(sentences, q.end);
  const next = sentences[index + 1];
  if (!next || !/^[\s"”’]*$/u.test(ctx.text.slice(q.end, next.start))) return null;
  if (ctx.text.slice(q.end, next.start).includes('\n')) return null;
  return speakerOfSentence(ctx, sentences, index + 1);
}

/** How far back a sentence-opening phrase is looked for: longer ones are rare. */
const OPENING_PHRASE_TOKENS = 30;

/**
 * Is token i in a phrase opening its sentence before any comma ("At a dinner hosted by Edda
 * Rask on Friday, he said …")? A name there is where or with whom, not the subject.
 */
function inOpeningPhrase(tokens: Token[], i: number): boolean {
  const sentence = tokens[i]?.sentence;
  for (let k = i - 1; k >= 0 && i - k <= OPENING_PHRASE_TOKENS; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || breaksAfter(t)) return false;
    const prev = tokens[k - 1];
    if (!prev || prev.sentence !== sentence)
      return t.tags.has('Preposition') && t.lower !== 'according';
  }
  return false;
}

/** Does "he" or "she" (outside quotes) come before token i in its sentence ("He said X was …")? */
function afterPronoun(tokens: Token[], i: number, inQuote: (offset: number) => boolean): boolean {
  const sentence = tokens[i]?.sentence;
  for (let k = i - 1; k >= 0 && i - k <= OPENING_PHRASE_TOKENS; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) return false;
    if (SUBJECT_PRONOUNS.has(t.lower) && !inQuote(t.start)) return true;
  }
  return false;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she']);

/** How many quotes side by side one cue after the last of them may speak for. */
const SIDE_BY_SIDE = 4;

/**
 * The speaker of the quotes that follow quote k with nothing but marks and spaces between:
 * in its line, or, for a quote opening its paragraph, in the paragraphs that follow.
 */
function attributeAhead(
  ctx: SpeakerContext,
  sentences: Sentence[],
  spans: QuoteSpan[],
  k: number,
  acrossParagraphs = false,
): Speaker | null {
  let end = spans[k]!.end;
  for (let j = k + 1; j < spans.length && j <= k + SIDE_BY_SIDE; j++) {
    const next = spans[j]!;
    if (next.start < end) continue; // nested in the one before
    if (!/^[\s"“”‘’.,!?…]*$/u.test(ctx.text.slice(end, next.start))) return null;
    if (!acrossParagraphs && ctx.text.slice(end, next.start).includes('\n')) return null;
    const s = sentences[sentenceIndexAt(sentences, next.start)];
    const who = s ? attribute(ctx, sentences, next, s) : null;
    if (who !== null) return who;
    end = next.end;
  }
  return null;
}

/** An actor's name as a speaker: an organisation's in full as this sentence writes it. */
function speakerName(
  text: string,
  sentences: Sentence[],
  q: QuoteSpan,
  s: Sentence,
  actor: number,
  drafts: ActorDraft[],
  names: string[],
): string | null {
  const name = names[actor];
  if (name === undefined || drafts[actor]?.type !== 'organization') return name ?? null;
  const end = sentences[sentenceIndexAt(sentences, q.end)]?.end ?? s.end;
  return fullOrganisationName(text, s.start, end, name);
}

/** The quotes no other quote holds (a quote nested in another comes after it, by start). */
function outermost(spans: QuoteSpan[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (const q of spans) if (!(out.length > 0 && q.end <= out.at(-1)!.end)) out.push(q);
  return out;
}

/** Does an offset lie inside a quote? (Quotes are in order and do not overlap.) */
function insideQuotes(spans: QuoteSpan[]): (offset: number) => boolean {
  return (offset) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    const q = spans[lo];
    return !!q && offset >= q.start;
  };
}

/** Does the quote open its line (copy that sets one paragraph a line)? */
function opensLine(text: string, q: QuoteSpan): boolean {
  return /(?:^|\n)[ \t]*["“‘]?$/u.test(text.slice(Math.max(0, q.start - 4), q.start));
}

/** The start of each paragraph's first sentence. */
function firstSentenceStarts(sentences: Sentence[]): Map<number, number> {
  const starts = new Map<number, number>();
  for (const s of sentences) if (!starts.has(s.paragraph)) starts.set(s.paragraph, s.start);
  return starts;
}

function markQuoted(tokens: Token[], spans: QuoteSpan[]): boolean[] {
  const quoted: boolean[] = new Array<boolean>(tokens.length).fill(false);
  let k = 0;
  tokens.forEach((t, i) => {
    while (k < spans.length && spans[k]!.end < t.start) k++;
    const q = spans[k];
    quoted[i] = !!q && t.start >= q.start - 1 && t.start <= q.end;
  });
  return quoted;
}

/** An all-capitals speaker label opening a quote: where the words start, and whose they are. */
function labelInQuote(
  text: string,
  q: QuoteSpan,
  personByLastName: Map<string, number>,
): { start: number; speaker: Speaker } | null {
  const m = /^((?:\p{Lu}[\p{Lu}.’'-]+\s){0,2}\p{Lu}[\p{Lu}’'-]+):\s+/u.exec(
    text.slice(q.start, Math.min(q.end, q.start + 60)),
  );
  if (!m || q.start + m[0].length >= q.end) return null;
  const last = m[1]!.toLowerCase().split(' ').at(-1)!;
  return {
    start: q.start + m[0].length,
    speaker: personByLastName.get(last) ?? titleCase(m[1]!),
  };
}

/** Interview transcripts: a paragraph opening "NAME:" is that person speaking. */
function transcriptLabels(
  text: string,
  sentences: Sentence[],
  personByLastName: Map<string, number>,
): Map<number, Speaker> {
  const labels = new Map<number, Speaker>();
  let paragraph = -1;
  for (const s of sentences) {
    if (s.paragraph === paragraph) continue;
    paragraph = s.paragraph;
    const m = /^["“]?((?:\p{Lu}[\p{L}.’'-]*\s){0,3}\p{Lu}[\p{L}.’'-]*):\s/u.exec(
      text.slice(s.start, s.start + 60),
    );
    if (!m) continue;
    const label = m[1]!.toLowerCase();
    const last = label.split(' ').at(-1)!;
    const actor = personByLastName.get(last);
    if (actor !== undefined) labels.set(paragraph, actor);
    else if (/^\p{Lu}+$/u.test(m[1]!.split(' ').at(-1) ?? ''))
      labels.set(paragraph, titleCase(m[1]!));
  }
  return labels;
}

function titleCase(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
