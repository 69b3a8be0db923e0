import type { Quote, Sentence } from '../model/analysis.ts';
import { type ActorDraft, canonicalName, inDateline } from './actors.ts';
import type { NameSpan } from './names.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.ts';
import {
  attribute,
  attributeFromEarlierSentence,
  type Speaker,
  type SpeakerContext,
  type SpeakerMention,
  sentenceIndexAt,
} from './speakers.ts';
import type { Token } from './text/tokens.ts';

/**
 * Direct quotes and who said them: the quoted passages (quote-spans.ts), each attributed by
 * speakers.ts, or given the speaker carried from its paragraph (a quote that stands alone, or
 * reopens a quotation from the paragraph before), or the speaker a transcript label names.
 */
/** Quotes shorter than this are left out; one-word scare quotes still count as quoted speech. */
const MIN_QUOTE_WORDS = 1;

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
  spans.forEach((s, k) => {
    const d = drafts[actorOf[k]!]!;
    const sentence = sentenceOfToken.get(s.start) ?? -1;
    // The first person named in a sentence is most often its subject.
    const subject = d.type === 'person' && !subjects.has(sentence) && !inDateline(tokens, s.first);
    if (subject) subjects.add(sentence);
    speakers.push({
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
  const quoteSpans = findQuoteSpans(text);
  const names = drafts.map(canonicalName);
  const ctx: SpeakerContext = {
    tokens,
    quoted: markQuoted(tokens, quoteSpans),
    speakers,
    speakerAt: new Map(speakers.map((m) => [m.start, m])),
    names,
    quoteSpans,
    labels: transcriptLabels(text, sentences, drafts, names),
    text,
    drafts,
  };

  const quotes: Quote[] = [];
  let carried: { paragraph: number; actor: Speaker | null } = {
    paragraph: -1,
    actor: null,
  };
  for (const q of quoteSpans) {
    const sentence = sentenceIndexAt(sentences, q.start);
    const s = sentences[sentence];
    if (!s) continue;
    let actor: Speaker | null = ctx.labels.get(s.paragraph) ?? attribute(ctx, sentences, q, s);
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
    const speaker =
      actor === null ? null : typeof actor === 'string' ? actor : (names[actor] ?? null);
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

/** Interview transcripts: a paragraph opening "NAME:" is that person speaking. */
function transcriptLabels(
  text: string,
  sentences: Sentence[],
  drafts: ActorDraft[],
  names: string[],
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
    const actor = drafts.findIndex(
      (d, i) => d.type === 'person' && names[i]!.toLowerCase().split(' ').at(-1) === last,
    );
    if (actor >= 0) labels.set(paragraph, actor);
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
