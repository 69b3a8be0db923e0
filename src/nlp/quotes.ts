import { type ActorDraft, canonicalName, type Gender, inDateline } from './actors.ts';
import { PERSON_PRONOUNS, SPEECH_VERBS, TITLE_WORDS } from './lexicon.ts';
import type { Quote, Sentence } from './model.ts';
import type { NameSpan } from './names.ts';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.ts';
import { breaksAfter, type Token } from './tokens.ts';

/**
 * Direct quotes and who said them. In order of trust: a cue after the quote in its sentence
 * (“…,” McCallum revealed / he said / said Smith), a cue before it (X said: “…”, X stated …
 * telling him that “…”), any attribution in the sentence, then the speaker carried from the
 * paragraph (a quote that stands alone, or reopens a quotation from the paragraph before).
 * Pronouns resolve to the last named person of a fitting gender.
 */

/** Quotes shorter than this are left out; one-word scare quotes still count as quoted speech. */
const MIN_QUOTE_WORDS = 1;

interface SpeakerMention {
  start: number;
  end: number;
  actor: number;
  person: boolean;
  /** Countries and cities speak only as the subject of a speech verb ("Japan said …"). */
  place: boolean;
  sentence: number;
  /** The first person named in its sentence: what a later "he" most likely points back to. */
  subject: boolean;
  gender: Gender;
}

interface Context {
  tokens: Token[];
  /** Per token: does it lie inside a quotation? */
  quoted: boolean[];
  speakers: SpeakerMention[];
  speakerAt: Map<number, SpeakerMention>;
  names: string[];
  quoteSpans: QuoteSpan[];
  /** Per paragraph: the actor named by a transcript label ("PENCE: …"), if any. */
  labels: Map<number, number | string>;
  text: string;
  drafts: ActorDraft[];
}

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
  const ctx: Context = {
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
  let carried: { paragraph: number; actor: number | string | null } = {
    paragraph: -1,
    actor: null,
  };
  for (const q of quoteSpans) {
    const sentence = sentenceIndexAt(sentences, q.start);
    const s = sentences[sentence];
    if (!s) continue;
    let actor: number | string | null =
      ctx.labels.get(s.paragraph) ?? attribute(ctx, sentences, q, s);
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
): Map<number, number | string> {
  const labels = new Map<number, number | string>();
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
function cueTokens(ctx: Context, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = firstTokenAt(ctx.tokens, from); i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (t.end > to) break;
    if (!ctx.quoted[i]) out.push(t);
  }
  return out;
}

type Speaker = number | string;

function attribute(ctx: Context, sentences: Sentence[], q: QuoteSpan, s: Sentence): Speaker | null {
  const dashed = dashAttribution(ctx, q);
  if (dashed !== null) return dashed;
  // The cue after a quote belongs to the sentence the quote ends in ("… heads. … ,” said X").
  const endSentence = sentences[sentenceIndexAt(sentences, q.end)] ?? s;
  const nextQuote = ctx.quoteSpans.find((o) => o.start > q.end);
  const stop = nextQuote && nextQuote.start < endSentence.end ? nextQuote.start : endSentence.end;
  const fromAfter = speakerAfterQuote(ctx, cueTokens(ctx, q.end, stop).slice(0, 8));
  if (fromAfter !== null) return fromAfter;
  const before = cueTokens(ctx, s.start, q.start);
  const possessor = speechPossessor(ctx, before.slice(-10));
  if (possessor !== null) return possessor;
  const fromBefore = subjectOfSpeech(ctx, before);
  if (fromBefore !== null) return fromBefore;
  const fromSentence = subjectOfSpeech(ctx, cueTokens(ctx, s.start, endSentence.end));
  if (fromSentence !== null) return fromSentence;
  return clauseSubject(ctx, before);
}

/** "“…” ― Jane Roe" or "“…” - Jane Roe, teacher": the name after a dash signs the quote. */
function dashAttribution(ctx: Context, q: QuoteSpan): Speaker | null {
  const m = /^[”"’]?[,.]?\s*[―—–-]{1,2}\s*((?:\p{Lu}[\p{L}.’'-]*\s?){1,4})/u.exec(
    ctx.text.slice(q.end, q.end + 80),
  );
  if (!m) return null;
  const name = m[1]!.trim();
  return resolveName(ctx, name);
}

/** A loose name string → the person actor with that surname, else the name itself. */
function resolveName(ctx: Context, name: string): Speaker {
  const last = name.split(/\s+/).at(-1)!.toLowerCase();
  const actor = ctx.drafts.findIndex(
    (d, i) => d.type === 'person' && ctx.names[i]!.toLowerCase().split(' ').at(-1) === last,
  );
  return actor >= 0 ? actor : name;
}

/** Nouns for something said: whose claim, whose words. */
const SPEECH_NOUNS = new Set([
  'claim',
  'claims',
  'statement',
  'statements',
  'remark',
  'remarks',
  'comment',
  'comments',
  'assertion',
  'words',
  'tweet',
  'tweets',
  'promise',
  'pledge',
  'warning',
  'accusation',
  'message',
  'speech',
  'argument',
  'suggestion',
  'description',
  'insistence',
  'boast',
  'vow',
  'quip',
  'answer',
  'response',
  'reply',
  'testimony',
  'charge',
]);

/** "Donald Trump’s claim that “…”": the owner of the words said them. */
function speechPossessor(ctx: Context, tokens: Token[]): Speaker | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (!SPEECH_NOUNS.has(t.lower)) continue;
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const owner = tokens[k]!;
      if (!owner.possessive) continue;
      const m = [...ctx.speakerAt.values()].find((x) => x.end === owner.end);
      if (m && !m.place) return m.actor;
    }
  }
  return null;
}

