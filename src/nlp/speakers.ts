import type { Sentence } from '../model/analysis.ts';
import { type QuoteSpan, quoteEndingBefore, quoteStartingAfter } from './quote-spans.ts';
import { describedBodyNear } from './speaker-bodies.ts';
import {
  blamedFor,
  colonLabel,
  inOpeningPhrase,
  inRelativeClause,
  insideOpeningSubordinate,
  longNameBefore,
  ownClause,
  passiveAgent,
  speaksFor,
  subjectBeforeApposition,
} from './speaker-clauses.ts';
import type { Speaker, SpeakerContext } from './speaker-context.ts';
import { cueSentenceAfter } from './speaker-cue-sentence.ts';
import { cueTokens } from './speaker-cue-tokens.ts';
import { issuerBefore } from './speaker-documents.ts';
import { insertedCueSpeaker } from './speaker-inserted.ts';
import {
  isBodyOwnerAt,
  isOwnerAt,
  sentenceSubject,
  speakerAt,
  VENUE_PREPOSITIONS,
} from './speaker-mentions.ts';
import { dashAttribution, looseNameAt, looseNameBefore } from './speaker-names.ts';
import { speakerNearVerb } from './speaker-near-verb.ts';
import {
  mainClauseSubject,
  participleClause,
  withParticipleSpeaker,
} from './speaker-participles.ts';
import { ownedPersonAt, speechPossessor } from './speaker-possessor.ts';
import { relayedSpeaker } from './speaker-relayed.ts';
import { personTitledAt } from './speaker-titled.ts';
import {
  inOpeningSubordinate,
  isSpeechVerbAt,
  isVerb,
  opensParticiplePhrase,
} from './speaker-verbs.ts';
import { verdictOf } from './speaker-verdicts.ts';
import { PERSON_PRONOUNS, SUBORDINATORS, TITLE_WORDS } from './text/lexicon.ts';
import { firstIndexWhere } from './text/sorted.ts';
import type { Token } from './text/tokens.ts';

export type { Speaker, SpeakerContext, SpeakerMention } from './speaker-context.ts';

/**
 * Who said a quote, read from the words around it: a cue after the quote in its sentence
 * (“…,” Quist revealed / he said / said Smith / ― Jane Roe), a cue before it (X said: “…”,
 * X stated … telling him that “…”, X’s claim that “…”), any attribution in the sentence, then
 * the sentence's subject. Pronouns resolve to a recent subject of a fitting gender.
 */
/**
 * Attribution reads at most this many characters either side of a quote within its sentence:
 * far more than a news sentence holds, and it keeps a run-on "sentence" with thousands of
 * quotes from costing the square of its length.
 */
const CUE_REACH = 1000;

export function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  return Math.max(0, firstIndexWhere(sentences, (s) => s.start <= offset) - 1);
}

