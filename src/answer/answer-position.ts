import { SPEECH_VERBS } from '../nlp/text/lexicon.ts';
import { askedAbout, type Span } from './answer-type.ts';
import { mentionsIn, type SentenceView } from './entities.ts';
import type { Question } from './question.ts';
import { phrasesRead } from './reading.ts';
import { concept, sameTitle } from './stem.ts';

/**
 * Where the answer stands in a sentence. "…the fatal shooting of Tobin Ashgrove" answers "who
 * was shot" and "Mara Quist said the shootings …" does not, though both name a new person:
 * what the question asks for stands next to what the question says about it (a date beside
 * the event asked about, not beside another). And when a sentence gives only the description
 * ("The port's harbour master says …"), the person is often named at the start of the next
 * one ("Tobin Ashgrove says he …").
 */

/** Characters between a new name and the question's words for the name to be the answer. */
const NEAR_CHARS = 40;
/** Verbs that make a "who" ask for whoever spoke ("Who announced the cuts?"). */
const ASKS_SPEAKER = /^(?:say|says|said|tell|tells|told|announce[sd]?|declare[sd]?)$/u;
/** Characters looked at beside a name for the speech verb that makes it a source. */
const SOURCE_CHARS = 30;
/** What may come before a sentence's opening name: nothing, or a short phrase and a comma. */
const OPENER = /^(?:[^,]{1,25},\s*)?$/u;

/**
 * Does the sentence hold what the question asks for (its `spans`, from answerSpans) with at
 * least half of the question's words it holds within reach? For "who", not as the source
 * quoted ("…, Quist said"), who tells of the event rather than being the one asked about.
 */
export function answerPlaced(
  q: Question,
  s: SentenceView,
  concepts: ReadonlySet<string>,
  spans: readonly Span[] | null,
): boolean {
  if (!spans || spans.length === 0) return false;
  const text = s.text;
  const spots: Array<{ from: number; to: number; concept: string }> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const c = concept(m[0]);
    if (concepts.has(c)) spots.push({ from: m.index, to: m.index + m[0].length, concept: c });
  }
  // "prime minister", "in charge": phrases read as one word, where they stand in the text.
  for (const p of phrasesRead(text)) {
    const c = concept(p.word);
    if (concepts.has(c)) spots.push({ from: p.from, to: p.to, concept: c });
  }
  const held = new Set(spots.map((p) => p.concept)).size;
  if (held === 0) return false;
  // "Who speaks for the campaign?" asks for the one who speaks.
  const skipSources =
    q.kind === 'who' && !q.words.some((w) => ASKS_SPEAKER.test(w) || concept(w) === 'speak');
  const asksObject = q.kind === 'who' && OBJECT_QUESTION.test(q.text);
  return spans.some(([start, end]) => {
    // "Rovers owner Lena Brook said …", "the club's owner, Lena Brook, said": a source titled
    // by the question's word right before the name is the one asked for.
    const title = spots.find((p) => p.to < start && /^[.,]?\s+$/u.test(text.slice(p.to, start)));
    const titled = title !== undefined;
    // "Which senator thinks …?" — "…, Sen. Ana Ruiz told …": a view the sentence reports, told
    // by someone called by the very noun asked for.
    if (
      title &&
      q.askedPerson &&
      ASKS_VIEW.test(q.text) &&
      sameTitle(text.slice(title.from, title.to), q.askedPerson.noun)
    )
      return true;
    if (skipSources && !titled && isSource(text, start, end, concepts)) return false;
    const near = new Set(
      spots
        .filter((p) => !(p.from >= start && p.to <= end))
        .filter((p) => reach(text, p.from >= end ? [end, p.from] : [p.to, start]) <= NEAR_CHARS)
        .map((p) => p.concept),
    );
    // "Who did Quist summon?" — "Quist, …, said she had summoned the envoy": the answer is
    // what the verb acts on, right after it, wherever the subject asked about is named.
    return (
      near.size * 2 >= held ||
      (asksObject && objectOfVerb(text, start, spots, q)) ||
      // "Hale has been endorsed by the dockers' union and by Ada Lusk": the passive's agent.
      (q.kind === 'who' && !asksObject && agentOfVerb(text, start, spots, q)) ||
      // "Four passengers died …, among them a nurse, Rena Hollis": the sentence's own list.
      (held * 2 >= concepts.size && LIST_OPENER.test(text.slice(Math.max(0, start - 80), start)))
    );
  });
}

/** A question for whoever holds a view, which articles report as what someone said. */
const ASKS_VIEW =
  /\b(?:thinks?|thought|believes?|believed|reckons?|says?|said|argues?|argued|wants?|wanted|feels?|felt)\b/iu;

/** A list of the people a sentence is about: "…, among them a nurse, Rena Hollis". */
const LIST_OPENER =
  /\b(?:among them|among those|including|such as|named as|identified as)\b[^.;:]{0,60}$/iu;

/** "Who did Quist summon?", "whom has the board hired?": the one asked for is the verb's object. */
const OBJECT_QUESTION = /^who(?:m)?\s+(?:did|does|do|has|have|had|will|would)\s+/iu;