/** Without a speech verb, the subject of the clause around a partial quote: "X called Y “…”". */
function clauseSubject(ctx: Context, tokens: Token[]): Speaker | null {
  // A sentence that opens with a name (after any title) has it as its subject.
  const opening = tokens.findIndex((t) => !TITLE_WORDS.has(t.lower) && !t.tags.has('Determiner'));
  const first = tokens[opening];
  if (first) {
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
    const next = tokens.slice(i + 1, i + 5).find((t) => t.start >= m.end);
    if (next && isVerb(next)) return m.actor;
  }
  return null;
}

function isVerb(t: Token): boolean {
  return t.tags.has('Verb') && !t.tags.has('Gerund');
}

/** The speaker of reported speech in the tokens ("X said that …", "…, he said"), if any. */
function subjectOfSpeech(ctx: Context, tokens: Token[]): Speaker | null {
  let firstVerb = true;
  for (let v = 0; v < tokens.length; v++) {
    const t = tokens[v]!;
    if (!SPEECH_VERBS.has(t.lower) || (t.tags.has('Noun') && !t.tags.has('Verb'))) continue;
    if (firstVerb) {
      // The clause subject: a person right before the verb ("…, James Cleverly, stated"),
      // else the first speaker named before it outside an opening phrase such as
      // "In a Bloomberg interview" or "At a breakfast with the Texas delegation".
      for (let i = v - 1; i >= Math.max(0, v - 3); i--) {
        const p = speakerAt(ctx, tokens[i]!, true, tokens[i - 1]);
        if (p !== null) return p;
      }
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
  return null;
}

/** Is token i inside a sentence-opening prepositional phrase ("During a May interview on CNBC,")? */
function inOpeningPhrase(tokens: Token[], i: number): boolean {
  const first = tokens[0];
  if (!first?.tags.has('Preposition') || first.lower === 'according') return false;
  for (let k = 0; k < i; k++) if (breaksAfter(tokens[k]!)) return false;
  // Without a comma, the phrase ends at the first name after its noun: "In a Bloomberg interview Trump".
  return !tokens
    .slice(1, i)
    .some((t) => t.tags.has('Noun') && !t.tags.has('ProperNoun') && /^\p{Ll}/u.test(t.word));
}

/** A name or pronoun within a few tokens of the speech verb at `verbAt`: people first, nearest first. */
function speakerNearVerb(ctx: Context, tokens: Token[], verbAt: number): Speaker | null {
  // "said Caddell": a name right after the verb, even one the recogniser missed.
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

/** Capitalised proper-noun words at `i` that no recognised place or organisation covers. */
function looseNameAt(ctx: Context, tokens: Token[], i: number): Speaker | null {
  const first = tokens[i];
  if (!first) return null;
  const known = ctx.speakerAt.get(first.start);
  if (known) return known.person ? known.actor : null;
  if (
    !/^\p{Lu}\p{Ll}/u.test(first.word) ||
    !first.tags.has('ProperNoun') ||
    TITLE_WORDS.has(first.lower)
  )
    return null;
  if (first.tags.has('Place') || first.tags.has('Organization')) return null;
  let end = i;
  while (tokens[end + 1] && /^\p{Lu}/u.test(tokens[end + 1]!.word) && !breaksAfter(tokens[end]!))
    end++;
  return resolveName(
    ctx,
    tokens
      .slice(i, end + 1)
      .map((t) => t.word)
      .join(' '),
  );
}

/** Right after a quote: "McCallum revealed", "he said", "said Smith", "Blige sings". */
function speakerAfterQuote(ctx: Context, tokens: Token[]): Speaker | null {
  const first = tokens[0];
  const named = first
    ? (speakerAt(ctx, first, false, undefined, true) ?? looseNameAt(ctx, tokens, 0))
    : null;
  if (first && named !== null) {
    // "…,” NAME/he VERB": whoever stands right after the quote, before a verb, said it.
    const next = tokens.find((t) => t.start > first.start && !/^\p{Lu}/u.test(t.word));
    if (next && isVerb(next)) return named;
  }
  const verbAt = tokens.findIndex((t, i) => i < 4 && SPEECH_VERBS.has(t.lower));
  return verbAt < 0 ? null : speakerNearVerb(ctx, tokens, verbAt);
}

/** How many sentences back a pronoun looks for a subject before settling for the nearest name. */
const PRONOUN_REACH = 3;

/** Prepositions before an organisation that make it a venue ("said on Fox News"), not a speaker. */
const VENUE_PREPOSITIONS = new Set(['on', 'to', 'in', 'at', 'with', 'for', 'by', 'from', 'of']);

/**
 * The actor a token names or, for he/she, the last named person of a fitting gender.
 * `peopleOnly` leaves organisations out; an organisation after a preposition is never a speaker.
 */
function speakerAt(
  ctx: Context,
  t: Token,
  peopleOnly = false,
  prev?: Token,
  asSubject = false,
): number | null {
  const named = ctx.speakerAt.get(t.start);
  if (named) {
    if (named.place && !asSubject) return null;
    if (named.person) return named.actor;
    if (peopleOnly || (prev && VENUE_PREPOSITIONS.has(prev.lower))) return null;
    return named.actor;
  }
  if (!PERSON_PRONOUNS.has(t.lower)) return null;
  const wanted: Gender = t.lower === 'she' || t.lower === 'her' ? 'female' : 'male';
  const fits = (p: SpeakerMention): boolean =>
    p.person && p.start < t.start && (p.gender === wanted || p.gender === 'unknown');
  // Prefer a recent subject (within the last few sentences) over any later mention.
  let nearest: SpeakerMention | undefined;
  for (let i = ctx.speakers.length - 1; i >= 0; i--) {
    const p = ctx.speakers[i]!;
    if (!fits(p)) continue;
    nearest ??= p;
    if (t.sentence - p.sentence > PRONOUN_REACH) break;
    if (p.subject) return p.actor;
  }
  return nearest ? nearest.actor : null;
}

/** A stand-alone quote right after "… he said that …" in the same paragraph belongs to him. */
function attributeFromEarlierSentence(
  ctx: Context,
  sentences: Sentence[],
  index: number,
): Speaker | null {
  const s = sentences[index]!;
  const prev = sentences[index - 1];
  if (!prev || prev.paragraph !== s.paragraph) return null;
  return subjectOfSpeech(ctx, cueTokens(ctx, prev.start, prev.end));
}