export function attribute(
  ctx: SpeakerContext,
  sentences: Sentence[],
  q: QuoteSpan,
  s: Sentence,
): Speaker | null {
  const dashed = dashAttribution(ctx, q);
  if (dashed !== null) return dashed;
  // The cue after a quote belongs to the sentence the quote ends in ("… heads. … ,” said X").
  const endAt = sentenceIndexAt(sentences, q.end);
  const cueSentence = cueSentenceAfter(ctx.text, sentences, q, endAt) ?? s;
  const end = Math.min(cueSentence.end, q.end + CUE_REACH);
  const start = Math.max(s.start, q.start - CUE_REACH);
  const nextQuote = quoteStartingAfter(ctx.quoteSpans, q.end);
  const stop = nextQuote && nextQuote.start < end ? nextQuote.start : end;
  const cue = cueTokens(ctx, q.end, stop);
  let after = cue.slice(0, 8);
  // "X dismissed it as “…”, while Y said …": a contrasting clause after the quote has a
  // subject of its own, so the quote's cue ends where it starts.
  const contrast = after.findIndex((t, i) => i < 2 && CONTRAST.has(t.lower));
  const clauseEnd = contrast < 0 ? end : after[contrast]!.start;
  if (contrast >= 0) after = [];
  const sentenceBefore = cueTokens(ctx, start, q.start);
  const own = ownClause(sentenceBefore);
  // A quote inside an opening subordinate clause is that clause's; the main clause's cue
  // after it is not.
  const subordinate = insideOpeningSubordinate(own);
  if (subordinate) after = [];
  const before = subordinate ?? own;
  const main = participleClause(before);
  const relayed =
    insertedCueSpeaker(ctx, [...sentenceBefore, ...cue]) ??
    relayedSpeaker(ctx, cue) ??
    relayedSpeaker(ctx, before) ??
    withParticipleSpeaker(ctx, before) ??
    (main && (subjectOfSpeech(ctx, main) ?? mainClauseSubject(ctx, main)));
  if (relayed !== null) return relayed;
  const agent = agentAfterQuote(ctx, before, after) ?? verdictOf(ctx, after);
  if (agent !== null) return agent;
  // "in a clip that Judge Axeby called “…,” Torvell expressed …": a name after the quote
  // with a verb that is not one of saying starts the next clause when the quote has a cue.
  const closes =
    closesClause(ctx.text, q) &&
    !before.some((t, i) => isSpeechVerbAt(before, i) && !t.lower.endsWith('ing'));
  const fromAfter = speakerAfterQuote(ctx, after, closes);
  if (fromAfter !== null && !onlyReported(ctx, q, after, fromAfter)) return fromAfter;
  if (fromAfter !== null) return clauseSubjectPerson(ctx, before) ?? fromAfter;
  // A second quote in the sentence has its own cue between the two ("X called it “…”, even
  // as Y called it “…”"): that is nearer than the sentence's first speaker.
  const previous = quoteEndingBefore(ctx.quoteSpans, q.start);
  if (previous && previous.end > s.start) {
    // "…, but said …" between them: the clause the quote stands in.
    const betweenTokens = ownClause(cueTokens(ctx, previous.end, q.start));
    const between =
      subjectOfSpeech(ctx, betweenTokens) ??
      // A name right after the first quote is a new clause's subject only when that quote
      // closed its clause: not in "says his “old friend” Hale ran “…”".
      (ctx.speakerAt.has(betweenTokens[0]?.start ?? -1) && closesClause(ctx.text, previous)
        ? mainClauseSubject(ctx, betweenTokens)
        : null);
    if (between !== null) return between;
  }
  const colon = colonLabel(ctx, before) ?? colonClauseSpeaker(ctx, before);
  if (colon !== null) return colon;
  const opensLower = /^\p{Ll}/u.test(ctx.text.slice(q.start, q.start + 1));
  const possessor = speechPossessor(ctx.speakerEndingAt, before.slice(-10), opensLower);
  if (possessor !== null) return possessor;
  const fromBefore = subjectOfSpeech(ctx, before);
  if (fromBefore !== null) return fromBefore;
  // "…, while Hale, the former mayor, proposed we “…” and said …": the contrasting clause.
  const ownSubject = own !== sentenceBefore && /^\p{Lu}/u.test(own[0]?.word ?? '');
  const clauseStart = ownSubject ? own[0]!.start : start;
  const fromSentence = subjectOfSpeech(ctx, cueTokens(ctx, clauseStart, clauseEnd));
  if (fromSentence !== null) return fromSentence;
  return clauseSubject(ctx, before);
}

/**
 * "Compared with last year, when Portline predicted a slow start, Hale said: “…”": the clause
 * that ends in a colon right before the quote has a subject of its own, whatever speech verbs
 * the clauses before it hold. Null when that clause names no speaker ("…, Hale, the harbour
 * chief, said:"), or no earlier clause has a speech verb, for the whole sentence to decide.
 */
function colonClauseSpeaker(ctx: SpeakerContext, before: Token[]): Speaker | null {
  const last = before.at(-1);
  if (!last?.post.includes(':')) return null;
  let from = before.length - 1;
  while (from > 0 && !/[,;:—–―]/u.test(before[from - 1]!.post)) from--;
  if (from === 0) return null;
  const clause = before.slice(from);
  // Only a speech verb in an earlier clause can mislead ("Quist, harbour chief, said:" cannot).
  const earlier = before.slice(0, from).some((_, i) => isSpeechVerbAt(before, i));
  if (!earlier) return null;
  if (clause.some((_, i) => isSpeechVerbAt(clause, i))) return subjectOfSpeech(ctx, clause);
  // "When Quist suggested …, Rask fired back: “…”": the main clause's subject answers.
  return SUBORDINATORS.has(before[0]!.lower) ? mainClauseSubject(ctx, clause) : null;
}