type Spot = { from: number; to: number; concept: string };

/**
 * Does a word of the question that is not a name asked about (its verb) stand before the
 * span, at most `chars` before it, with a gap `fits` accepts?
 */
function afterVerb(
  text: string,
  start: number,
  spots: readonly Spot[],
  q: Question,
  chars: number,
  fits: (gap: string) => boolean,
): boolean {
  const named = new Set(q.names.map(concept));
  return spots.some(
    (p) =>
      !named.has(p.concept) &&
      p.to <= start &&
      start - p.to <= chars &&
      fits(text.slice(p.to, start)),
  );
}
const PUNCTUATION = /[,.;:!?"“”]/u;
/** "had summoned the most senior envoy": the object, a few words on and no punctuation between. */
const objectOfVerb = (text: string, start: number, spots: readonly Spot[], q: Question): boolean =>
  afterVerb(text, start, spots, q, OBJECT_CHARS, (gap) => !PUNCTUATION.test(gap));
/** "endorsed by the union and by X": "by" leads from the verb to the agent. */
const agentOfVerb = (text: string, start: number, spots: readonly Spot[], q: Question): boolean =>
  afterVerb(
    text,
    start,
    spots,
    q,
    AGENT_CHARS,
    (gap) => /^\s+by\b/u.test(gap) || (/\bby\b/u.test(gap) && !PUNCTUATION.test(gap)),
  );
/** Characters between a passive verb and its agent ("endorsed by the union and by X"). */
const AGENT_CHARS = 60;

/** Characters between a verb and the start of its object ("summoned the most senior …"). */
const OBJECT_CHARS = 30;

/**
 * Characters between two points, not counting a relative clause or an apposition set off by
 * commas: "Tobin Hale, who represents the district, called for …" has the name beside "called".
 */
function reach(text: string, [from, to]: Span): number {
  return text.slice(from, to).replace(INSERTED_CLAUSE, ',').length;
}
const INSERTED_CLAUSE = /,\s(?:who|which|whose|a|an|the|his|her|its|their|\d)\b[^,]{0,80},/gu;

/** "Quist said", "Quist (Portline) told", "said Quist", "according to Quist". */
function isSource(text: string, start: number, end: number, asked: ReadonlySet<string>): boolean {
  const after = text.slice(end, end + SOURCE_CHARS).match(/^(?:\s*\([^)]*\))?,?\s+(\p{L}+)/u)?.[1];
  // "according to fire chief Ivo Brannock": a title may stand between the verb and the name.
  const before = text
    .slice(Math.max(0, start - SOURCE_CHARS), start)
    .match(/(\p{L}+)\s+(?:to\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u)?.[1];
  // "Who called the police?" — "X called the police": the act asked about, not a source.
  const speaks = (verb: string | undefined): boolean =>
    !!verb && SPEECH_VERBS.has(verb.toLowerCase()) && !asked.has(concept(verb));
  return speaks(after) || speaks(before);
}

/**
 * Does the sentence open by naming a person neither the question nor the sentence before
 * (when given) named ("Tobin Ashgrove says he …" after "The harbour master says …")?
 */
export function opensWithNewPerson(
  q: Question,
  s: SentenceView,
  before: SentenceView | undefined,
): boolean {
  const { actors } = s.article.analysis;
  const { sentenceStart, mentions } = mentionsIn(s);
  const first = mentions[0];
  const actor = first ? actors[first.actor] : undefined;
  return (
    !!first &&
    !!actor &&
    actor.type === 'person' &&
    // "Tobin Ashgrove says …", "On Monday, Tobin Ashgrove said …"; not "The move against Ashgrove".
    OPENER.test(s.text.slice(0, first.start - sentenceStart)) &&
    !askedAbout(actor, q) &&
    !(before?.actors.has(first.actor) ?? false)
  );
}

/** Does the sentence name a person neither the question nor the sentence before named? */
export function namesNewPerson(q: Question, s: SentenceView, before: SentenceView): boolean {
  const { actors } = s.article.analysis;
  for (const a of s.actors) {
    const actor = actors[a];
    if (actor?.type === 'person' && !askedAbout(actor, q) && !before.actors.has(a)) return true;
  }
  return false;
}

/**
 * Does the sentence name a person the question did not, other than as the speaker tagged
 * after a quote ("'…,' Quist revealed"), whose quote is about something else than who?
 */
export function namesSomeoneBesideQuotes(q: Question, s: SentenceView): boolean {
  const { actors } = s.article.analysis;
  const { sentenceStart, mentions } = mentionsIn(s);
  for (const m of mentions) {
    const actor = actors[m.actor];
    if (actor?.type !== 'person' || askedAbout(actor, q)) continue;
    const at = m.start - sentenceStart;
    if (!AFTER_QUOTE.test(s.text.slice(Math.max(0, at - 4), at))) return true;
  }
  return false;
}
const AFTER_QUOTE = /[”"]\s*,?\s*$/u;