/** "… the film, described as “…” by Lelouche": the passive verb's agent after the quote said it. */
function agentAfterQuote(ctx: SpeakerContext, before: Token[], after: Token[]): number | null {
  if (after[0]?.lower !== 'by' || !after[1]) return null;
  const m = ctx.speakerAt.get(after[1].start);
  if (!m?.person) return null;
  return before.slice(-3).some((t) => t.tags.has('Passive') || t.lower === 'as') ? m.actor : null;
}

/** Conjunctions that open a contrasting clause with a subject of its own. */
const CONTRAST = new Set(['while', 'whereas', 'whilst']);

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

/** Without a speech verb, the subject of the clause around a partial quote: "X called Y “…”". */
function clauseSubject(ctx: SpeakerContext, tokens: Token[]): Speaker | null {
  const agent = passiveAgent(ctx, tokens);
  if (agent !== null) return agent;
  // A sentence that opens with a name (after any title) has it as its subject.
  const opening = tokens.findIndex((t) => !TITLE_WORDS.has(t.lower) && !t.tags.has('Determiner'));
  const first = tokens[opening];
  if (first) {
    const titled = personTitledAt(ctx, tokens, opening);
    if (titled !== null) return titled;
    const m = ctx.speakerAt.get(first.start);
    if (m && !m.place && !isBodyOwnerAt(ctx, tokens, opening)) return m.actor;
    // "The magazine specified that …", "He accused the board of …": a description or a
    // pronoun opening the sentence before its verb.
    const verbNext = !!tokens[opening + 1] && isVerb(tokens[opening + 1]!);
    if (!m && /^\p{Ll}/u.test(first.word) && verbNext) {
      const described = speakerAt(ctx, first, false, undefined, true);
      if (described !== null && !PERSON_PRONOUNS.has(first.lower)) return described;
    }
    if (!m && opening === 0 && PERSON_PRONOUNS.has(first.lower) && verbNext) {
      const pronoun = speakerAt(ctx, first);
      if (pronoun !== null) return pronoun;
    }
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

/** The speaker of reported speech in the tokens ("X said that …", "…, he said"), if any. */
function subjectOfSpeech(ctx: SpeakerContext, tokens: Token[]): Speaker | null {
  // "Ashgrove mocked Quist for saying …": the -ing form's speaker, whoever spoke before.
  for (let v = tokens.length - 1; v > 0; v--) {
    const blamed = isSpeechVerbAt(tokens, v) ? blamedFor(ctx, tokens, v) : null;
    if (blamed !== null) return blamed;
  }
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
      // "The Belmoran foreign ministry said": the body as described speaks; "The letter
      // from Ivo Tamm said": who wrote it.
      const body =
        describedBodyNear(ctx.text, tokens, v - 1, -1, 2) ?? issuerBefore(ctx, tokens, v);
      if (body !== null) return body;
      // The clause subject: a person right before the verb ("…, Tomas Verlin, stated"),
      // else the first speaker named before it outside an opening phrase such as
      // "In a Gazette interview" or "At a dinner with the harbour board".
      const apposed = subjectBeforeApposition(ctx, tokens, v);
      if (apposed !== null) return apposed;
      // "…, it said": "it" right before the verb is its subject, whatever was named before.
      if (tokens[v - 1]?.lower === 'it') {
        const it = speakerAt(ctx, tokens[v - 1]!);
        if (it !== null) return it;
      }
      // "… head spokesman Pieter van der Rask told": a long name right before the verb.
      const long = longNameBefore(ctx, tokens, v);
      if (long !== null) return long;
      for (let i = v - 1; i >= Math.max(0, v - 3); i--) {
        // "Quist of Marrowby said", "Quist, speaking in Marrowby, said": a name after a
        // preposition is where, not who.
        // "… by Quist, who said" makes Quist the subject all the same.
        const relative = tokens[v - 1]?.lower === 'who';
        if (!relative && inRelativeClause(tokens, i, v)) continue;
        const prep = tokens[i - 1]?.lower ?? '';
        if ((!relative && VENUE_PREPOSITIONS.has(prep)) || isOwnerAt(ctx, tokens, i)) continue;
        const p = speakerAt(ctx, tokens[i]!, true, tokens[i - 1]);
        if (p !== null) return p;
      }
      const loose = looseNameBefore(ctx, tokens, v);
      if (loose !== null) return loose;
      for (const people of [true, false]) {
        for (let i = 0; i < v; i++) {
          if (inOpeningPhrase(tokens, i) || inRelativeClause(tokens, i, v)) continue;
          // "Belmora's top cleric said": the owner is not who speaks.
          if (isBodyOwnerAt(ctx, tokens, i)) continue;
          // "Officials at the Harbour Board said": they speak for the body they belong to.
          const prev = speaksFor(tokens, i) ? undefined : tokens[i - 1];
          const p = speakerAt(ctx, tokens[i]!, people, prev, true);
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

/** Does the quote end its clause ("“…,” Quist said") rather than run on ("his “friend” Quist ran")? */
function closesClause(text: string, q: QuoteSpan): boolean {
  return /[,.!?;:—–-]["”’'\s]*$/u.test(text.slice(Math.max(q.start, q.end - 2), q.end + 2));
}

/** Right after a quote: "Quist revealed", "he said", "said Smith", "Ashgrove writes". */
function speakerAfterQuote(ctx: SpeakerContext, tokens: Token[], closes: boolean): Speaker | null {
  const first = tokens[0];
  // "X tells the dockers the pier is “unsafe” and says he will …": a second predicate of
  // the subject before the quote, whose speaker that is.
  if (first?.lower === 'and' || first?.lower === 'but') return null;
  const named = first
    ? (ownedPersonAt(ctx, tokens, 0) ??
      personTitledAt(ctx, tokens, 0) ??
      speakerAt(ctx, first, false, undefined, true) ??
      looseNameAt(ctx, tokens, 0))
    : null;
  if (first && named !== null) {
    // "…,” NAME/he VERB": whoever stands right after the quote, before a verb, said it.
    const at = tokens.findIndex((t) => t.start > first.start && !/^\p{Lu}/u.test(t.word));
    const next = tokens[at];
    if (next && isVerb(next) && (closes || isSpeechVerbAt(tokens, at))) return named;
  }
  const verbAt = tokens.findIndex((_, i) => i < 4 && isSpeechVerbAt(tokens, i));
  if (verbAt >= 0) return speakerNearVerb(ctx, tokens, verbAt);
  // "“…!” beamed Mara Quist": any past-tense verb between a closed quote and a name is
  // how the name said it, whether or not it is a word for speaking.
  const inverted = closes && first?.tags.has('PastTense') && /^\p{Lu}/u.test(tokens[1]?.word ?? '');
  return inverted ? speakerNearVerb(ctx, tokens, 0) : null;
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
  const alone = cueTokens(ctx, s.start, s.end).length === 0;
  const follows = prev.paragraph === s.paragraph || (opensParagraph && alone);
  if (!follows && !introduces) return null;
  const tokens = cueTokens(ctx, Math.max(prev.start, prev.end - CUE_REACH), prev.end);
  const said = subjectOfSpeech(ctx, tokens);
  if (said !== null || introduces) return said ?? clauseSubject(ctx, tokens);
  // A quote standing alone after a sentence about someone ("Quist toured the pier on
  // Monday. “It is a disgrace.”") is most often that person's.
  return alone ? sentenceSubject(ctx, index - 1, prev.end) : null;
}

/** The speaker of reported speech in sentence `index` outside its quotes ("X said that …"). */
export function speakerOfSentence(
  ctx: SpeakerContext,
  sentences: Sentence[],
  index: number,
): Speaker | null {
  const s = sentences[index];
  if (!s) return null;
  return subjectOfSpeech(ctx, cueTokens(ctx, Math.max(s.start, s.end - CUE_REACH), s.end));
}
